// The place kinds that are areas: drawn as polygons when the gazetteer has a shape, and what ranking
// and recognition mean by "an area" (each narrower set says which of them it leaves out).

import type { PlaceKind } from './types.ts';

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
