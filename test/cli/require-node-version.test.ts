import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { NODE_ENGINES, nodeVersionProblem } from '../../src/cli/require-node-version.ts';

test('a Node.js older than the libraries need gets one clear line (issue #16)', () => {
  for (const v of ['18.20.4', '20.0.0', '20.18.3', '21.7.3', '22.11.0', '23.11.0'])
    assert.match(
      nodeVersionProblem(v) ?? '',
      new RegExp(`needs Node\\.js 20\\.19 or later .*this is Node\\.js ${v}\\.`),
      v,
    );
  for (const v of ['20.19.0', '20.20.2', '22.12.0', '24.0.0', '25.1.0']) assert.equal(nodeVersionProblem(v), null, v);
});

test("the check admits what package.json's engines admit", () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  assert.equal(pkg.engines.node, NODE_ENGINES);
});
