// Features of one gazetteer reading of a mention, for candidate ranking: the place's own (kind,
// population, feature type), its namesakes among the other readings, a "City, State" comma after the
// mention, and (second pass) what the rest of the article says.

import { distanceKm as km, distanceLowerBoundKm } from './distance-km.ts';
import { featureName, type FeatureSink, type Features } from './model.ts';
import { popBucket } from './pop-bucket.ts';
import { namesakeFeatures, near, twinFeatures, type Contains } from './namesake-features.ts';
import type { RankContext } from './rank-context.ts';
import type { Gazetteer, Mention, NameMatch, Place } from './types.ts';

const MAJOR_FEATURE_CODES = new Set(['PPLC', 'PPLA', 'PPLA2', 'PPLA3', 'PPL', 'PPLX', 'PCLI', 'ADM1', 'ADM2', 'PPLG']);

/** Orders of magnitude below the biggest namesake town at which `popGap` is full. */
const POP_GAP_SPAN = 4;

/** Letters at most in an alternate name read as a short form. */
const SHORT_FORM_LETTERS = 5;

function letterCount(key: string): number {
  let n = 0;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 32 && key[i] !== '.') n++;
  return n;
}

const NAME_TYPE_SUFFIX = { name: '&name', alt: '&alt', adjective: '&adjective' } as const;

// The largest population among a name's settlements and among its other readings, once per reading list.
const largest = new WeakMap<NameMatch[], [number, number]>();
function largestPopulations(all: NameMatch[]): [number, number] {
  let l = largest.get(all);
  if (!l) {
    l = [-Infinity, -Infinity];
    for (const m of all) {
      const k = m.place.kind === 'city' ? 0 : 1;
      l[k] = Math.max(l[k], m.place.population);
    }
    largest.set(all, l);
  }
  return l;
}

/**
 * Features of one candidate of a mention in its article, into a Features map or another sink.
 *
 * @example
 * candidateFeatures(match, matches, mention, ctx, commaPlaces).get('kind:country') // 1
 */
export function candidateFeatures(
  match: NameMatch,
  all: NameMatch[],
  mention: Mention,
  ctx: RankContext | null,
  comma: Place[],
  contains?: Contains,
): Features;
export function candidateFeatures<S extends FeatureSink>(
  match: NameMatch,
  all: NameMatch[],
  mention: Mention,
  ctx: RankContext | null,
  comma: Place[],
  contains: Contains,
  into: S,
): S;
export function candidateFeatures(
  match: NameMatch,
  all: NameMatch[],
  mention: Mention,
  ctx: RankContext | null,
  comma: Place[],
  contains: Contains = near,
  into: FeatureSink = new Map<string, number>(),
): FeatureSink {
  const p = match.place;
  into.set('bias', 1);
  into.set(featureName('kind:', p.kind), 1);
  if (MAJOR_FEATURE_CODES.has(p.featureCode)) into.set(featureName('fc:', p.featureCode), 1);
  into.set(featureName('ntype:', match.nameType), 1);
  into.set(featureName(p.kind, NAME_TYPE_SUFFIX[match.nameType]), 1);
  // A short alternate name is mostly an abbreviation ("Calif.", "Ill.", "NSW"), which news uses for states
  // all the time; a long one ("Persian Gulf" for Bushehr province) is mostly an obscure name of a lesser reading.
  if (match.nameType === 'alt' && letterCount(mention.key) <= SHORT_FORM_LETTERS)
    into.set(featureName(p.kind, '&altShort'), 1);
  const lp = Math.log10(p.population + 1);
  into.set('pop', lp / 7);
  // Area populations are sums over their towns: compare settlements with settlements only.
  const city = p.kind === 'city';
  const maxPop = largestPopulations(all)[city ? 0 : 1];
  if (p.population === maxPop && maxPop > 0) into.set(city ? 'maxPop' : 'maxAreaPop', 1);
  // How far a town falls short of its name's biggest town, in orders of magnitude (four or more count as
  // four): a state named in the story is evidence for a village there, weighed against the namesake city
  // a hundred times its size ("Louisville" beside Ohio is still, most often, Kentucky's).
  else if (city && maxPop > 0) into.set('popGap', Math.min(1, (Math.log10(maxPop + 1) - lp) / POP_GAP_SPAN));
  // An area smaller than a town of the same name (a parish of 22,000 against a city of 650,000): its own
  // population sums its towns, so a namesake town bigger than the whole area is the one news means.
  if (!city && p.kind !== 'site' && p.population > 0 && p.population < largestPopulations(all)[0])
    into.set('areaBelowTown', 1);
  if (all.length === 1) into.set('only', 1);
  if (p.shape) into.set('hasShape', 1);
  if (all.length > 1) {
    twinFeatures(match, all, into, contains);
    namesakeFeatures(match, all, into);
  }
  if (comma.some((c) => commaHolds(c, p) || commaHolds(p, c))) into.set('commaCtx', 1);
  if (ctx) addContextFeatures(into, p, mention, ctx);
  return into;
}

/** Distance from the article's places beyond which a reading in a country it does not name is foreign. */
const FOREIGN_MIN_KM = 1000;

/** Adds what the rest of the article says about a candidate (second ranking pass). */
export function addContextFeatures(into: FeatureSink, p: Place, mention: Mention, ctx: RankContext): void {
  let foreign = false;
  if (p.country) {
    const total = ctx.countries.get(p.country) ?? 0;
    const own = ctx.countriesByKey.get(mention.key)?.get(p.country) ?? 0;
    const w = total - own;
    if (w > 0) {
      into.set('docCountry', Math.min(1, w / 3));
      // The strongest other country, and how much of the article's geography is in this one (a
      // US-only story means the state).
      let max = 0;
      let all = 0;
      for (const [c, v] of ctx.countries) {
        if (c === p.country) all += w;
        else {
          max = Math.max(max, v);
          all += v;
        }
      }
      if (w >= max) into.set('docTopCountry', 1);
      if (all >= 2 && w / all >= 0.6) into.set('docShare', 1);
    } else {
      // A story whose other places all lie elsewhere: a famous namesake abroad needs evidence of its own
      // ("London" in a story about St. Thomas, Ontario is London, Ontario). Set below, once the distance to
      // those places is known. One place read unsurely (half weight) is enough when the name has nothing else
      // behind it: "Nelson" with Castlegar, British Columbia, is not New Zealand's Nelson.
      let others = 0;
      ctx.countries.forEach((v) => (others += v));
      ctx.countriesByKey.get(mention.key)?.forEach((v) => (others -= v));
      foreign = others >= 0.5;
    }
    // The article names the country itself, by another name than this one ("London" in a story that
    // names Canada): stronger evidence than places read as lying there.
    const countryNamers = p.kind !== 'country' ? ctx.namedCountries.get(p.country) : undefined;
    if (countryNamers && (countryNamers.size > 1 || !countryNamers.has(mention.key))) into.set('docCountryNamed', 1);
    // A state the article names, by another name than this one: "Nelson" read as New Zealand's Nelson region
    // in a first pass is no evidence for the town of Nelson there. A state reading counts too: "Wash." or "WA"
    // names the state that a bare "Washington" may be.
    const namers = p.admin1 ? ctx.admin1s.get(`${p.country}.${p.admin1}`) : undefined;
    if (namers && (namers.size > 1 || !namers.has(mention.key))) into.set('docAdmin1', 1);
    // The state most of the article's other places are in or are (a local story's home state: "OLYMPIA, Wash.",
    // "Tacoma"), against a state or a town elsewhere that a name's fame would choose.
    // Weighed by the town's size, so that a village there does not take a famous city's name as readily as a
    // county or a town does (Portland, Texas, against Oregon's in a Houston story).
    if (p.admin1 && topAdmin1(`${p.country}.${p.admin1}`, mention.key, ctx)) {
      into.set('docTopAdmin1', 1);
      if (p.kind === 'city') into.set(featureName('docTopAdmin1&pop:', popBucket(p.population, 3, 5)), 1);
    }
  }
  // The article names this very place by another name, confidently ("Pacific Ocean", then "the eastern Pacific").
  const namers = ctx.placeKeys.get(p.id);
  if (namers && (namers.size > 1 || !namers.has(mention.key))) into.set('docSame', 1);
  let nearest = Infinity;
  for (const { keys, anchor } of ctx.anchors) {
    // Only the distance band counts: once within the nearest band, no anchor changes it; and an anchor
    // whose latitude alone puts it farther than the nearest so far cannot be nearer.
    if (nearest <= 50) break;
    if (distanceLowerBoundKm(anchor, p.anchor) >= nearest) continue;
    if (keys.size > 1 || !keys.has(mention.key)) nearest = Math.min(nearest, km(anchor, p.anchor));
  }
  // "Elsewhere" is far away: a country next to the story's places (Georgia beside Armenia and Azerbaijan) is not,
  // nor a town near the label point of a country the story names (Rome beside the Vatican).
  if (foreign && nearest > FOREIGN_MIN_KM && !nearCountry(p, mention, ctx)) into.set('docForeign', 1);
  if (nearest <= 50) into.set('near:50', 1);
  else if (nearest <= 200) into.set('near:200', 1);
  else if (nearest <= 1000) into.set('near:1000', 1);
  else if (nearest < Infinity) into.set('near:far', 1);
}

/**
 * Is the admin-1 unit `code` the one the article's mentions other than `key` weigh most (at least one sure
 * mention, and half of all)?
 */
function topAdmin1(code: string, key: string, ctx: RankContext): boolean {
  const own = ctx.admin1WeightsByKey.get(key);
  const w = (ctx.admin1Weights.get(code) ?? 0) - (own?.get(code) ?? 0);
  if (w < 1) return false;
  for (const [c, v] of ctx.admin1Weights) if (c !== code && v - (own?.get(c) ?? 0) >= w) return false;
  // A home state, not one state among many countries: at least half of the weight of the article's other places.
  let all = 0;
  ctx.countries.forEach((v) => (all += v));
  ctx.countriesByKey.get(key)?.forEach((v) => (all -= v));
  return w >= TOP_ADMIN1_SHARE * all;
}

/** The share of the article's other places that its home state must hold (`docTopAdmin1`). */
const TOP_ADMIN1_SHARE = 0.5;

/** Is the place within FOREIGN_MIN_KM of the label point of a country the article names by another name? */
function nearCountry(p: Place, mention: Mention, ctx: RankContext): boolean {
  for (const { keys, anchor } of ctx.countryAnchors)
    if ((keys.size > 1 || !keys.has(mention.key)) && km(anchor, p.anchor) <= FOREIGN_MIN_KM) return true;
  return false;
}

/** Does the area hold the town, as "City, State" means it: the same country, and for a state the same admin-1 code? */
function commaHolds(area: Place, town: Place): boolean {
  if (town.kind !== 'city' || town.country !== area.country) return false;
  return area.kind === 'country' || (area.kind === 'admin1' && area.admin1 === town.admin1);
}

/**
 * The towns named right before ", <mention>" — the City in "City, State" —, so that the State is read as the
 * area that holds one of them ("Tacoma, Washington" is the state, not the capital).
 */
function commaTowns(mentions: Mention[], i: number, text: string, gazetteer: Gazetteer): Place[] {
  const prev = mentions[i - 1];
  if (!prev || prev.type !== 'toponym' || mentions[i].type !== 'toponym') return [];
  if (!/^\s*,\s*$/.test(text.slice(prev.end, mentions[i].start))) return [];
  const towns: Place[] = [];
  for (const m of gazetteer.lookup(prev.key))
    if (m.nameType !== 'adjective' && m.place.kind === 'city') towns.push(m.place);
  return towns;
}

/** ", OR" after a name: a two-letter code in capitals that ends there (not "CA-based", "IN." is fine). */
const POSTAL_CODE_AFTER = /^\s*,\s*([A-Z]{2})(?![\w-])/;

/**
 * The state of "Portland, OR": a two-letter code after the comma that is the admin-1 code of one of the name's
 * US towns (GeoNames codes US states by their postal codes), as a bare admin-1 place that `commaHolds` reads.
 */
function postalState(mention: Mention, text: string, gazetteer: Gazetteer): Place | undefined {
  if (mention.type !== 'toponym') return undefined;
  const code = POSTAL_CODE_AFTER.exec(text.slice(mention.end, mention.end + 8))?.[1];
  if (!code) return undefined;
  for (const m of gazetteer.lookup(mention.key))
    if (m.place.kind === 'city' && m.place.country === 'US' && m.place.admin1 === code)
      return {
        id: `US.${code}`,
        name: code,
        kind: 'admin1',
        featureCode: 'ADM1',
        country: 'US',
        admin1: code,
        population: 0,
        anchor: [0, 0],
      };
  return undefined;
}

/** Places named right after "<mention>, " — the State in "City, State" (or its postal code, "Portland, OR"). */
export function commaPlaces(mentions: Mention[], i: number, text: string, gazetteer: Gazetteer): Place[] {
  const next = mentions[i + 1];
  const between = next ? text.slice(mentions[i].end, next.start) : '';
  if (!next || next.type !== 'toponym' || !/^\s*,\s*$/.test(between)) {
    const state = postalState(mentions[i], text, gazetteer);
    return state ? [state] : [];
  }
  // Pushed, not filtered and mapped: see prepareCandidates in rank-candidates.ts.
  const places: Place[] = [];
  for (const m of gazetteer.lookup(next.key)) {
    if (m.nameType !== 'adjective' && (m.place.kind === 'country' || m.place.kind === 'admin1')) places.push(m.place);
  }
  return places;
}

/**
 * "City, State" anywhere in the article: for each mention, the places named after a comma behind any
 * mention of the same name ("London, Ont." once, then "London" alone), and the towns named before a comma in
 * front of it ("Tacoma, Washington", then "Washington" alone), so every mention of it reads alike.
 *
 * @example
 * articleCommaPlaces(mentions, 'London, Ont., voted. London police said…', gazetteer)[2] // [Ontario]
 *
 * `ownOut`, when given, receives one flag per mention: whether the comma is its own (not carried from another).
 */
export function articleCommaPlaces(
  mentions: Mention[],
  text: string,
  gazetteer: Gazetteer,
  ownOut?: boolean[],
): Place[][] {
  const own: Place[][] = [];
  const byName = new Map<string, Place[]>();
  for (let i = 0; i < mentions.length; i++) {
    const places = commaPlaces(mentions, i, text, gazetteer);
    const towns = commaTowns(mentions, i, text, gazetteer);
    for (let k = 0; k < towns.length; k++) places.push(towns[k]);
    own.push(places);
    ownOut?.push(places.length > 0);
    if (!places.length) continue;
    const name = `${mentions[i].type}:${mentions[i].key}`;
    const known = byName.get(name);
    if (known) {
      for (let k = 0; k < places.length; k++) if (!known.includes(places[k])) known.push(places[k]);
    } else byName.set(name, places.slice());
  }
  const out: Place[][] = [];
  for (let i = 0; i < mentions.length; i++) out.push(byName.get(`${mentions[i].type}:${mentions[i].key}`) ?? own[i]);
  return out;
}
