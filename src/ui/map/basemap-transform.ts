// The offline basemap build.mjs writes (geo/lib/make-basemap.mjs): Natural Earth land and borders as SVG paths,
// already projected and cut into cells of the world, that the map scales with one transform (create-article-map.ts),
// and the names of countries and seas. Nothing is decoded point by point in the browser: building 80,000 LatLngs and having
// Leaflet project, clip and simplify them took most of the first load (issue #14, README.md).

export interface BasemapData {
  /** x and y of the paths to zoom-0 Web Mercator pixels (the world 256 px wide): `px = a·v + b`. */
  toPx: { x: [number, number]; y: [number, number] };
  /**
   * The world in cells, 45° a side: `[x0, y0, x1, y1, land, borders]`, the cell's box in zoom-0 pixels and the SVG
   * path data of its land (filled even-odd: lakes are holes) and of the borders between countries. The map draws
   * the cells in and around the view (issue #14).
   */
  cells: Array<[number, number, number, number, string, string]>;
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
  if (!Array.isArray(data.cells) || !data.toPx) return null;
  const { x, y } = data.toPx;
  const s = 2 ** zoom;
  return `matrix(${s * x[0]} 0 0 ${s * y[0]} ${s * x[1] - origin.x} ${s * y[1] - origin.y})`;
}
