// Simplification of a polygon to a vertex budget (simplify-js, its tolerance raised until the shape
// fits), keeping track of where every kept vertex came from so that the choice can be stored as a mask.

import { bbox } from '@turf/turf';
import simplifyPoints from 'simplify-js';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { countVertices, polygonsOf } from './normalize-geometry.ts';

/**
 * The coarsest simplification a layer polygon gets: no round of it uses a larger Douglas–Peucker
 * tolerance (degrees; 0.1° is about 10 km: 3 px at the seed's first view, 9 px at the map's closest
 * framing, zoom 7), and one that reaches it starts again from the whole outline, so that no vertex of it
 * moves further than this (twice this: simplify-js first drops points nearer than the tolerance to the last
 * one kept). A vertex budget alone had Russia drawn with 346 vertices at a tolerance near a degree: its
 * border ran straight across the Caspian and Dagestan beside Azerbaijan (issue #14). A map shows a big
 * country beside the small places of a story, at their zoom, so a big outline needs the same precision per
 * kilometre as a small one, not the same number of vertices. Russia now takes 1,391 vertices; 0.05° would
 * take 2,100 and put the seed's layer over its 40 KB budget.
 */
export const MAX_SIMPLIFY_DEG = 0.1;

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
 * The rounds of simplification that bring a polygon to at most `maxVertices` vertices, or as near as a
 * tolerance of MAX_SIMPLIFY_DEG allows, as points that remember their ring and index; null when the
 * polygon already fits.
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
  let tolerance = Math.min(MAX_SIMPLIFY_DEG, Math.max(0.001, Math.hypot(e - w, n - s) / 5000));
  // simplify-js works on {x, y} points: the shape is converted once, not at every round.
  let r = 0;
  const whole: Point[][][] = polygons.map((rings) => rings.map((ring) => toPoints(ring, r++)));
  let out = whole;
  for (let round = 0; round < 24 && count > maxVertices; round++) {
    // At the ceiling the outline is simplified once more, from the whole shape: rounds on rounds could
    // each move it by their own tolerance.
    const ceiling = tolerance >= MAX_SIMPLIFY_DEG;
    const next = simplifyShape(ceiling ? whole : out, ceiling ? MAX_SIMPLIFY_DEG : tolerance);
    if (!next.length) break;
    out = next;
    if (ceiling) break;
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
