// Resolution, step 1: mentions → gazetteer candidates ranked with document context. Each candidate
// is scored by the learned ranker over features such as population, feature type, the countries
// and admin-1 units the article already mentions, "City, State" patterns and distance to the
// article's other places. Hand-set priors apply where the model has no weight.

import { distanceKm as km, distanceLowerBoundKm } from './distance-km.ts';
import { featureName, LinearScores, scoreLinear, type FeatureSink, type Features, type GeoparserModel, type LinearModel } from './model.ts';
import { containsByShape, namesakeFeatures, near, twinFeatures, TWIN_BONUS, type Contains } from './namesake-features.ts';
import type { Candidate, Gazetteer, Mention, NameMatch, Place, RankedMention } from './types.ts';

/** What the article as a whole says, gathered from its mentions' readings. */
export interface RankContext {
  /** ISO country → weight of mentions whose likely reading lies in that country, per key. */
  countries: Map<string, number>;
  countriesByKey: Map<string, Map<string, number>>;
  /** `CC.ADM1` of admin-1 units the article names. */
  admin1s: Set<string>;
  /** Anchors of confidently read places (one per place, most-mentioned first), with their keys. */
  anchors: Array<{ keys: Set<string>; anchor: [number, number] }>;
}

// Priors used when the trained model has no opinion; they encode the usual reading of news text:
// countries and capitals before homonymous villages.
export const RANK_PRIORS: Record<string, number> = {
  pop: 0.6,
  'kind:country': 3,
  'kind:historical-country': 2,
  'kind:admin1': 1.5,
  'kind:disputed': 2,
  'kind:region': 1.2,
  'kind:continent': 2.5,
  'kind:water': 0.5,
  'kind:admin2': -0.5,
  'fc:PPLC': 2,
  'fc:PPLA': 0.8,
  'ntype:alt': -0.7,
  docCountry: 2.5,
  docAdmin1: 2,
  commaCtx: 4,
  'near:50': 2,
  'near:200': 1.2,
  'near:1000': 0.5,
};

const PRIORS_MODEL = { weights: RANK_PRIORS };

const MAJOR_FEATURE_CODES = new Set(['PPLC', 'PPLA', 'PPLA2', 'PPLA3', 'PPL', 'PPLX', 'PCLI', 'ADM1', 'ADM2', 'PPLG']);

/**
 * Readings considered per mention. Lookup lists names before alternate names, each by population;
 * past the first few dozen only hamlets remain ("Washington" has over a hundred), and scoring them
 * all would make ranking quadratic in a name's fame.
 */
export const MAX_CANDIDATES = 30;

/** The gazetteer readings a mention can have: adjectives for adjectival mentions, names otherwise. */
export function findCandidates(mention: Mention, gazetteer: Gazetteer): NameMatch[] {
  const all = gazetteer.lookup(mention.key);
  const adj = all.filter((m) => m.nameType === 'adjective');
  const names = all.filter((m) => m.nameType !== 'adjective');
  const chosen = mention.type === 'adjectival' && adj.length ? adj : names.length ? names : all;
  if (chosen.length <= MAX_CANDIDATES) return chosen;
  // Keep every area and country (few, and often the answer), then the most populous of the rest.
  const small = (m: NameMatch) => m.place.kind === 'city' || m.place.kind === 'admin2';
  const rest = chosen.filter(small).sort((a, b) => b.place.population - a.place.population);
  return [...chosen.filter((m) => !small(m)), ...rest].slice(0, MAX_CANDIDATES);
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
export function candidateFeatures(match: NameMatch, all: NameMatch[], mention: Mention, ctx: RankContext | null, comma: Place[], contains?: Contains): Features;
export function candidateFeatures<S extends FeatureSink>(match: NameMatch, all: NameMatch[], mention: Mention, ctx: RankContext | null, comma: Place[], contains: Contains, into: S): S;
export function candidateFeatures(
  match: NameMatch,
  all: NameMatch[],
  mention: Mention,
  ctx: RankContext | null,
  comma: Place[],
  contains: Contains = near,
  into: FeatureSink = new Map<string, number>(),
): FeatureSink {
  const f = into;
  const p = match.place;
  f.set('bias', 1);
  f.set(featureName('kind:', p.kind), 1);
  if (MAJOR_FEATURE_CODES.has(p.featureCode)) f.set(featureName('fc:', p.featureCode), 1);
  f.set(featureName('ntype:', match.nameType), 1);
  f.set(featureName(p.kind, NAME_TYPE_SUFFIX[match.nameType]), 1);
  const lp = Math.log10(p.population + 1);
  f.set('pop', lp / 7);
  // Area populations are sums over their towns: compare settlements with settlements only.
  const city = p.kind === 'city';
  const maxPop = largestPopulations(all)[city ? 0 : 1];
  if (p.population === maxPop && maxPop > 0) f.set(city ? 'maxPop' : 'maxAreaPop', 1);
  if (all.length === 1) f.set('only', 1);
  if (p.shape) f.set('hasShape', 1);
  if (all.length > 1) {
    twinFeatures(match, all, f, contains);
    namesakeFeatures(match, all, f);
  }
  if (comma.some((c) => (c.kind === 'country' && c.country === p.country) || (c.kind === 'admin1' && c.country === p.country && c.admin1 === p.admin1))) {
    f.set('commaCtx', 1);
  }
  if (ctx) addContextFeatures(f, p, mention, ctx);
  return f;
}

/** Adds what the rest of the article says about a candidate (second ranking pass). */
export function addContextFeatures(f: FeatureSink, p: Place, mention: Mention, ctx: RankContext): void {
  if (p.country) {
    const total = ctx.countries.get(p.country) ?? 0;
    const own = ctx.countriesByKey.get(mention.key)?.get(p.country) ?? 0;
    const w = total - own;
    if (w > 0) {
      f.set('docCountry', Math.min(1, w / 3));
      // The strongest other country, and how much of the article's geography is in this one (a
      // US-only story means the state). forEach, not for…of: no entry arrays while still unoptimised.
      let max = 0;
      let all = 0;
      ctx.countries.forEach((v, c) => {
        if (c === p.country) all += w;
        else {
          max = Math.max(max, v);
          all += v;
        }
      });
      if (w >= max) f.set('docTopCountry', 1);
      if (all >= 2 && w / all >= 0.6) f.set('docShare', 1);
    }
    if (p.admin1 && ctx.admin1s.has(`${p.country}.${p.admin1}`) && p.kind !== 'admin1') f.set('docAdmin1', 1);
  }
  let nearest = Infinity;
  const anchors = ctx.anchors;
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i];
    // Only the distance band counts: once within the nearest band, no anchor changes it; and an anchor
    // whose latitude alone puts it farther than the nearest so far cannot be nearer.
    if (nearest <= 50) break;
    if (distanceLowerBoundKm(a.anchor, p.anchor) >= nearest) continue;
    if (a.keys.size > 1 || !a.keys.has(mention.key)) nearest = Math.min(nearest, km(a.anchor, p.anchor));
  }
  if (nearest <= 50) f.set('near:50', 1);
  else if (nearest <= 200) f.set('near:200', 1);
  else if (nearest <= 1000) f.set('near:1000', 1);
  else if (nearest < Infinity) f.set('near:far', 1);
}


// "Paris, Texas", "Springfield, Ill.": a place right after a comma that holds the candidate is as
// explicit as news gets; it outweighs population and fame.
const COMMA_BONUS = 4;
// An article whose places lie mostly in one country reads an ambiguous name there ("Georgia" in a
// story about Illinois and Texas is the state). Rare in training data, so the model cannot learn it.
const DOC_SHARE_BONUS = 1.5;

/** The weights a candidate is scored with: a trained ranker always has a bias weight; without one the hand-set priors rank. */
const rankWeights = (model: GeoparserModel): LinearModel => (model.rank.weights.bias !== undefined ? model.rank : PRIORS_MODEL);

/** Linear candidate score with the model's weights, falling back to the priors. */
export function scoreCandidate(model: GeoparserModel, f: Features): number {
  const s = scoreLinear(rankWeights(model), f);
  const twin = (f.get('twinArea') ?? 0) + (f.get('twinCity') ?? 0) - (f.get('twinSeat') ?? 0) - (f.get('twinBigArea') ?? 0);
  return s + twin * TWIN_BONUS + (f.get('commaCtx') ?? 0) * COMMA_BONUS + (f.get('docShare') ?? 0) * DOC_SHARE_BONUS;
}

/**
 * scoreCandidate as the features arrive, with no map in between: the linear sum, plus the features the
 * hand-set bonuses read. A twin feature set again (once per namesake found) counts once, as a map
 * would keep it; its value is always 1. Equal to scoreCandidate over the same features to the last bit.
 */
export class CandidateScores extends LinearScores {
  twinArea = 0;
  twinCity = 0;
  twinSeat = 0;
  twinBigArea = 0;
  commaCtx = 0;
  docShare = 0;

  constructor(model: GeoparserModel) {
    super(rankWeights(model));
  }

  override set(name: string, value: number): this {
    switch (name) {
      case 'twinArea':
      case 'twinCity':
      case 'twinSeat':
      case 'twinBigArea':
        if (this[name]) return this;
        this[name] = value;
        break;
      case 'commaCtx':
      case 'docShare':
        this[name] = value;
        break;
    }
    return super.set(name, value);
  }

  get score(): number {
    const twin = this.twinArea + this.twinCity - this.twinSeat - this.twinBigArea;
    return this.a + twin * TWIN_BONUS + this.commaCtx * COMMA_BONUS + this.docShare * DOC_SHARE_BONUS;
  }
}

/** Places named right after "<mention>, " — the State in "City, State". */
export function commaPlaces(mentions: Mention[], i: number, text: string, gazetteer: Gazetteer): Place[] {
  const next = mentions[i + 1];
  if (!next || next.type !== 'toponym') return [];
  if (!/^\s*,\s*$/.test(text.slice(mentions[i].end, next.start))) return [];
  const places: Place[] = [];
  const matches = gazetteer.lookup(next.key);
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k];
    if (m.nameType !== 'adjective' && (m.place.kind === 'country' || m.place.kind === 'admin1')) places.push(m.place);
  }
  return places;
}

/** One ranking pass; `ctx` null for the first pass. */
export function rankOnce(mentions: Mention[], text: string, gazetteer: Gazetteer, model: GeoparserModel, ctx: RankContext | null, contains: Contains = containsByShape(gazetteer)): RankedMention[] {
  return scorePrepared(prepareCandidates(mentions, text, gazetteer, model, contains), model, ctx);
}

interface Prepared {
  mention: Mention;
  matches: NameMatch[];
  /** The score of each match's local features, computed once for both passes. */
  local: Float64Array;
}

type Readings = Omit<Prepared, 'mention'>;

/** Names whose readings are kept per gazetteer and model at most (a few hundred bytes each). */
const MAX_KEPT_NAMES = 50_000;
const keptReadings = new WeakMap<Gazetteer, WeakMap<GeoparserModel, Map<string, Readings>>>();

/** The readings kept across articles for this gazetteer and model (with the gazetteer's own shape test). */
function readingsKept(gazetteer: Gazetteer, model: GeoparserModel): Map<string, Readings> {
  let byModel = keptReadings.get(gazetteer);
  if (!byModel) keptReadings.set(gazetteer, (byModel = new WeakMap()));
  let kept = byModel.get(model);
  if (!kept) byModel.set(model, (kept = new Map()));
  if (kept.size > MAX_KEPT_NAMES) kept.clear();
  return kept;
}

function prepareCandidates(
  mentions: Mention[],
  text: string,
  gazetteer: Gazetteer,
  model: GeoparserModel,
  contains: Contains,
  seen = new Map<string, Readings>(),
): Prepared[] {
  // A name repeated in an article (or, with a `seen` kept across articles, in a batch) has the same
  // readings and, unless a "City, State" comma says more, the same local features: they depend on
  // the name and the mention type only, so they are worked out once per name and type.
  // Loops, not map (see geoparse.ts); scores in Float64Arrays, which have one hidden class whatever
  // the numbers (an array of numbers has two, small integers or not).
  const prepared: Prepared[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const mention = mentions[i];
    const comma = commaPlaces(mentions, i, text, gazetteer);
    const name = `${mention.type}:${mention.key}`;
    const known = comma.length ? undefined : seen.get(name);
    if (known) {
      prepared.push({ mention, matches: known.matches, local: known.local });
      continue;
    }
    const matches = findCandidates(mention, gazetteer);
    // Only the scores are kept: readings live across a batch, and their feature maps would not.
    const local = new Float64Array(matches.length);
    for (let k = 0; k < matches.length; k++) local[k] = candidateFeatures(matches[k], matches, mention, null, comma, contains, new CandidateScores(model)).score;
    if (!comma.length) seen.set(name, { matches, local });
    prepared.push({ mention, matches, local });
  }
  return prepared;
}

function scorePrepared(prepared: Prepared[], model: GeoparserModel, ctx: RankContext | null): RankedMention[] {
  // Context features depend on the mention's name only, so mentions that share readings share them.
  const contextScores = new Map<Prepared['local'], Float64Array>();
  const ranked: RankedMention[] = [];
  for (let i = 0; i < prepared.length; i++) {
    const { mention, matches, local } = prepared[i];
    let context: Float64Array | undefined;
    if (ctx) {
      context = contextScores.get(local);
      if (!context) {
        context = new Float64Array(matches.length);
        for (let k = 0; k < matches.length; k++) {
          const scores = new CandidateScores(model);
          addContextFeatures(scores, matches[k].place, mention, ctx);
          context[k] = scores.score;
        }
        contextScores.set(local, context);
      }
    }
    const candidates: Candidate[] = [];
    for (let k = 0; k < matches.length; k++) {
      // Scores are linear, so the context part adds to the local part computed for the first pass.
      const score = local[k] + (context ? context[k] : 0);
      candidates.push({ place: matches[k].place, nameType: matches[k].nameType, score });
    }
    sortByScore(candidates);
    ranked.push({ mention, candidates });
  }
  return ranked;
}

/**
 * Sorts candidates best first, in place; equal scores keep their order, as Array.prototype.sort would
 * (an insertion sort: a mention has at most MAX_CANDIDATES, and the built-in sort copies the array).
 */
function sortByScore(candidates: Candidate[]): void {
  for (let i = 1; i < candidates.length; i++) {
    const c = candidates[i];
    let j = i - 1;
    for (; j >= 0 && candidates[j].score < c.score; j--) candidates[j + 1] = candidates[j];
    candidates[j + 1] = c;
  }
}

/** Places whose distance every candidate is measured to: enough for any article, bounded for books. */
const MAX_CONTEXT_ANCHORS = 150;

/** Document context from a first ranking: the top reading of each mention. */
export function buildRankContext(ranked: RankedMention[]): RankContext {
  const countries = new Map<string, number>();
  const countriesByKey = new Map<string, Map<string, number>>();
  const admin1s = new Set<string>();
  const byPlace = new Map<string, { keys: Set<string>; anchor: [number, number]; n: number }>();
  for (let i = 0; i < ranked.length; i++) {
    const { mention, candidates } = ranked[i];
    const top = candidates[0];
    if (!top) continue;
    const p = top.place;
    // A reading is confident when it beats the runner-up clearly or has no rival.
    const margin = candidates.length > 1 ? top.score - candidates[1].score : 3;
    const w = mention.confidence * (margin >= 1 ? 1 : 0.5);
    if (p.country) {
      countries.set(p.country, (countries.get(p.country) ?? 0) + w);
      let byKey = countriesByKey.get(mention.key);
      if (!byKey) countriesByKey.set(mention.key, (byKey = new Map()));
      byKey.set(p.country, (byKey.get(p.country) ?? 0) + w);
    }
    if (p.kind === 'admin1' && p.admin1) admin1s.add(`${p.country}.${p.admin1}`);
    if (margin >= 1 && p.kind !== 'continent' && p.kind !== 'country' && p.kind !== 'historical-country') {
      const a = byPlace.get(p.id) ?? { keys: new Set<string>(), anchor: p.anchor, n: 0 };
      a.keys.add(mention.key);
      a.n++;
      byPlace.set(p.id, a);
    }
  }
  const anchors = [...byPlace.values()].sort((a, b) => b.n - a.n).slice(0, MAX_CONTEXT_ANCHORS);
  return { countries, countriesByKey, admin1s, anchors };
}

/**
 * Ranks every mention's gazetteer candidates, best first: once on the mention alone, then again
 * with what the first ranking says about the whole article.
 *
 * @example
 * rankCandidates(mentions, text, gazetteer, model)[0].candidates[0].place.name // 'Turkey'
 */
export function rankCandidates(mentions: Mention[], text: string, gazetteer: Gazetteer, model: GeoparserModel): RankedMention[] {
  const prepared = prepareCandidates(mentions, text, gazetteer, model, containsByShape(gazetteer), readingsKept(gazetteer, model));
  const first = scorePrepared(prepared, model, null);
  return scorePrepared(prepared, model, buildRankContext(first));
}
