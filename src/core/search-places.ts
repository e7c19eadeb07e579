// Search the gazetteer by name (issue #17, the studio's "Add place"): a typed or selected name → the places
// it may mean, exact names before longer names that start with it, each by importance, with the geometry
// a layer would carry for the place (placeGeometry), so an added place looks like one the pipeline found.

import type { Geometry } from 'geojson';
import { placeGeometry } from './layer-geometry.ts';
import { normalizeName } from './normalize-name.ts';
import { roundPosition } from './normalize-geometry.ts';
import type { Gazetteer, NameMatch, Place, PlaceKind } from './types.ts';

/** A place a search found: what a layer feature needs, plus what tells namesakes apart. */
export interface PlaceHit {
  /** The stable gazetteer id the layer uses (`geonames:587084`, `wikidata:Q2514`). */
  id: string;
  name: string;
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2, empty for places outside any country. */
  country: string;
  /** The admin-1 unit a city or district lies in ("Illinois" for Springfield), when the gazetteer has it. */
  region?: string;
  /** `[lon, lat]`, rounded to 6 decimals as a layer carries it. */
  anchor: [number, number];
  geonameid?: number;
  wikidata?: string;
  disputed?: string;
  /** As a layer feature carries it: an area's polygon, or the anchor as a point. */
  geometry: Geometry;
  /** The gazetteer name that matched (normalised) and what kind of name it is for the place. */
  matched: string;
  nameType: NameMatch['nameType'];
  /** True when `matched` is the whole query, false when it only starts with it. */
  exact: boolean;
}

export interface SearchPlacesOptions {
  /** Hits returned at most. */
  limit?: number;
  /** Longer names looked at at most: a short prefix ("b") starts tens of thousands of names. */
  maxPrefixKeys?: number;
  /** Queries shorter than this (normalised) match whole names only: "b…" would name half the world. */
  minPrefixLength?: number;
}

/**
 * Defaults: ten hits fit a dropdown; 20,000 names cover every name starting with three letters ("san"
 * starts about 6,000, the commonest three-letter start): the first 1,000 in index order stopped at "san
 * f…", before Santiago, San Salvador and San Marino (issue #15). Each is read only as far as its
 * PREFIX_READINGS best readings, so "san" costs ~37,000 rows parsed, not ~370,000.
 */
export const SEARCH_DEFAULTS: Required<SearchPlacesOptions> = { limit: 10, maxPrefixKeys: 20_000, minPrefixLength: 3 };

/**
 * Readings looked at per longer name: a name's readings come names first, most populous first, so the
 * places a search should offer lead ("San José" the capital and the Californian city) and the tail is
 * hamlets ("san" starts names with sixty readings each).
 */
const PREFIX_READINGS = 3;

/**
 * How much a kind of place weighs against its population's order of magnitude: a country outranks a
 * namesake state or city of similar size ("Georgia"), a region its small namesake seat ("Lachin").
 */
const KIND_WEIGHT: Record<PlaceKind, number> = {
  continent: 4,
  country: 4,
  'historical-country': 2,
  disputed: 3,
  region: 2,
  admin1: 2,
  admin2: 1,
  water: 2,
  island: 1,
  mountain: 1,
  city: 0,
  site: 0,
};

/** Capitals outrank namesakes: a national capital (and seat of government) by 3, a state's by 1. */
const CAPITAL_WEIGHT: Record<string, number> = { PPLC: 3, PPLG: 3, PPLA: 1 };

/**
 * The gazetteer gives regions, seas, mountains, islands and most historical countries no population: they
 * count as if they had 10^floor people, so the Soviet Union outranks a village called Soviet, and the
 * Caspian Sea a town called Caspian.
 */
const MAGNITUDE_FLOOR: Partial<Record<PlaceKind, number>> = {
  'historical-country': 6,
  region: 5,
  water: 4,
  mountain: 3,
  island: 3,
};

/**
 * A place's importance for ranking search hits: kind weight + capital weight + log10(population + 1)
 * (at least the kind's MAGNITUDE_FLOOR).
 *
 * @example
 * placeImportance(baku) // 9.05: a capital city (3) of 1.1 million (6.05)
 */
export function placeImportance(place: Place): number {
  const magnitude = Math.max(Math.log10(place.population + 1), MAGNITUDE_FLOOR[place.kind] ?? 0);
  return KIND_WEIGHT[place.kind] + (CAPITAL_WEIGHT[place.featureCode] ?? 0) + magnitude;
}

/** A name spelt as typed (case aside, marks kept: "Şuşa") outranks names that only normalise alike. */
const SAME_SPELLING_BONUS = 3;
/** An alternate name is weaker evidence than the place's own name ("Laçın" is also an old name of Lachin). */
const ALT_NAME_PENALTY = 1;

/**
 * The places a name may mean, best first: places with the whole name (or an alternate name or adjective,
 * "Armenian" → Armenia) before places whose name only starts with it (among these, own names before
 * alternate names: "bak" is Baku before "Bakistan"), each group by importance (placeImportance, plus
 * SAME_SPELLING_BONUS, minus ALT_NAME_PENALTY), then by name. One hit per place, at most `limit`.
 *
 * @example
 * searchPlaces(gazetteer, 'Georgia').map((h) => `${h.name} ${h.kind} ${h.country}`)
 * // ['Georgia country GE', 'Georgia admin1 US']
 */
export function searchPlaces(gazetteer: Gazetteer, query: string, options: SearchPlacesOptions = {}): PlaceHit[] {
  const { limit, maxPrefixKeys, minPrefixLength } = { ...SEARCH_DEFAULTS, ...options };
  const key = normalizeName(query);
  if (!key || limit <= 0) return [];
  const typed = query.trim().toLowerCase();
  const found = new Map<string, Found>();
  const add = (matches: readonly NameMatch[], matched: string, exact: boolean) => {
    for (const match of matches) {
      const rank =
        placeImportance(match.place) +
        (match.place.name.toLowerCase() === typed ? SAME_SPELLING_BONUS : 0) -
        (match.nameType === 'alt' ? ALT_NAME_PENALTY : 0);
      const next = { match, matched, exact, rank };
      // A place reached by several names ("parigi", "paris") keeps its best.
      const seen = found.get(match.place.id);
      if (!seen || compareFound(next, seen) < 0) found.set(match.place.id, next);
    }
  };
  const exact = gazetteer.lookup(key);
  add(exact, key, true);
  // The query itself, when it is a name, is the first key that starts with it: one more to look at.
  const head = (name: string, max: number) =>
    gazetteer.lookupHead ? gazetteer.lookupHead(name, max) : gazetteer.lookup(name).slice(0, max);
  if (key.length >= minPrefixLength && gazetteer.keysWithPrefix)
    for (const longer of gazetteer.keysWithPrefix(key, maxPrefixKeys + (exact.length ? 1 : 0)))
      if (longer !== key) add(head(longer, Math.min(limit, PREFIX_READINGS)), longer, false);
  return [...found.values()]
    .sort(compareFound)
    .slice(0, limit)
    .map(({ match, matched, exact }) => toHit(gazetteer, match, matched, exact));
}

interface Found {
  match: NameMatch;
  matched: string;
  exact: boolean;
  rank: number;
}

/** Whole names first; then a place's own names before others (prefixes only); then by rank and name. */
function compareFound(a: Found, b: Found): number {
  const own = (x: Found) => x.exact || x.match.nameType === 'name';
  return (
    Number(b.exact) - Number(a.exact) ||
    Number(own(b)) - Number(own(a)) ||
    b.rank - a.rank ||
    order(a.match.place.name, b.match.place.name) ||
    order(a.match.place.id, b.match.place.id)
  );
}

/** Code-unit order: ties only need to be broken the same way every time, and localeCompare is slow. */
const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function toHit(gazetteer: Gazetteer, { place, nameType }: NameMatch, matched: string, exact: boolean): PlaceHit {
  const hit: PlaceHit = {
    id: place.id,
    name: place.name,
    kind: place.kind,
    country: place.country,
    anchor: roundPosition(place.anchor),
    geometry: placeGeometry(place, gazetteer),
    matched,
    nameType,
    exact,
  };
  // Countries and admin-1 units are their own region; below them the admin-1 unit tells namesakes apart.
  if (place.admin1 && place.kind !== 'country' && place.kind !== 'admin1') {
    const region = gazetteer.admin1(place.country, place.admin1);
    if (region && region.id !== place.id) hit.region = region.name;
  }
  if (place.geonameid) hit.geonameid = place.geonameid;
  if (place.wikidata) hit.wikidata = place.wikidata;
  if (place.disputed) hit.disputed = place.disputed;
  return hit;
}
