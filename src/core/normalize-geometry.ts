// The layer's coordinate rules for any geometry: positions rounded to 6 decimals and polygons wound by
// the right-hand rule (RFC 7946), plus the small helpers the layer and the gazetteer's decoders share.

import { booleanClockwise } from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/** A coordinate rounded to 6 decimals (~0.1 m), as layers carry them. */
export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * A position [x, y] as an array of doubles whatever its numbers: a literal of two whole numbers would be
 * an array of small integers, and the code that reads positions would deoptimise at the first one.
 *
 * @example
 * position(45, 40.5) // [45, 40.5]
 */
export function position(x: number, y: number): Position {
  const p = [0.5, 0.5];
  p[0] = x;
  p[1] = y;
  return p;
}

/** A polygon or multipolygon as a list of polygons, each a list of rings. */
export const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

/**
 * Vertices of a list of polygons (ring lengths summed), whatever the vertices are.
 *
 * @example
 * countVertices(polygonsOf({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 1], [0, 0]]] })) // 4
 */
export function countVertices(polygons: ReadonlyArray<ReadonlyArray<ArrayLike<unknown>>>): number {
  let n = 0;
  for (const rings of polygons) for (const ring of rings) n += ring.length;
  return n;
}

type Coordinates = Position | Position[] | Position[][] | Position[][][];

/** How many levels of arrays a geometry's coordinates hold above its positions. */
export const POSITION_DEPTH = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

/**
 * A position rounded to 6 decimals: a copy, or with `inPlace` the array itself.
 *
 * @example
 * roundPosition([1.23456789, 2]) // [1.234568, 2]
 */
export function roundPosition<P extends Position>(p: P, inPlace = false): P {
  if (p.length === 2 && !inPlace) return position(round6(p[0]), round6(p[1])) as P;
  const out: number[] = inPlace ? p : [];
  for (let i = 0; i < p.length; i++) out[i] = round6(p[i]);
  return out as P;
}

/**
 * Coordinates rounded to 6 decimals: a copy, or with `inPlace` the arrays themselves (for arrays the
 * caller owns, such as freshly decoded ones). `depth` is the geometry type's POSITION_DEPTH.
 *
 * @example
 * roundCoords([[1.23456789, 2]], false, 1) // [[1.234568, 2]]
 */
export function roundCoords<C extends Coordinates>(coords: C, inPlace: boolean, depth: number): C {
  // The depth comes from the geometry's type, not from a look at the elements: optimised code that reads
  // both positions and lists of them at one place turns the positions (arrays of doubles) into general
  // arrays, and position() then made general arrays for the rest of the batch: every place's anchor
  // thereafter, and the code reading anchors deoptimised (issue #15, test/bench/README.md).
  if (depth === 0) return roundPosition(coords as Position, inPlace) as C;
  const c = coords as Coordinates[];
  const out: Coordinates[] = inPlace ? c : [];
  for (let i = 0; i < c.length; i++) out[i] = roundCoords(c[i], inPlace, depth - 1);
  return out as C;
}

/**
 * The geometry with 6-decimal coordinates and RFC 7946 winding: the input itself when it already is
 * so (a gazetteer's shapes usually are; nothing is copied then), otherwise a copy.
 *
 * @example
 * normalizeGeometry({ type: 'Point', coordinates: [49.8671234567, 40.4093] }).coordinates // [49.867123, 40.4093]
 */
export function normalizeGeometry(g: Geometry): Geometry {
  if (g.type === 'GeometryCollection')
    return { type: 'GeometryCollection', geometries: g.geometries.map(normalizeGeometry) };
  if (isNormal(g)) return g;
  const coordinates = roundCoords(g.coordinates, false, POSITION_DEPTH[g.type]);
  // The rounded copy is ours, so its rings are turned in place.
  const copy = { type: g.type, coordinates } as Geometry;
  if (copy.type === 'Polygon' || copy.type === 'MultiPolygon') windInPlace(copy);
  return copy;
}

/** Does the geometry already have 6-decimal coordinates and right-hand winding? Reads only. */
function isNormal(g: Exclude<Geometry, { type: 'GeometryCollection' }>): boolean {
  switch (g.type) {
    case 'Point':
      return isRounded(g.coordinates);
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.every(isRounded);
    case 'MultiLineString':
      return g.coordinates.every((line) => line.every(isRounded));
    case 'Polygon':
      return isNormalPolygon(g.coordinates);
    case 'MultiPolygon':
      return g.coordinates.every(isNormalPolygon);
  }
}

function isRounded(p: Position): boolean {
  for (let i = 0; i < p.length; i++) if (round6(p[i]) !== p[i]) return false;
  return true;
}

// Plain loops: this runs over every vertex of every area in a batch.
function isNormalPolygon(rings: Position[][]): boolean {
  for (let k = 0; k < rings.length; k++) {
    const ring = rings[k];
    for (let i = 0; i < ring.length; i++) if (!isRounded(ring[i])) return false;
    if (booleanClockwise(ring) !== k > 0) return false;
  }
  return true;
}

/**
 * Winds a polygon's rings by the right-hand rule (exterior rings counterclockwise, holes clockwise),
 * reversing them where they are; for geometries the caller owns.
 */
export function windInPlace(g: Polygon | MultiPolygon): void {
  for (const rings of polygonsOf(g)) {
    for (let k = 0; k < rings.length; k++) if (booleanClockwise(rings[k]) !== k > 0) rings[k].reverse();
  }
}
