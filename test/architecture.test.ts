// Guards the layer boundaries of DESIGN.md §1 by reading the import lines under src/ and geo/train.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [
    ...src.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] ?? m[2]);
}

const RULES: Record<string, Array<[RegExp, string]>> = {
  'src/core': [
    [/^node:/, 'node built-ins'],
    [/^(preact|@preact\/|leaflet)/, 'UI libraries'],
    [/\/(cli|ui|gazetteer|node)\//, 'cli, ui, node or gazetteer code'],
  ],
  'src/gazetteer': [
    [/^node:/, 'node built-ins'],
    [/^(preact|@preact\/|leaflet)/, 'UI libraries'],
    [/\/(cli|ui|node)\//, 'cli, ui or node code'],
  ],
  'src/node': [
    [/^(preact|@preact\/|leaflet)/, 'UI libraries'],
    [/\/(cli|ui)\//, 'cli or ui code'],
  ],
  // The model trainer reads the data through the Node loaders, as the library does.
  'geo/train': [
    [/^(preact|@preact\/|leaflet)/, 'UI libraries'],
    [/\/(cli|ui)\//, 'cli or ui code'],
  ],
  'src/cli': [
    [/^(preact|@preact\/|leaflet)/, 'UI libraries'],
    [/\/ui\//, 'ui code'],
  ],
  'src/ui': [
    [/^node:/, 'node built-ins'],
    [/\/(cli|node)\//, 'cli or node code'],
  ],
};

for (const [layer, rules] of Object.entries(RULES)) {
  test(`${layer} respects its import boundaries`, () => {
    const found = files(join(ROOT, layer));
    assert.ok(found.length > 0, `${layer} has files`);
    for (const f of found) {
      for (const spec of imports(f)) {
        for (const [re, what] of rules)
          assert.ok(!re.test(spec), `${relative(ROOT, f)} imports ${spec}: ${layer} must not import ${what}`);
      }
    }
  });
}

test('only src/ui/map imports Leaflet', () => {
  for (const f of files(join(ROOT, 'src'))) {
    const rel = relative(ROOT, f);
    if (rel.startsWith('src/ui/map/')) continue;
    for (const spec of imports(f)) assert.ok(!/^leaflet/.test(spec), `${rel} imports ${spec}`);
  }
});

test('core uses DOM globals nowhere', () => {
  for (const f of files(join(ROOT, 'src/core'))) {
    const src = readFileSync(f, 'utf8').replace(/\/\/.*$/gm, '');
    assert.ok(
      !/\b(document|window|localStorage|fetch)\s*[.(]/.test(src),
      `${relative(ROOT, f)} touches the DOM or the network`,
    );
  }
});
