// The basemap as the site serves it (issue #14 item 6): a small index and the paths in files of a grid, so that the
// explorer asks for a first view's few cells with the index (geo/lib/make-basemap.mjs splitBasemap, src/ui/map/
// src/export/basemap-files.ts gridFiles). Built from the real Natural Earth data; the grid the browser assumes is checked
// against the one the build writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
// @ts-expect-error a plain .mjs module of the geo build, without types
import { makeBasemap, splitBasemap } from '../../geo/lib/make-basemap.mjs';
import { BASEMAP_GRID, type BasemapGrid, gridFiles } from '../../src/export/basemap-files.ts';

const whole = makeBasemap();
const { index, files } = splitBasemap(whole) as { index: Record<string, unknown>; files: Array<[string, string]> };
const byName = new Map(files);

test('the index carries no paths, and its grid is the one the explorer asks for before reading it', () => {
  assert.deepEqual(index.grid, BASEMAP_GRID);
  assert.equal('cells' in index, false);
  assert.ok(gzipSync(JSON.stringify(index)).length < 12_000, 'the index stays small');
  assert.deepEqual(index.toPx, whole.toPx);
  assert.deepEqual(index.labels, whole.labels);
});

test('every cell of the grid has its file, and the files hold every path of the whole basemap once', () => {
  const { cellPx, col0, cols, rows } = BASEMAP_GRID;
  const cellFiles = files.filter(([name]) => /^basemap\/-?\d+_\d+\.json$/.test(name));
  assert.equal(cellFiles.length, cols * rows);
  const inGrid = (whole.cells as Array<[number, number, number, number, string, string, string]>).filter(
    ([, y0, , y1]) => (y0 + y1) / 2 < 256,
  );
  for (const [x0, y0, x1, y1, ...paths] of inGrid) {
    const name = `basemap/${Math.floor((x0 + x1) / 2 / cellPx)}_${Math.floor((y0 + y1) / 2 / cellPx)}.json`;
    const [col, row] = name.match(/-?\d+/g)!.map(Number);
    assert.deepEqual(
      JSON.parse(byName.get(name) ?? 'null'),
      [[col, row, ...(paths[2] ? paths : paths.slice(0, 2))]],
      name,
    );
  }
  const drawn = cellFiles.filter(([, json]) => json !== '[]').length;
  assert.equal(drawn, inGrid.length);
  assert.ok(col0 < 0 && col0 + cols > 256 / cellPx, 'columns run past ±180° (Chukotka)');
});

test('a block file holds the same cells as the cell files of its block', () => {
  const { col0, cols, rows, block } = BASEMAP_GRID;
  let seen = 0;
  for (const [name, json] of files) {
    const m = /^basemap\/b(-?\d+)_(\d+)\.json$/.exec(name);
    if (!m) continue;
    for (const [col, row, ...paths] of JSON.parse(json) as Array<[number, number, ...string[]]>) {
      assert.equal(Math.floor(col / block), Number(m[1]));
      assert.equal(Math.floor(row / block), Number(m[2]));
      assert.deepEqual(JSON.parse(byName.get(`basemap/${col}_${row}.json`)!), [[col, row, ...paths]]);
      seen++;
    }
  }
  const nonEmpty = files.filter(([name, json]) => /^basemap\/-?\d+_\d+\.json$/.test(name) && json !== '[]');
  assert.equal(seen, nonEmpty.length);
  assert.ok(cols * rows > seen);
});

test('gridFiles: a view asks for its own cells, once; half a block or more asks for the block', () => {
  const asked = new Set<string>();
  // 20 × 10 zoom-0 pixels over the Caucasus (zoom 7 at 1280 px is 10 wide): 4 cells, no block.
  const first = gridFiles(BASEMAP_GRID, [150, 90, 170, 100], asked);
  assert.deepEqual(first.sort(), ['basemap/10_5.json', 'basemap/10_6.json', 'basemap/9_5.json', 'basemap/9_6.json']);
  assert.deepEqual(gridFiles(BASEMAP_GRID, [150, 90, 170, 100], asked), [], 'asked once');
  // The world: every block once, no single cells.
  const world = gridFiles(BASEMAP_GRID, [-20, -20, 300, 300], asked);
  assert.ok(
    world.every((f) => /^basemap\/b-?\d+_\d+\.json$/.test(f)),
    world.join(),
  );
  assert.equal(new Set(world).size, world.length);
  for (const f of world) assert.ok(byName.has(f), `${f} is written`);
  assert.ok(first.every((f) => byName.has(f)));
});

/** The rings of a cell's path (`M x y l dx dy … z`, relative after the first point) in zoom-0 pixels. */
function ringsOf(d: string, toPx: { x: number[]; y: number[] }): Array<Array<[number, number]>> {
  return d
    .split('M')
    .filter(Boolean)
    .map((part) => {
      const n = (part.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
      const ring: Array<[number, number]> = [];
      let x = 0,
        y = 0;
      for (let i = 0; i + 1 < n.length; i += 2) {
        ((x = i ? x + n[i] : n[i]), (y = i ? y + n[i + 1] : n[i + 1]));
        ring.push([toPx.x[0] * x + toPx.x[1], toPx.y[0] * y + toPx.y[1]]);
      }
      return ring;
    });
}
/** A point's zoom-0 pixel (Web Mercator, the world 256 px wide). */
const px = (lon: number, lat: number): [number, number] => {
  const phi = (lat * Math.PI) / 180;
  return [((lon + 180) / 360) * 256, (0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)) * 256];
};
/** Whether the even-odd fill of the grid's `slot` path (0 land, 2 lakes) covers a point. */
function filled(lon: number, lat: number, slot: number): boolean {
  const [x, y] = px(lon, lat);
  const { cellPx } = BASEMAP_GRID;
  const json = byName.get(`basemap/${Math.floor(x / cellPx)}_${Math.floor(y / cellPx)}.json`)!;
  const d = (JSON.parse(json) as Array<Array<string>>)[0]?.[2 + slot] ?? '';
  let inside = false;
  for (const ring of ringsOf(d, index.toPx as { x: number[]; y: number[] }))
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i],
        [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

test('big lakes are drawn as water over the land: Lake Ontario, Lake Sevan, Lake Victoria', () => {
  for (const [name, lon, lat] of [
    ['Lake Ontario', -77.9, 43.6],
    ['Lake Sevan', 45.3, 40.35],
    ['Lake Victoria', 33.0, -1.0],
  ] as const) {
    assert.ok(filled(lon, lat, 0), `${name} lies in the land's fill (the 50m land has no lakes)`);
    assert.ok(filled(lon, lat, 2), `${name} is drawn as water`);
  }
  // Not the land around them: Toronto, Yerevan, Kampala.
  for (const [name, lon, lat] of [
    ['Toronto', -79.38, 43.7],
    ['Yerevan', 44.51, 40.18],
    ['Kampala', 32.58, 0.35],
  ] as const) {
    assert.ok(filled(lon, lat, 0) && !filled(lon, lat, 2), `${name} is land`);
  }
});

test('finer borders: a file for each cell whose bit is set in the index, and gridFiles asks for those only', () => {
  const fine = index.fine as BasemapGrid & { scale: number; minZoom: number };
  assert.equal(fine.prefix, 'f');
  const fineFiles = files.filter(([name]) => name.startsWith('basemap/f'));
  assert.ok(fineFiles.length > 100, `${fineFiles.length} files`);
  const bits = Buffer.from(fine.has ?? '', 'base64');
  let set = 0;
  for (let i = 0; i < fine.cols * fine.rows; i++) set += (bits[i >> 3] >> (i & 7)) & 1;
  assert.equal(set, fineFiles.length);
  // Detroit and Windsor, zoomed in (a box of 1 zoom-0 pixel): the border on the Detroit River has its cells.
  const [x, y] = px(-83.05, 42.32);
  const asked = gridFiles(fine, [x - 0.5, y - 0.5, x + 0.5, y + 0.5], new Set());
  assert.ok(asked.length >= 1 && asked.every((f) => byName.has(f)), asked.join());
  // The middle of the Atlantic has no border: nothing to ask for.
  const [ax, ay] = px(-40, 30);
  assert.deepEqual(gridFiles(fine, [ax - 2, ay - 2, ax + 2, ay + 2], new Set()), []);
  // Their keys do not take the grid's: the same box still asks for the grid's cells.
  const shared = new Set<string>();
  gridFiles(fine, [x - 0.5, y - 0.5, x + 0.5, y + 0.5], shared);
  assert.ok(gridFiles(BASEMAP_GRID, [x - 0.5, y - 0.5, x + 0.5, y + 0.5], shared).length >= 1);
});
