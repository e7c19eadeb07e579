// Decodes the offline basemap written by build.mjs (geo/lib/make-basemap.mjs: Natural Earth land and borders as
// delta-encoded integer rings, country and sea names) straight into two SVG path strings in Web Mercator pixels at
// zoom 0, which the map scales with one transform (create-article-map.ts): no LatLng per vertex, no projection
// or clipping by Leaflet on each zoom (issue #14, paint budget). Lives in ui/map with the map's other geometry.

export interface BasemapData {
  scale: [number, number];
  translate: [number, number];
  land: number[][][];
  borders: number[][];
  /** Countries `[name, lon, lat, radius, across, iso2]` (labelPoint's room) roomiest first; seas `[name, lon, lat, minZoom]`. */
  labels?: {
    countries: Array<[string, number, number, number, number, string]>;
    seas: Array<[string, number, number, number]>;
  };
}

/** Leaflet's spherical Mercator stops here (L.Projection.SphericalMercator); beyond it y grows without bound. */
const MAX_LATITUDE = 85.0511287798;
/** The world's width in pixels at zoom 0, as Leaflet's CRS projects it. */
const WORLD_PX = 256;
/** Neighbouring points further apart than this lie on both sides of ±180° (as unwrap-antimeridian.ts). */
const MAX_PLAIN_SPAN_DEG = 180;
/** Decimals kept of a zoom-0 pixel: 1/1000 px is 1 px at zoom 10, the map's closest. */
const ROUND = 1000;

/**
 * Land and borders as SVG path data (`d`) in zoom-0 Web Mercator pixels: land one path of every ring (to be
 * filled even-odd, as Leaflet fills polygons: lakes are holes), borders one path of every line.
 * @example const { land } = decodeBasemap(data); path.setAttribute('d', land) // "M12.345 67.89 12.4 67.9…Z"
 */
export function decodeBasemap(data: BasemapData): { land: string; borders: string } {
  const [sx, sy] = data.scale;
  const [tx, ty] = data.translate;
  // y of every quantised latitude, computed once: the rings share a few thousand distinct latitudes.
  const ys = new Map<number, number>();
  const yOf = (q: number) => {
    let y = ys.get(q);
    if (y === undefined) {
      const lat = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, q * sy + ty));
      const phi = (lat * Math.PI) / 180;
      y = Math.round((0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)) * WORLD_PX * ROUND) / ROUND;
      ys.set(q, y);
    }
    return y;
  };
  const ring = (r: number[], close: boolean): string => {
    const parts: string[] = [];
    // Chukotka's land ring crosses ±180° in Natural Earth; drawn raw it paints a band round the world. The part
    // after a crossing continues past 180° (or −180°), as unwrapRing does for the article's shapes.
    let offset = 0;
    let lon = NaN;
    for (let i = 0, qx = 0, qy = 0; i < r.length; i += 2) {
      qx += r[i];
      qy += r[i + 1];
      const next = qx * sx + tx;
      if (next - lon > MAX_PLAIN_SPAN_DEG) offset -= 360;
      else if (next - lon < -MAX_PLAIN_SPAN_DEG) offset += 360;
      lon = next;
      const x = Math.round(((lon + offset + 180) / 360) * WORLD_PX * ROUND) / ROUND;
      parts.push(`${x} ${yOf(qy)}`);
    }
    return parts.length ? `M${parts.join(' ')}${close ? 'Z' : ''}` : '';
  };
  return {
    land: data.land.map((poly) => poly.map((r) => ring(r, true)).join('')).join(''),
    borders: data.borders.map((r) => ring(r, false)).join(''),
  };
}
