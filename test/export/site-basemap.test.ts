// The basemap a site's page carries (issue #14): the box of the first view, guessed from the layer's focus (boxes
// projected by hand below), and the cells of the grid that meet it, nearest its middle first, with the index.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticleLayer } from '../../src/core/types.ts';
import { BASEMAP_GRID, gridFiles } from '../../src/export/basemap-files.ts';
import { firstViewBox, inlineBasemap, MAX_INLINE_BASEMAP_CHARS } from '../../src/export/site-basemap.ts';

/** A layer with no places but its focus box. */
const focused = (bbox: [number, number, number, number]) =>
  ({ type: 'FeatureCollection', features: [], focus: { bbox, ids: [] } }) as unknown as ArticleLayer;

/** The box, to 0.05 zoom-0 px, and the grid's files for it. */
function near(actual: number[] | null, expected: number[], files: string[]) {
  assert.ok(actual, 'a box');
  assert.ok(
    actual.every((v, i) => Math.abs(v - expected[i]) < 0.05),
    `${actual.map((v) => v.toFixed(2))} ≈ ${expected}`,
  );
  assert.deepEqual(gridFiles(BASEMAP_GRID, actual, new Set()), files);
}

test('firstViewBox: 1.5 times the focus box each way of its centre, at least half a wide map at its zoom', () => {
  // Yerevan to Baku, 44.5–49.9°E, 39.8–40.4°N: x 159.64–163.48, y 96.54–97.10 zoom-0 px; 1.5 × 3.84 = 5.76
  // each way of (161.56, 96.82): columns 9–10 (16 px each), rows 5–6.
  near(
    firstViewBox(focused([44.5, 39.8, 49.9, 40.4])),
    [155.8, 91.06, 167.32, 102.58],
    ['basemap/9_5.json', 'basemap/9_6.json', 'basemap/10_5.json', 'basemap/10_6.json'],
  );
  // One spot (Brussels, 131.09, 85.89): at zoom 7 a 1,920 px map spans 15 zoom-0 px, 7.5 each way: columns 7–8
  // (in two blocks of 4 × 4), rows 4–5.
  near(
    firstViewBox(focused([4.35, 50.85, 4.35, 50.85])),
    [123.59, 78.39, 138.59, 93.39],
    ['basemap/7_4.json', 'basemap/7_5.json', 'basemap/8_4.json', 'basemap/8_5.json'],
  );
  // Across ±180° (Fiji, 178.4°E to 179.8°W): on the side where most of it lies, 178.4 to 180.2 (x 254.86 to
  // 256.14), so column 16 past 180°, not column 0; y 139.60–141.17, 1.5 × 1.57 = 2.36 each way: row 8.
  near(
    firstViewBox(focused([178.4, -18.2, -179.8, -16.1])),
    [253.15, 138.03, 257.86, 142.74],
    ['basemap/15_8.json', 'basemap/16_8.json'],
  );
  // No focus and no places: nothing to guess from.
  assert.equal(firstViewBox({ type: 'FeatureCollection', features: [] } as unknown as ArticleLayer), null);
});

test("inlineBasemap: the index and the box's cells (the sea's empty), nearest its middle first, within the budget", () => {
  const big = `M${'1'.repeat(MAX_INLINE_BASEMAP_CHARS)}z`;
  const files: Record<string, string> = {
    'basemap.json': '{"grid":{"cellPx":16}}\n',
    // Cells 0–2 of columns and rows meet the box: 9 of the block's 16, so its file is read.
    'basemap/b0_0.json': JSON.stringify([
      [0, 0, big, ''],
      [2, 2, 'M2 2z', ''],
      [1, 1, 'M1 1z', 'M1 1l1 1'],
      [3, 3, 'M3 3z', ''],
      [1, 2, 7],
    ]),
  };
  const read = (f: string) => files[f];
  const text = inlineBasemap([0, 0, 48, 48], read);
  // (1,1) is at the middle, then the four cells 16 px from it, then the corners 22.6 px away; the block's cells
  // without paths are the sea's, carried empty. (0,0) is over the budget, (3,3) outside the box; [1,2,7] is no cell.
  assert.deepEqual(JSON.parse(text!), {
    index: { grid: { cellPx: 16 } },
    cells: [
      [1, 1, 'M1 1z', 'M1 1l1 1'],
      [0, 1, ''],
      [1, 0, ''],
      [1, 2, ''],
      [2, 1, ''],
      [0, 2, ''],
      [2, 0, ''],
      [2, 2, 'M2 2z', ''],
    ],
  });
  // Cells in files of their own; a file missing or not JSON is left to the page to fetch.
  const cells: Record<string, string> = {
    ...files,
    'basemap/1_1.json': '[[1,1,"M9 9z",""]]',
    'basemap/2_1.json': '[[2,1,',
  };
  assert.deepEqual(JSON.parse(inlineBasemap([16, 16, 48, 32], (f) => cells[f])!).cells, [[1, 1, 'M9 9z', '']]);
  // No box: the index alone. No index, or text that would end the script element: none.
  assert.deepEqual(JSON.parse(inlineBasemap(null, read)!).cells, []);
  assert.equal(
    inlineBasemap([0, 0, 48, 48], (f) => (f === 'basemap.json' ? undefined : read(f))),
    null,
  );
  assert.equal(
    inlineBasemap([0, 0, 48, 48], (f) => (f === 'basemap.json' ? '{"a":"</script>"}' : read(f))),
    null,
  );
  assert.equal(
    inlineBasemap([0, 0, 48, 48], (f) => (f === 'basemap.json' ? '{"a":"<!--"}' : read(f))),
    null,
  );
});
