// End-to-end tests of the story-map commands (issue #18) on the built CLI: build of many articles,
// build --jsonl with a malformed line, merge of layers and its errors, and the README's sharded run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { CollectionLayer } from '../../src/core/merge-layers.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/cli.js');
const tmp = mkdtempSync(join(tmpdir(), 'aa-story-'));
const schema = JSON.parse(readFileSync(join(ROOT, 'src/core/collection-layer.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function run(args: string[], input?: string, cwd = tmp) {
  const r = spawnSync('node', [BIN, ...args], { input, cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const read = (dir: string): CollectionLayer => JSON.parse(readFileSync(join(dir, 'collection.geojson'), 'utf8'));
const mentionsOf = (c: CollectionLayer, name: string) =>
  c.features.find((f) => f.properties.name === name)?.properties.mentions ?? [];

const LINES = [
  JSON.stringify({
    id: 'n1',
    text: 'Talks were held in Baku on Monday.',
    title: 'Talks in Baku',
    date: '2023-09-20',
    source: 'Wire',
  }),
  '{"id": "n2", "text": "broken',
  JSON.stringify({
    id: 'n3',
    text: 'Crowds gathered in Baku and Yerevan.',
    title: 'Crowds',
    date: '2023-09-22',
    url: 'https://example.org/n3',
  }),
  JSON.stringify({ id: 'n4' }),
].join('\n');

test('build --jsonl reports the malformed lines by number, builds the rest and exits 1', () => {
  const out = join(tmp, 'site-jsonl');
  const r = run(['build', '--jsonl', '-o', out], LINES + '\n');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /line 2: not JSON/);
  assert.match(r.stderr, /line 4: article n4: missing "text"/);
  assert.doesNotMatch(r.stderr, /line [13]:/);
  const c = read(out);
  assert.equal(validate(c), true, JSON.stringify(validate.errors));
  // Each article's sentence once, in its `contexts`, however many places it names (n3: Baku and Yerevan).
  assert.deepEqual(c.articles, [
    {
      id: 'n1',
      title: 'Talks in Baku',
      date: '2023-09-20',
      source: 'Wire',
      textFile: 'articles/n1.txt',
      contexts: [{ start: 0, text: 'Talks were held in Baku on Monday.' }],
    },
    {
      id: 'n3',
      title: 'Crowds',
      date: '2023-09-22',
      url: 'https://example.org/n3',
      textFile: 'articles/n3.txt',
      contexts: [{ start: 0, text: 'Crowds gathered in Baku and Yerevan.' }],
    },
  ]);
  assert.equal(readFileSync(join(out, 'articles/n3.txt'), 'utf8'), 'Crowds gathered in Baku and Yerevan.');
  assert.deepEqual(
    mentionsOf(c, 'Baku').map((m) => [m.article, m.text]),
    [
      ['n1', 'Baku'],
      ['n3', 'Baku'],
    ],
  );
  assert.match(readFileSync(join(out, 'index.html'), 'utf8'), /data-src="collection.geojson"/);
  assert.equal(existsSync(join(out, 'app.js')), true);
  assert.equal(
    readFileSync(join(out, 'collection.geojson'), 'utf8').includes('Crowds gathered in Baku and Yerevan.'),
    true,
    'context sentence',
  );
});

test('build A B - makes one site; ids from file names; stdin is "stdin"', () => {
  writeFileSync(
    join(tmp, 'one.txt'),
    'Azerbaijani forces shelled Stepanakert overnight, officials in Yerevan said.\n\nThe government in Baku, the capital of Azerbaijan, denied the report.\n',
  );
  writeFileSync(join(tmp, 'two.md'), '# Baku summit\n\nLeaders met in Baku.\n');
  const out = join(tmp, 'site-files');
  const r = run(['build', 'one.txt', 'two.md', '-', '-o', out], 'A report from Yerevan.');
  assert.equal(r.code, 0, r.stderr);
  const c = read(out);
  assert.deepEqual(
    c.articles.map((a) => a.id),
    ['one', 'stdin', 'two'],
  );
  assert.deepEqual(
    mentionsOf(c, 'Baku').map((m) => m.article),
    ['one', 'two', 'two'],
  );
  assert.equal(readFileSync(join(out, 'articles/stdin.txt'), 'utf8'), 'A report from Yerevan.');
});

test('merge: layers from files and JSON lines into one collection; a non-layer is named, exit 1', () => {
  const lines = run(['parse', '--jsonl'], LINES + '\n');
  writeFileSync(join(tmp, 'layers.jsonl'), lines.stdout);
  writeFileSync(join(tmp, 'extra.txt'), 'Baku again.');
  writeFileSync(join(tmp, 'extra.geojson'), run(['parse', 'extra.txt']).stdout);
  const ok = run(
    ['merge', 'extra.geojson', '-'],
    lines.stdout
      .split('\n')
      .filter((l) => !l.includes('"error"'))
      .join('\n'),
  );
  assert.equal(ok.code, 0, ok.stderr);
  const c: CollectionLayer = JSON.parse(ok.stdout);
  assert.equal(validate(c), true, JSON.stringify(validate.errors));
  assert.deepEqual(
    c.articles.map((a) => a.id),
    ['extra', 'n1', 'n3'],
  );
  assert.equal(c.articles[0].text, 'Baku again.');
  assert.deepEqual(
    mentionsOf(c, 'Baku').map((m) => m.article),
    ['extra', 'n1', 'n3'],
  );

  writeFileSync(join(tmp, 'not-a-layer.json'), '{"type":"Feature"}');
  const bad = run(['merge', 'extra.geojson', 'not-a-layer.json', 'missing.geojson']);
  assert.equal(bad.code, 1);
  assert.match(
    bad.stderr,
    /not-a-layer\.json line 1 is not an article layer or collection: it is not a GeoJSON FeatureCollection/,
  );
  assert.match(bad.stderr, /no such file: missing\.geojson/);
  assert.doesNotMatch(bad.stderr, /at .*\.js:\d+/, 'no stack trace');
  assert.deepEqual(
    JSON.parse(bad.stdout).articles.map((a: { id: string }) => a.id),
    ['extra'],
  );
  assert.equal(run(['merge']).code, 1);
});

test('the sharded run of the README: split + xargs -P + merge gives the same collection as one process', () => {
  const many = Array.from({ length: 6 }, (_, i) =>
    JSON.stringify({
      id: `s${i}`,
      text: `Report ${i} from ${['Baku', 'Yerevan', 'Tbilisi'][i % 3]}.`,
      date: `2023-09-2${i}`,
    }),
  );
  writeFileSync(join(tmp, 'articles.jsonl'), many.join('\n') + '\n');
  // The README's commands, with this build's CLI for `article-atlas`.
  const script = `set -e
split -n l/3 -d articles.jsonl shard-
ls shard-?? | xargs -P 3 -I{} sh -c 'node ${BIN} build --jsonl -o {}.site < {}'
node ${BIN} build shard-??.site/collection.geojson -o sharded
ls shard-?? | xargs -P 3 -I{} sh -c 'node ${BIN} parse --jsonl < {} > {}.layers'
node ${BIN} merge shard-??.layers > merged.geojson
`;
  const r = spawnSync('bash', ['-c', script], { cwd: tmp, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const one = run(['build', '--jsonl', '-o', 'whole'], many.join('\n'));
  assert.equal(one.code, 0, one.stderr);
  assert.equal(
    readFileSync(join(tmp, 'sharded/collection.geojson'), 'utf8'),
    readFileSync(join(tmp, 'whole/collection.geojson'), 'utf8'),
  );
  assert.equal(readFileSync(join(tmp, 'sharded/articles/s4.txt'), 'utf8'), 'Report 4 from Yerevan.');
  const merged: CollectionLayer = JSON.parse(readFileSync(join(tmp, 'merged.geojson'), 'utf8'));
  assert.deepEqual(
    merged.articles.map((a) => a.id),
    ['s0', 's1', 's2', 's3', 's4', 's5'],
  );
  assert.equal(mentionsOf(merged, 'Baku').length, 2);
});
