// Keeps a feature that crosses the antimeridian (Russia's Chukotka, the Aleutians, Fiji) in one piece
// on the map: the minority of its coordinates moves by ±360° next to the rest. Without this Leaflet
// draws a band across the whole world and framing the article zooms out to the globe (issue #5 screenshots).
import type { Geometry, Position } from 'geojson';

/** Longitude spans wider than this can only come from coordinates on both sides of ±180°. */
const MAX_PLAIN_SPAN_DEG = 180;

function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point': return [g.coordinates];
    case 'MultiPoint': case 'LineString': return g.coordinates;
    case 'MultiLineString': case 'Polygon': return g.coordinates.flat();
    case 'MultiPolygon': return g.coordinates.flat(2);
    case 'GeometryCollection': return g.geometries.flatMap(positions);
  }
}

/**
 * The geometry with longitudes moved next to each other, or the same object when nothing crosses ±180°.
 * @example unwrapAntimeridian({ type: 'MultiPoint', coordinates: [[179, 65], [-179, 66]] }) // → [[179, 65], [181, 66]]
 */
export function unwrapAntimeridian<G extends Geometry>(g: G): G {
  const all = positions(g);
  let min = Infinity, max = -Infinity, west = 0;
  for (const [lon] of all) {
    min = Math.min(min, lon);
    max = Math.max(max, lon);
    if (lon < 0) west++;
  }
  if (max - min <= MAX_PLAIN_SPAN_DEG) return g;
  // Move the smaller side: Russia keeps its west and gains Chukotka at 180–191°; the US keeps its
  // mainland and its far Aleutians go to −188–−180°.
  const moveWest = west <= all.length - west;
  const shift = (p: Position): Position => (moveWest ? (p[0] < 0 ? [p[0] + 360, ...p.slice(1)] : p) : p[0] > 0 ? [p[0] - 360, ...p.slice(1)] : p);
  const map = (x: unknown): unknown => (typeof (x as number[])[0] === 'number' ? shift(x as Position) : (x as unknown[]).map(map));
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map(unwrapAntimeridian) };
  return { ...g, coordinates: map((g as Exclude<Geometry, { type: 'GeometryCollection' }>).coordinates) } as G;
}
