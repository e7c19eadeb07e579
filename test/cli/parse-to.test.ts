// `article-atlas parse --to kml|csv` (issue #17) on the built command: the same places as the GeoJSON layer,
// read back by independent readers (togeojson over xmldom, csv-parse); a wrong --to is a clear error.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { ArticleLayer } from '../../src/core/types.ts';
import { readKml } from '../helpers/read-kml.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/cli.js');
const SEED = join(ROOT, 'test/fixtures/seed/article.txt');
const tmp = mkdtempSync(join(tmpdir(), 'aa-parse-to-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync('node', [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const layer: ArticleLayer = JSON.parse(run(['parse', SEED]).stdout);

test('--to kml gives every place of the layer with its geometry', () => {
  const r = run(['parse', SEED, '--to', 'kml']);
  assert.equal(r.code, 0, r.stderr);
  const back = readKml(r.stdout).geojson;
  assert.ok(layer.features.length >= 5);
  assert.deepEqual(
    back.features.map((f) => f.properties!.id),
    layer.features.map((f) => f.id),
  );
  const baku = layer.features.find((f) => f.properties.name === 'Baku')!;
  assert.deepEqual(back.features.find((f) => f.properties!.id === baku.id)!.geometry, baku.geometry);
});

test('--to csv -o FILE writes one row per place at its anchor', () => {
  const out = join(tmp, 'places.csv');
  const r = run(['parse', SEED, '--to', 'csv', '-o', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  const bytes = readFileSync(out);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark, for Excel');
  const rows: string[][] = parse(bytes, { bom: true });
  assert.deepEqual(rows[0], ['id', 'name', 'kind', 'country', 'lon', 'lat', 'mentions', 'status']);
  assert.deepEqual(
    rows.slice(1).map((r) => [r[0], r[1], Number(r[4]), Number(r[5]), Number(r[6])]),
    layer.features.map((f) => [f.id, f.properties.name, ...f.properties.anchor, f.properties.mentions.length]),
  );
});

test('--to geojson is the default output; a wrong --to, or one where it does not apply, exits 1', () => {
  assert.equal(run(['parse', SEED, '--to', 'geojson']).stdout, run(['parse', SEED]).stdout);
  for (const [args, re] of [
    [['parse', SEED, '--to', 'shp'], /Unknown --to shp: use geojson, kml or csv/],
    [['parse', SEED, '--to', 'csv', '--pretty'], /--pretty indents GeoJSON/],
    [['parse', '--jsonl', '--to', 'csv'], /parse --jsonl does not take --to/],
    [['build', SEED, '-o', join(tmp, 'site'), '--to', 'kml'], /build does not take --to/],
  ] as Array<[string[], RegExp]>) {
    const r = run(args);
    assert.equal(r.code, 1, args.join(' '));
    assert.match(r.stderr, re);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});
