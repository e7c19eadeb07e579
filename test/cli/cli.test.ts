// End-to-end tests of the built command (dist/cli.js, from `npm run build`): formats, batch mode,
// exit codes and error messages, atomic output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '@placemarkio/check-geojson';
import { validateLayer } from '../helpers/validate-layer.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin['article-atlas']);
const SEED = join(ROOT, 'test/fixtures/seed/article.txt');
const tmp = mkdtempSync(join(tmpdir(), 'aa-cli-'));

function run(args: string[], input?: string | Buffer, env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync('node', [BIN, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('parse FILE prints a valid layer of the seed', () => {
  const r = run(['parse', SEED]);
  assert.equal(r.code, 0, r.stderr);
  const layer = JSON.parse(r.stdout);
  assert.deepEqual(validateLayer(layer), []);
  assert.doesNotThrow(() => check(r.stdout));
  const names = layer.features.map((f: any) => f.properties.name);
  for (const n of ['Azerbaijan', 'Armenia', 'Baku', 'Yerevan', 'Nagorno-Karabakh']) assert.ok(names.includes(n), n);
  assert.equal(layer.text, readFileSync(SEED, 'utf8'));
});

test('parse - reads stdin; --pretty indents; --out writes the file', () => {
  const r = run(['parse', '-', '--pretty'], 'Clashes broke out near Baku on Tuesday.');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^\{\n  "type": "FeatureCollection"/);
  const out = join(tmp, 'out.geojson');
  assert.equal(run(['parse', SEED, '--out', out]).code, 0);
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).type, 'FeatureCollection');
  assert.deepEqual(
    readdirSync(tmp).filter((f) => f.includes('.tmp')),
    [],
    'no temporary file left behind',
  );
});

test('parse reads HTML and Markdown; offsets refer to the extracted text', () => {
  const html = join(tmp, 'a.html');
  writeFileSync(
    html,
    '<html><head><title>T</title><script>var Paris = 1;</script></head><body><article><h1>Border clashes</h1><p>Fighting near <b>Baku</b> and Yerevan.</p></article></body></html>',
  );
  const layer = JSON.parse(run(['parse', html]).stdout);
  assert.doesNotMatch(layer.text, /var Paris/);
  for (const f of layer.features)
    for (const m of f.properties.mentions) assert.equal(layer.text.slice(m.start, m.end), m.text);
  assert.deepEqual(layer.features.map((f: any) => f.properties.name).sort(), ['Baku', 'Yerevan']);
  const md = join(tmp, 'a.md');
  writeFileSync(md, '# Clashes\n\nFighting near **Baku**.');
  assert.deepEqual(
    JSON.parse(run(['parse', md]).stdout).features.map((f: any) => f.properties.name),
    ['Baku'],
  );
});

test('--jsonl: one line out per line in, in order, ids kept, bad lines reported and the rest processed', () => {
  const input = [
    JSON.stringify({ id: 'a', text: 'Talks in Yerevan.' }),
    '{not json',
    JSON.stringify({ id: 7, text: 'Nothing here.' }),
    JSON.stringify({ id: 'c' }),
    JSON.stringify({ id: 'd', text: 'Storms hit Texas.' }),
  ].join('\n');
  const r = run(['parse', '--jsonl'], input + '\n');
  assert.equal(r.code, 1, 'malformed lines make the exit code 1');
  const lines = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(lines.length, 5);
  assert.deepEqual(
    lines.map((l) => l.id),
    ['a', null, '7', 'c', 'd'],
  );
  assert.equal(lines[0].features[0].properties.name, 'Yerevan');
  assert.match(lines[1].error, /line 2: not a JSON object/);
  assert.deepEqual(lines[2].features, []);
  assert.match(lines[3].error, /missing "text"/);
  assert.equal(lines[4].features[0].properties.name, 'Texas');
  assert.match(r.stderr, /2 input line\(s\)/);
});

test('--jsonl gives the same lines and exit code whether or not it runs in a child with batch Node options', () => {
  const input =
    [
      JSON.stringify({ id: 'a', text: 'Talks in Yerevan and Baku.' }),
      '{not json',
      JSON.stringify({ id: 'b', text: 'Storms hit Texas.' }),
    ].join('\n') + '\n';
  const pool = (size: string) => ({ ...process.env, NODE_OPTIONS: size });
  // The first and third run in a child (the third with a pool size of its own), the second in the same process.
  const rerun = run(['parse', '--jsonl'], input, pool(''));
  const same = run(['parse', '--jsonl'], input, { ...process.env, ARTICLE_ATLAS_SAME_PROCESS: '1' });
  const set = run(['parse', '--jsonl'], input, pool('--v8-pool-size=2'));
  for (const r of [rerun, same, set]) {
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout.trim().split('\n').length, 3);
    assert.match(r.stderr, /1 input line\(s\)/);
  }
  assert.equal(rerun.stdout, same.stdout);
  assert.equal(set.stdout, same.stdout);
});

test('--stats reports the load and the throughput on stderr, and nothing without it', () => {
  const input =
    [
      JSON.stringify({ id: 'a', text: 'Talks in Yerevan.' }),
      JSON.stringify({ id: 'b', text: 'Storms hit Texas.' }),
    ].join('\n') + '\n';
  const r = run(['parse', '--jsonl', '--stats'], input);
  assert.equal(r.code, 0, r.stderr);
  // 17 + 17 characters of text in two articles.
  assert.match(
    r.stderr,
    /loaded the gazetteer in \d+ ms; geoparsed 2 article\(s\), 34 chars in \d+ ms = \d+\.\d\d M chars\/s; peak RSS \d+ MB/,
  );
  assert.equal(r.stdout.trim().split('\n').length, 2, 'stdout still carries only the layers');
  assert.equal(run(['parse', '--jsonl'], input).stderr, '');
  const single = run(['parse', '--stats', SEED]);
  assert.match(single.stderr, new RegExp(`geoparsed 1 article\\(s\\), ${readFileSync(SEED, 'utf8').length} chars`));
});

const BAD: Array<[string, string[], string | Buffer | undefined, RegExp]> = [
  ['missing file', ['parse', '/nonexistent/a.txt'], undefined, /No such file/],
  ['a folder', ['parse', ROOT], undefined, /is a folder/],
  ['empty stdin', ['parse', '-'], '', /empty/],
  ['binary', ['parse', '-'], Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe]), /UTF-8|binary/],
  ['unknown command', ['frobnicate'], undefined, /Unknown command/],
  ['unknown option', ['parse', '--frob'], undefined, /frob/],
  ['bad format', ['parse', SEED, '--format', 'pdf'], undefined, /Unknown --format/],
  ['build without -o', ['build', SEED], undefined, /output folder/],
];

test('bad input exits 1 with a message and no stack trace', () => {
  for (const [name, args, input, re] of BAD) {
    const r = run(args, input);
    assert.equal(r.code, 1, `${name}: exit ${r.code} ${r.stderr}`);
    assert.match(r.stderr, re, name);
    assert.doesNotMatch(r.stderr, /\n\s+at /, `${name}: no stack trace`);
  }
});

test('the output never overwrites the input', () => {
  const f = join(tmp, 'self.txt');
  writeFileSync(f, 'Talks in Yerevan.');
  const r = run(['parse', f, '--out', f]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /Refusing to overwrite the input/);
  assert.equal(readFileSync(f, 'utf8'), 'Talks in Yerevan.');
});

test('--help and --version', () => {
  assert.match(run(['--help']).stdout, /article-atlas parse/);
  assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+/);
});

test('build writes a static site with the layer and the text', () => {
  const dir = join(tmp, 'site');
  const r = run(['build', SEED, '-o', dir]);
  assert.equal(r.code, 0, r.stderr);
  for (const f of ['index.html', 'layer.geojson']) assert.ok(existsSync(join(dir, f)), f);
  assert.deepEqual(validateLayer(JSON.parse(readFileSync(join(dir, 'layer.geojson'), 'utf8'))), []);
});

test('the library API: import { geoparse } from the built package entry', async () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const { geoparse } = await import(join(ROOT, pkg.exports['.']));
  const layer = geoparse('Clashes broke out near Baku on Tuesday.');
  assert.equal(layer.features[0].id, 'geonames:587084');
  assert.equal(layer.features[0].properties.mentions[0].text, 'Baku');
});
