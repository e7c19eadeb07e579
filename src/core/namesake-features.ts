// Features for a name shared by a city and an area ("New York", "Lachin", "Moscow"): how big the
// city is, and whether the area holds it (from the gazetteer's polygons). Part of candidate ranking.

import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { distanceKm as km } from './distance-km.ts';
import { areaKindsExcept } from './area-kinds.ts';
import { featureName, type FeatureSink } from './model.ts';
import { popBucket } from './pop-bucket.ts';
import type { Gazetteer, NameMatch, Place } from './types.ts';

// An area and its namesake seat (Lachin District and the town of Laçın; the federal city of Moscow
// and Moscow) are both "right" within 161 km, so the training data cannot tell them apart. For the
// map the area is the better answer unless the town is a city in its own right: then people mean
// the city (Moscow, Baku), drawn as a point.
export const TWIN_BONUS = 3;
/** Population above which a namesake seat is meant as the city rather than its area. */
const TWIN_CITY_MIN_POPULATION = 250_000;
/**
 * Least share of its area's population a big namesake city needs to be meant over the area: Baku, Moscow or
 * Vienna are most of the unit named after them, Quebec City (7% of Quebec) is not, and a bare state or
 * province name stays the state or province. Area populations are sums over their towns (geo/README.md).
 */
const TWIN_CITY_MIN_SHARE = 0.2;
/** Distance within which a same-named town counts as the area's seat. */
const TWIN_MAX_KM = 60;

/** Areas that share a name with a city of their country ("New York"); not continents, former countries or disputed areas. */
const NAMESAKE_AREA_KINDS = areaKindsExcept('continent', 'historical-country', 'disputed');
/** The city's population in magnitudes from "below 10,000" (3) to "a million or more" (6). */
const NAMESAKE_MIN_BUCKET = 3;
const NAMESAKE_MAX_BUCKET = 6;
/** Areas whose seat can bear their name: admin units and disputed areas. */
const TWIN_AREA_KINDS = areaKindsExcept('continent', 'country', 'historical-country', 'region');

/**
 * A city and a same-named area of its country ("New York", "Washington", "Mexico"): how big the city
 * is decides which one news means, so both readings see the city's size.
 */
export function namesakeFeatures(match: NameMatch, all: NameMatch[], into: FeatureSink): void {
  const p = match.place;
  if (p.kind === 'city') {
    if (all.some((o) => o.place.country === p.country && NAMESAKE_AREA_KINDS.has(o.place.kind)))
      into.set(featureName('namesakeCity:', popBucket(p.population, NAMESAKE_MIN_BUCKET, NAMESAKE_MAX_BUCKET)), 1);
  } else if (NAMESAKE_AREA_KINDS.has(p.kind)) {
    let biggest = 0;
    for (const { place } of all)
      if (place.kind === 'city' && place.country === p.country) biggest = Math.max(biggest, place.population);
    if (biggest > 0)
      into.set(featureName('namesakeArea:', popBucket(biggest, NAMESAKE_MIN_BUCKET, NAMESAKE_MAX_BUCKET)), 1);
  }
}

/**
 * Marks an area and its namesake seat nearby: `twinArea`/`twinSeat` when the seat is a small town
 * (the area wins), `twinCity`/`twinBigArea` when it is a big city (the city wins).
 */
export function twinFeatures(match: NameMatch, all: NameMatch[], into: FeatureSink, contains: Contains): void {
  const p = match.place;
  // Only areas we can draw: an admin-2 point is no better than its town's point.
  const isArea = (q: Place) => !!q.shape && TWIN_AREA_KINDS.has(q.kind);
  for (const o of all) {
    const q = o.place;
    if (q === p || q.country !== p.country) continue;
    if (isArea(p) && q.kind === 'city' && contains(p, q)) into.set(cityMeant(o, match) ? 'twinBigArea' : 'twinArea', 1);
    if (p.kind === 'city' && isArea(q) && contains(q, p)) into.set(cityMeant(match, o) ? 'twinCity' : 'twinSeat', 1);
  }
}

/**
 * Is a name shared by a city and the area around it meant as the city: a big city that is much of its area.
 * The share rule speaks for an area called by its own name (Quebec); an area the name reaches only as an
 * alternate name ("Valencia" for the Valencian Community, whose city is 16% of it) does not hold the name
 * against a big city that bears it as its primary name.
 */
function cityMeant(city: NameMatch, area: NameMatch): boolean {
  if (city.place.population < TWIN_CITY_MIN_POPULATION) return false;
  if (area.nameType !== 'name' && city.nameType === 'name') return true;
  const areaPop = area.place.population;
  return !(areaPop > 0 && city.place.population < areaPop * TWIN_CITY_MIN_SHARE);
}

/** Does the area hold the city? */
export type Contains = (area: Place, city: Place) => boolean;

/** Without shapes: the city is the area's seat when it lies near the area's label point. */
export const near: Contains = (area, city) => km(area.anchor, city.anchor) <= TWIN_MAX_KM;

/**
 * Farthest a city outside the simplified outline can be from the area's label point and still count
 * as inside: enclaves (Moscow in Moscow Oblast) and coastal cities the simplified coast leaves out
 * (New York City, 300 km from New York State's label point).
 */
const ENCLAVE_MAX_KM = 400;

/** Farthest a city can be from an area's label point and still be tested for lying inside it. */
const MAX_CONTAINS_TEST_KM = 2000;

interface Outline {
  shape: Polygon | MultiPolygon;
  bbox: number[];
  /** City id → inside the outline: a point-in-polygon test walks every vertex, so each answer is kept. */
  inside: Map<string, boolean>;
}

// Outlines per gazetteer, kept across articles: a batch asks about the same few hundred areas again and again.
const outlines = new WeakMap<Gazetteer, Map<string, Outline | null>>();

/**
 * Containment from the gazetteer's polygons (the federal city of Moscow inside Moscow Oblast, New
 * York City inside New York State), cached per area; near the label point counts too.
 */
export function containsByShape(gazetteer: Gazetteer): Contains {
  let cache = outlines.get(gazetteer);
  if (!cache) outlines.set(gazetteer, (cache = new Map()));
  const known = cache;
  return (area, city) => {
    const d = km(area.anchor, city.anchor);
    if (d <= TWIN_MAX_KM) return true;
    // A state or province holds the towns that carry its admin-1 code, wherever its simplified outline runs
    // (Québec on the St. Lawrence lies outside Quebec's, 600 km from the label point).
    if (area.kind === 'admin1' && area.admin1 && area.country === city.country && area.admin1 === city.admin1)
      return true;
    if (!area.shape || d > MAX_CONTAINS_TEST_KM) return false;
    let o = known.get(area.shape);
    if (o === undefined) {
      const shape = outline(gazetteer.geometry(area.shape));
      known.set(area.shape, (o = shape && { shape, bbox: bbox(shape), inside: new Map() }));
    }
    if (!o) return false;
    const [w, s, e, n] = o.bbox;
    const [x, y] = city.anchor;
    const inBox = x >= w && x <= e && y >= s && y <= n;
    if (!inBox) return false;
    let inside = o.inside.get(city.id);
    if (inside === undefined) o.inside.set(city.id, (inside = booleanPointInPolygon(city.anchor, o.shape)));
    if (inside) return true;
    // A city carved out of the area that surrounds it, or cut off by a simplified coast, lies outside
    // the outline: inside the bounding box and near the label point still counts.
    return d <= ENCLAVE_MAX_KM;
  };
}

/** A polygon without its holes: Moscow lies within Moscow Oblast's outline, though not in the oblast. */
function outline(g: Geometry | undefined): Polygon | MultiPolygon | null {
  if (g?.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.slice(0, 1) };
  if (g?.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.slice(0, 1)) };
  return null;
}
