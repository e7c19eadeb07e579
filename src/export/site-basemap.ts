// The basemap a site's page carries (issue #14: everything painted without a request after the places): the index
// and the cells of the layer's first view, guessed from its focus. Build-time only (article-atlas build, the zip):
// the explorer reads them in src/ui/main.tsx.
import { chooseFocus } from '../core/choose-focus.ts';
import { focusView } from '../core/focus-view.ts';
import { toPx } from '../core/label-point.ts';
import type { ArticleLayer } from '../core/types.ts';
import { BASEMAP_GRID, BASEMAP_INDEX, cellMeets, gridFiles } from './basemap-files.ts';

/**
 * The widest map the page's first view is guessed for, in pixels: at the closest zoom of a single spot
 * (SPOT_MAX_ZOOM, 7) it spans 15 zoom-0 pixels, about one cell. A wider screen asks for its other cells as a page
 * without them does.
 */
const WIDEST_MAP_PX = 1920;

/**
 * The box of zoom-0 pixels `[x0, y0, x1, y1]` the first view of a layer is likely to show: 1.5 times the focus box's
 * largest side each way of its centre (at least half the widest map's span at the closest zoom the view takes), which
 * covers a fit into a map up to twice as wide as high or as high as wide, with its padding and its zoom rounded down
 * to a quarter. Null when the layer has no places.
 * @example firstViewBox(seedLayer) // [155.8, 91.1, 167.3, 102.6]: the South Caucasus, in 4 cells of 16 px
 */
export function firstViewBox(layer: ArticleLayer): [number, number, number, number] | null {
  const view = focusView(layer.focus?.bbox ?? chooseFocus(layer)?.bbox);
  if (!view) return null;
  const [[s, w], [n, e]] = view.bounds;
  const [x0, y0] = toPx([w, n]);
  const [x1, y1] = toPx([e, s]);
  const half = Math.max(1.5 * (x1 - x0), 1.5 * (y1 - y0), WIDEST_MAP_PX / 2 ** view.maxZoom / 2);
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  return [cx - half, cy - half, cx + half, cy + half];
}

/**
 * At most this many characters of the basemap's cells go into the page with its index (the seed's view: 4 cells,
 * 28 KB); a view of a continent takes its cells nearest the middle and fetches the others.
 */
export const MAX_INLINE_BASEMAP_CHARS = 96 * 1024;

/** A cell of the grid as its files hold it: `[col, row, land, borders, lakes?]`. */
type Cell = [number, number, ...string[]];

/**
 * The basemap a site's page carries for a first view (issue #14: everything painted without a request after the
 * places), as the JSON text `{"index": <basemap.json>, "cells": [[col, row, land, borders, lakes?], …]}`: the index
 * and the cells of the grid that meet `box`, read from their files by `read`, nearest the box's middle first while
 * their characters stay within MAX_INLINE_BASEMAP_CHARS. The page fetches any other cell its view needs. Null
 * without a readable index, or when the text would hold `</` or `<!--` (which would end the script element).
 * @example inlineBasemap(firstViewBox(layer), (f) => readFileSync(join(site, f), 'utf8'))
 */
export function inlineBasemap(
  box: [number, number, number, number] | null,
  read: (file: string) => string | undefined,
): string | null {
  const json = (file: string): unknown => {
    try {
      const text = read(file);
      return text === undefined ? undefined : JSON.parse(text);
    } catch {
      return undefined;
    }
  };
  const index = json(BASEMAP_INDEX);
  if (!index || typeof index !== 'object') return null;
  const { cellPx, block, col0, cols, rows } = BASEMAP_GRID;
  const cells = new Map<string, Cell>();
  for (const file of box ? gridFiles(BASEMAP_GRID, box, new Set()) : []) {
    const got = json(file);
    if (!Array.isArray(got)) continue;
    // A cell of the sea has no paths (an empty file, or none in its block's): carried empty, so the page does not
    // ask for it.
    const [, b, col, row] = /^basemap\/(b?)(-?\d+)_(\d+)\.json$/.exec(file)!;
    const side = b ? block : 1;
    for (let c = Math.max(col0, +col * side); c < Math.min(col0 + cols, +col * side + side); c++)
      for (let r = +row * side; r < Math.min(rows, +row * side + side); r++) cells.set(`${c}_${r}`, [c, r, '']);
    for (const c of got) {
      const ok = Array.isArray(c) && Number.isInteger(c[0]) && Number.isInteger(c[1]) && typeof c[2] === 'string';
      if (ok) cells.set(`${c[0]}_${c[1]}`, c as Cell);
    }
  }
  const [x0, y0, x1, y1] = box ?? [0, 0, 0, 0];
  const away = ([col, row]: Cell) =>
    Math.hypot((col + 0.5) * cellPx - (x0 + x1) / 2, (row + 0.5) * cellPx - (y0 + y1) / 2);
  const kept: Cell[] = [];
  let chars = 0;
  for (const cell of [...cells.values()]
    .filter(([col, row]) => cellMeets(BASEMAP_GRID, col, row, [x0, y0, x1, y1]))
    .sort((a, b) => away(a) - away(b))) {
    const size = JSON.stringify(cell).length;
    if (chars + size > MAX_INLINE_BASEMAP_CHARS) continue;
    chars += size;
    kept.push(cell);
  }
  const text = JSON.stringify({ index, cells: kept });
  return text.includes('</') || text.includes('<!--') ? null : text;
}
