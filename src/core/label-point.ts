// Where an area's name goes on a map (issue #14): the pole of inaccessibility of its largest part, found by
// mapbox's `polylabel` in Web Mercator, the projection the map draws in, with the room around it. Used by the
// explorer for the article's areas and by geo/ for the basemap's country and sea names.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';

export interface LabelPoint {
  /**
   * `[lon, lat]` of the label: on the row of the point farthest inside the area, midway between the edges left
   * and right of that point, since a name is written across.
   */
  at: [number, number];
  /**
   * Distance from that point to the area's nearest edge in Web Mercator pixels at zoom 0 (the world 256 px
   * wide, as Leaflet projects it): at zoom z the label has `radius × 2^z` px of room on every side.
   */
  radius: number;
  /** Half the width of the area along the label's row, in the same pixels: a long, narrow area holds a name far wider than its inscribed circle. */
  across: number;
}

/** Leaflet's spherical Mercator stops here; beyond it y grows without bound. */
const MAX_LATITUDE = 85.0511287798;
const WORLD_PX = 256;
/** Search to 1/100 of the part's size: exact enough for a label, and as fast for Russia as for Kalbajar. */
const PRECISION_SHARE = 0.01;

/**
 * Web Mercator pixels at zoom 0 (the world 256 px wide), as Leaflet's EPSG:3857 projects a position.
 * @example toPx([0, 0]) // [128, 128]
 */
export const toPx = ([lon, lat]: Position): [number, number] => {
  const phi = (Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)) * Math.PI) / 180;
  return [((lon + 180) / 360) * WORLD_PX, (0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)) * WORLD_PX];
};
const toLonLat = ([x, y]: [number, number]): [number, number] => [
  (x / WORLD_PX) * 360 - 180,
  (Math.atan(Math.exp((0.5 - y / WORLD_PX) * 2 * Math.PI)) * 360) / Math.PI - 90,
];

/** The stretch of row y inside the rings around x: the nearest edge crossings on the left and on the right. */
function rowSpan(rings: Array<Array<[number, number]>>, x: number, y: number): [number, number] {
  let left = Infinity;
  let right = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[i];
      const [bx, by] = ring[j];
      if (ay > y === by > y) continue;
      const cx = ax + ((y - ay) / (by - ay)) * (bx - ax);
      if (cx < x) left = Math.min(left, x - cx);
      else right = Math.min(right, cx - x);
    }
  }
  return [x - left, x + right];
}

/**
 * The label point of a polygon or multipolygon: of all its parts, the one with the most room.
 * @example labelPoint({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }) // { at: [1, 1], radius: ≈0.71, across: ≈0.71 }
 */
export function labelPoint(geometry: Polygon | MultiPolygon): LabelPoint {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: LabelPoint = {
    at: parts[0]?.[0]?.[0] ? (parts[0][0][0].slice(0, 2) as [number, number]) : [0, 0],
    radius: 0,
    across: 0,
  };
  for (const part of parts) {
    const rings = part.map((ring) => ring.map(toPx));
    if (!rings[0]?.length) continue;
    const xs = rings[0].map((p) => p[0]);
    const ys = rings[0].map((p) => p[1]);
    const width = Math.max(...xs) - Math.min(...xs);
    const height = Math.max(...ys) - Math.min(...ys);
    // No circle inside the part is wider than its box: a part that cannot beat the roomiest so far is skipped
    // unsearched (same answer; Russia's 47 islands took polylabel 40–100 ms of the explorer's first view).
    if (Math.min(width, height) / 2 <= best.radius) continue;
    const p = polylabel(rings, Math.max(width, height) * PRECISION_SHARE || 1e-9);
    if (p.distance <= best.radius) continue;
    const [left, right] = rowSpan(rings, p[0], p[1]);
    best = { at: toLonLat([(left + right) / 2, p[1]]), radius: p.distance, across: (right - left) / 2 };
  }
  return best;
}
