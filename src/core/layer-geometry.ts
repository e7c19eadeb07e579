// A place's geometry as the article layer carries it: big polygons simplified to a vertex budget, then
// rounded and wound (normalizeGeometry). The gazetteer may hand over this form ready-made.

import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { normalizeGeometry, position, roundPosition } from './normalize-geometry.ts';
import { simplifyToFit, type Point } from './simplify-to-fit.ts';
import type { Gazetteer, Place } from './types.ts';

/**
 * Most vertices one feature's polygon may carry in a layer, unless keeping to it would need a coarser
 * simplification than MAX_SIMPLIFY_DEG (simplify-to-fit.ts). Keeps the seed's layer small (issue #4
 * budget: 40 KB gzip).
 */
export const MAX_LAYER_VERTICES = 400;

/**
 * A polygon simplified (Douglas–Peucker, the tolerance raised until it fits, up to MAX_SIMPLIFY_DEG) to at most
 * MAX_LAYER_VERTICES vertices, then rounded to 6 decimals and wound by the right-hand rule; other
 * geometries only normalised.
 *
 * @example
 * layerGeometry(russia) // a MultiPolygon of at most 400 vertices
 */
export function layerGeometry(g: Geometry, maxVertices = MAX_LAYER_VERTICES): Geometry {
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return normalizeGeometry(g);
  const simplified = simplifyToFit(g, maxVertices);
  return normalizeGeometry(simplified ? withRings(g, simplified, (ring) => ring.map((p) => position(p.x, p.y))) : g);
}

/** The polygon as the same type with new rings. */
function withRings(
  g: Polygon | MultiPolygon,
  polygons: Point[][][],
  ring: (points: Point[]) => Position[],
): Polygon | MultiPolygon {
  const coordinates = polygons.map((rings) => rings.map(ring));
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: coordinates[0] }
    : { type: 'MultiPolygon', coordinates };
}

// Gazetteer geometries are shared, immutable objects; their layer form is computed once.
const normalized = new WeakMap<Geometry, Geometry>();

/** layerGeometry cached per input object; do not mutate what it returns. */
export function layerGeometryCached(g: Geometry): Geometry {
  let n = normalized.get(g);
  if (!n) normalized.set(g, (n = layerGeometry(g)));
  return n;
}

/**
 * The geometry a layer feature carries for a place: its polygon in the layer's form when the gazetteer
 * has a shape for it (areas), else its anchor as a point (cities, and areas without a shape). Shared by
 * the layer and by search (search-places.ts), so a place added by hand looks like one the pipeline found.
 *
 * @example
 * placeGeometry(gazetteer.get('geonames:587084')!, gazetteer) // { type: 'Point', coordinates: [49.89201, 40.37767] }
 */
export function placeGeometry(place: Place, gazetteer: Gazetteer): Geometry {
  if (!place.shape) return { type: 'Point', coordinates: roundPosition(place.anchor) };
  // A gazetteer may have the layer's form ready (its port promises layerGeometry's result, so it is not
  // simplified and checked again: Russia's 1,391 vertices went through simplify-js in every process).
  const ready = gazetteer.layerGeometry?.(place.shape);
  if (ready) return ready;
  const shape = gazetteer.geometry(place.shape);
  return shape ? layerGeometryCached(shape) : { type: 'Point', coordinates: roundPosition(place.anchor) };
}
