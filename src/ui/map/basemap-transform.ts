// The offline basemap build.mjs writes (geo/lib/make-basemap.mjs): Natural Earth land and borders as SVG paths,
// already projected and cut into cells of the world, that the map scales with one transform (create-article-map.ts),
// and the names of countries and seas. Nothing is decoded point by point in the browser: building 80,000 LatLngs and having
// Leaflet project, clip and simplify them took most of the first load (issue #14, README.md).

import type { BasemapGrid } from '../../export/basemap-files.ts';

/** Land, borders and big lakes of a cell: SVG path data (land and lakes filled even-odd: islands are holes). */
export type CellPaths = [land: string, borders: string, lakes?: string, fine?: string];

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
  /**
   * Cells already in hand, `[col, row, land, borders, lakes?]` (those of the first view that a site's page carries,
   * main.tsx): drawn as they come near the view, their files never asked for.
   */
  cells?: Array<[number, number, ...CellPaths]>;
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
 * Reads a file of the grid (once: the first view's were asked for with the index, `data.early`) as cells
 * `[col, row, land, borders, lakes?]`; none when it cannot be read.
 * @example await readCells(data, 'basemap/9_5.json') // [[9, 5, 'M5300 5712l…z', 'M5441 5630l…']]
 */
export function readCells(data: BasemapData, file: string): Promise<Array<[number, number, ...CellPaths]>> {
  const json = data.early?.get(file) ?? fetchJson(new URL(file, data.url ?? document.baseURI).href);
  data.early?.delete(file);
  return json.then((v) => (Array.isArray(v) ? v.filter(isCell) : []));
}

/** A cell as the grid's files hold it, `[col, row, land, borders?, lakes?, fine?]`: whole numbers, then path data. */
export const isCell = (c: unknown): c is [number, number, ...CellPaths] =>
  Array.isArray(c) &&
  Number.isInteger(c[0]) &&
  Number.isInteger(c[1]) &&
  c.length > 2 &&
  c.slice(2).every((d) => typeof d === 'string');

/** JSON from a response, or null when it cannot be read. */
export const readJson = (response: Promise<Response>): Promise<unknown> =>
  response.then((r) => (r.ok ? r.json() : null)).catch(() => null);

/** JSON from a URL, or null when it cannot be read. */
export const fetchJson = (url: string): Promise<unknown> => readJson(fetch(url));
