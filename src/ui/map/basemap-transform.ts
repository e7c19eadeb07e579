// The offline basemap build.mjs writes (geo/lib/make-basemap.mjs): Natural Earth land and borders as SVG paths,
// already projected and cut into cells of the world, that the map scales with one transform (create-article-map.ts),
// and the names of countries and seas. Nothing is decoded point by point in the browser: building 80,000 LatLngs and having
// Leaflet project, clip and simplify them took most of the first load (issue #14, README.md).

/** Land, borders and big lakes of a cell: SVG path data (land and lakes filled even-odd: islands are holes). */
export type CellPaths = [land: string, borders: string, lakes?: string, fine?: string];

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

export interface BasemapData {
  /** x and y of the paths to zoom-0 Web Mercator pixels (the world 256 px wide): `px = a·v + b`. */
  toPx: { x: [number, number]; y: [number, number] };
  /** Where the cells' files are: the map reads those in and around the view. */
  grid: BasemapGrid;
  /**
   * The finer borders, drawn instead of the grid's from `minZoom` on: cells of `cellPx`, `basemap/f{col}_{row}.json`
   * (`[[col, row, borders]]` in units `scale` times the grid's), those whose bit is set in `has` (base64, a bit per
   * cell, column by column from `col0`, `rows` a column).
   */
  fine?: BasemapGrid & { scale: number; minZoom: number };
  /** Where the data was read from: the cells' files are relative to it (the page's address when absent). */
  url?: string;
  /** Cells' files already asked for, by name (mount-widget.tsx asks for the first view's with the index). */
  early?: Map<string, Promise<unknown>>;
  /** Countries `[name, lon, lat, radius, across, iso2]` (labelPoint's room) roomiest first; seas `[name, lon, lat, minZoom]`. */
  labels?: {
    countries: Array<[string, number, number, number, number, string]>;
    seas: Array<[string, number, number, number]>;
  };
  /** English country names by ISO 3166-1 alpha-2 code, for the place list (kind-group.ts `setCountryNames`). */
  countryNames?: Record<string, string>;
}

/**
 * The SVG transform that draws the basemap's paths at a zoom, for a map whose layer pixels start at `origin`
 * (Leaflet's pixel origin): zoom-0 pixels scaled by 2^zoom, less the origin. Null for data of another shape (a
 * host's own object, a basemap.json of an older build), which the map then leaves out.
 * @example basemapTransform(data, 5, { x: 9000, y: 5800 }) // "matrix(0.8193 0 0 0.5 -9000 -5800)"
 */
export function basemapTransform(data: BasemapData, zoom: number, origin: { x: number; y: number }): string | null {
  if (!data.grid || !data.toPx) return null;
  const { x, y } = data.toPx;
  const s = 2 ** zoom;
  return `matrix(${s * x[0]} 0 0 ${s * y[0]} ${s * x[1] - origin.x} ${s * y[1] - origin.y})`;
}

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
 * Reads a file of the grid (once: the first view's were asked for with the index, `data.early`) as cells
 * `[col, row, land, borders, lakes?]`; none when it cannot be read.
 * @example await readCells(data, 'basemap/9_5.json') // [[9, 5, 'M5300 5712l…z', 'M5441 5630l…']]
 */
export function readCells(data: BasemapData, file: string): Promise<Array<[number, number, ...CellPaths]>> {
  const json = data.early?.get(file) ?? fetchJson(new URL(file, data.url ?? document.baseURI).href);
  data.early?.delete(file);
  return json.then((v) => (Array.isArray(v) ? v.filter((c) => Array.isArray(c) && typeof c[2] === 'string') : []));
}

/** JSON from a URL, or null when it cannot be read. */
export const fetchJson = (url: string): Promise<unknown> =>
  fetch(url)
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null);
