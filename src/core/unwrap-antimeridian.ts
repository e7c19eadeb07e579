// Keeps shapes that cross the antimeridian (Russia's Chukotka, the Aleutians, Fiji) in one piece on
// the map. Each ring is unwrapped continuously (a jump of more than 180° between neighbours means it
// crossed ±180°), then the rings on the smaller side of a feature move by ±360° next to the rest.
// Drawn raw, Leaflet paints a band round the world and framing the article zooms out to the globe.
import type { Geometry, Position } from 'geojson';

/** Neighbouring points or ring centres further apart than this lie on both sides of ±180°. */
const MAX_PLAIN_SPAN_DEG = 180;

/**
 * One ring or line with no jump across ±180° (the part after a crossing continues past 180 or −180).
 * @example unwrapRing([[179, 65], [-179, 66]]) // → [[179, 65], [181, 66]]
 */
export function unwrapRing(ring: Position[]): Position[] {
  let offset = 0;
  let changed = false;
  const out = ring.map((p, i) => {
    if (i > 0) {
      const d = p[0] - ring[i - 1][0];
      if (d > MAX_PLAIN_SPAN_DEG) offset -= 360;
      else if (d < -MAX_PLAIN_SPAN_DEG) offset += 360;
    }
    if (!offset) return p;
    changed = true;
    return [p[0] + offset, ...p.slice(1)];
  });
  return changed ? out : ring;
}

const mean = (ring: Position[]) => ring.reduce((s, p) => s + p[0], 0) / ring.length;

/**
 * The geometry with every ring unwrapped and its rings kept on one side of ±180°; the same object when
 * nothing crosses.
 * @example unwrapAntimeridian(russia).coordinates // Chukotka at 180–191° beside the rest
 */
export function unwrapAntimeridian<G extends Geometry>(g: G): G {
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map(unwrapAntimeridian) };
  if (g.type === 'Point') return g;
  const rings: Position[][] =
    g.type === 'MultiPoint'
      ? [g.coordinates]
      : g.type === 'LineString'
        ? [g.coordinates]
        : g.type === 'MultiPolygon'
          ? g.coordinates.flat()
          : g.coordinates;
  const unwrapped = rings.map(unwrapRing);
  const centres = unwrapped.map(mean);
  const span = Math.max(...centres) - Math.min(...centres);
  let moved = unwrapped;
  if (span > MAX_PLAIN_SPAN_DEG) {
    // Move the side with fewer points: Russia keeps its west, the US its mainland.
    let west = 0,
      total = 0;
    unwrapped.forEach((r, i) => ((total += r.length), centres[i] < 0 && (west += r.length)));
    const moveWest = west <= total - west;
    moved = unwrapped.map((r, i) =>
      moveWest && centres[i] < 0
        ? r.map((p) => [p[0] + 360, ...p.slice(1)])
        : !moveWest && centres[i] > 0
          ? r.map((p) => [p[0] - 360, ...p.slice(1)])
          : r,
    );
  }
  if (moved.every((r, i) => r === rings[i])) return g;
  let k = 0;
  const next = () => moved[k++];
  switch (g.type) {
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: next() };
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map(next) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((poly) => poly.map(next)) };
  }
}
