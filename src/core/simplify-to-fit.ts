// Simplification of a polygon to a vertex budget (simplify-js, its tolerance raised until the shape
// fits), keeping track of where every kept vertex came from so that the choice can be stored as a mask.

import { bbox } from '@turf/turf';
import simplifyPoints from 'simplify-js';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { countVertices, polygonsOf } from './normalize-geometry.ts';

/** A vertex as simplify-js takes it, with the ring it is on and its index there (simplify-js keeps them). */
export interface Point {
  x: number;
  y: number;
  /** The ring's index among all rings of the shape, polygon by polygon. */
  r: number;
  /** The vertex's index in its ring. */
  i: number;
}

/**
 * The rounds of simplification that bring a polygon to at most `maxVertices` vertices, as points that
 * remember their ring and index; null when the polygon already fits.
 *
 * @example
 * simplifyToFit(russia, 400) // [[[{ x, y, r: 0, i: 0 }, …], …], …]
 */
export function simplifyToFit(g: Polygon | MultiPolygon, maxVertices: number): Point[][][] | null {
  const polygons = polygonsOf(g);
  let count = countVertices(polygons);
  if (count <= maxVertices) return null;
  // Start below the answer (a five-thousandth of the extent; far-flung islands make the extent a poor
  // guide), then raise the tolerance in proportion to how far over budget the last round still is
  // (vertex counts fall roughly as the tolerance rises), at least by half. Each round simplifies
  // the last round's output, so only the first one sees every vertex.
  const [w, s, e, n] = bbox(g);
  let tolerance = Math.max(0.001, Math.hypot(e - w, n - s) / 5000);
  // simplify-js works on {x, y} points: the shape is converted once, not at every round.
  let r = 0;
  let out: Point[][][] = polygons.map((rings) => rings.map((ring) => toPoints(ring, r++)));
  for (let round = 0; round < 24 && count > maxVertices; round++) {
    const next = simplifyShape(out, tolerance);
    if (!next.length) break;
    out = next;
    count = countVertices(out);
    tolerance *= Math.max(1.5, Math.min(4, count / maxVertices));
  }
  return out;
}

const toPoints = (ring: Position[], r: number): Point[] => ring.map(([x, y], i) => ({ x, y, r, i }));

/**
 * Polygons with every ring simplified by simplify-js (radial distance, then Douglas–Peucker; both
 * keep a ring's first and last point, so rings stay closed). Rings that collapse below four points go:
 * holes and the small islands of a multipolygon. Empty when the shape itself would go.
 */
function simplifyShape(polygons: Point[][][], tolerance: number): Point[][][] {
  const out: Point[][][] = [];
  for (const rings of polygons) {
    const kept: Point[][] = [];
    for (let k = 0; k < rings.length; k++) {
      // simplify-js returns a subset of the very point objects it is given, so `r` and `i` come along.
      const ring = simplifyPoints(rings[k], tolerance) as Point[];
      if (ring.length >= 4) kept.push(ring);
      else if (k === 0) break;
    }
    if (kept.length) out.push(kept);
  }
  return out;
}
