// The place kinds that are areas: drawn as polygons when the gazetteer has a shape, and what ranking
// and recognition mean by "an area" (each narrower set says which of them it leaves out).

import type { LayerFeature, PlaceKind } from './types.ts';

/** Every kind of place that is an area rather than a point (cities, sites) or a feature (water, mountains). */
export const AREA_KINDS: ReadonlySet<PlaceKind> = new Set<PlaceKind>([
  'continent',
  'country',
  'historical-country',
  'region',
  'disputed',
  'admin1',
  'admin2',
]);

/**
 * AREA_KINDS without the kinds named.
 *
 * @example
 * areaKindsExcept('continent').has('country') // true
 */
export function areaKindsExcept(...left: PlaceKind[]): ReadonlySet<PlaceKind> {
  return new Set([...AREA_KINDS].filter((kind) => !left.includes(kind)));
}

/** Kinds of area so broad that a point for them (the gazetteer has no outline) marks no place a reader could see. */
const BROAD_KINDS: ReadonlySet<PlaceKind> = new Set<PlaceKind>(['continent', 'region']);

/**
 * Has the place a position worth drawing and framing? Not when it has no geometry, nor when it is a continent or
 * broad region given only as a point: that point is a centroid (Asia's lies in Tibet), and a dot there would tell
 * a reader the story happens in the middle of nowhere. Such places are listed, not drawn (issue #14).
 *
 * @example
 * isPlottable(asiaAsPoint) // false
 * isPlottable(southCaucasusPolygon) // true
 */
export function isPlottable(f: LayerFeature): boolean {
  return f.geometry != null && !(BROAD_KINDS.has(f.properties.kind) && f.geometry.type === 'Point');
}
