// The files of the offline basemap as build.mjs writes them (geo/lib/make-basemap.mjs `splitBasemap`): an index,
// basemap.json, and the paths in files of a fixed grid. Shared by the map, which asks for the cells near its view
// (src/ui/map/create-article-map.ts), and by the site's page, which carries its first view's cells (site-basemap.ts).
/**
 * The grid of files build.mjs writes (issue #14 item 6): the world in cells of `cellPx` zoom-0 pixels a side, cell
 * `[col, row]` in `basemap/{col}_{row}.json` (`[[col, row, land, borders, lakes?]]`, relative to the index's `url`), and the same cells
 * in blocks of `block` × `block`, `basemap/b{col}_{row}.json` (`[[col, row, land, borders, lakes?], …]`), for a view that
 * needs half a block or more. Every cell of `cols` × `rows` has its file (the sea's are empty), so a page can ask for
 * a view's cells before the index arrives.
 */
export interface BasemapGrid {
  /** Before the files' names (`f`: the finer borders). */
  prefix?: string;
  /** Which cells have files, when not all do: base64, a bit per cell, column by column from col0, `rows` a column. */
  has?: string;
  cellPx: number;
  /** The first column (-1: rings that cross ±180° run on past it, as the map unwraps the article's shapes). */
  col0: number;
  cols: number;
  rows: number;
  block: number;
}
/** The grid build.mjs writes: the explorer asks for the first view's cells with the index, in the same frame. */
export const BASEMAP_GRID: BasemapGrid = { cellPx: 16, col0: -1, cols: 18, rows: 16, block: 4 };

/** The basemap's index beside the site's page. */
export const BASEMAP_INDEX = 'basemap.json';

/**
 * The files to ask for the cells of `grid` that meet a box of zoom-0 pixels `[x0, y0, x1, y1]` and are not in `asked`
 * (keys `col_row`, added to it): a block's file where half of its cells or more are wanted, else the cells'.
 * @example gridFiles(BASEMAP_GRID, [150, 90, 170, 100], new Set()) // ['basemap/9_5.json', 'basemap/10_5.json', …]
 */
export function gridFiles(grid: BasemapGrid, [x0, y0, x1, y1]: number[], asked: Set<string>): string[] {
  const { prefix = '', cellPx, col0, cols, rows, block } = grid;
  const has = grid.has && atob(grid.has);
  const range = (a: number, b: number, first: number, end: number) => {
    const out: number[] = [];
    for (let i = Math.max(first, Math.floor(a / cellPx)); i < Math.min(end, Math.ceil(b / cellPx)); i++) out.push(i);
    return out;
  };
  const blocks = new Map<string, Array<[number, number]>>();
  for (const col of range(x0, x1, col0, col0 + cols))
    for (const row of range(y0, y1, 0, rows)) {
      const i = (col - col0) * rows + row;
      if (asked.has(prefix + col + '_' + row) || (has && !((has.charCodeAt(i >> 3) >> (i & 7)) & 1))) continue;
      const key = `${Math.floor(col / block)}_${Math.floor(row / block)}`;
      blocks.set(key, [...(blocks.get(key) ?? []), [col, row]]);
    }
  return [...blocks].flatMap(([key, cells]) => {
    const [bc, br] = key.split('_').map(Number);
    // The block's cells that are in the grid (the columns past ±180° fill a block only in part).
    const span = (b: number, first: number, end: number) =>
      Math.min(end, b * block + block) - Math.max(first, b * block);
    if (cells.length * 2 >= span(bc, col0, col0 + cols) * span(br, 0, rows)) {
      for (let c = bc * block; c < bc * block + block; c++)
        for (let r = br * block; r < br * block + block; r++) asked.add(`${c}_${r}`);
      return [`basemap/b${key}.json`];
    }
    return cells.map(([col, row]) => (asked.add(prefix + col + '_' + row), `basemap/${prefix}${col}_${row}.json`));
  });
}

/**
 * Does cell `[col, row]` of `grid` meet a box of zoom-0 pixels `[x0, y0, x1, y1]`?
 * @example cellMeets(BASEMAP_GRID, 9, 5, [150, 90, 170, 100]) // true
 */
export const cellMeets = (grid: BasemapGrid, col: number, row: number, [x0, y0, x1, y1]: number[]) =>
  col * grid.cellPx < x1 && (col + 1) * grid.cellPx > x0 && row * grid.cellPx < y1 && (row + 1) * grid.cellPx > y0;
