// Resolution, step 1: mentions → gazetteer candidates ranked with document context. Each candidate
// is scored by the learned ranker over features such as population, feature type, the countries
// and admin-1 units the article already mentions, "City, State" patterns and distance to the
// article's other places (candidate-features.ts). Hand-set priors apply where the model has no weight.

import { candidateFeatures, addContextFeatures, articleCommaPlaces } from './candidate-features.ts';
import { CandidateScores, FOREIGN_PENALTY } from './candidate-scores.ts';
import type { GeoparserModel } from './model.ts';
import { fitsCue, kindCues, KIND_CUE_BONUS, listCues } from './kind-cues.ts';
import { containsByShape, type Contains } from './namesake-features.ts';
import { buildRankContext, type RankContext } from './rank-context.ts';
import type { Candidate, Gazetteer, Mention, NameMatch, RankedMention } from './types.ts';

/**
 * Readings considered per mention. Lookup lists names before alternate names, each by population;
 * past the first few dozen only hamlets remain ("Washington" has over a hundred), and scoring them
 * all would make ranking quadratic in a name's fame.
 */
export const MAX_CANDIDATES = 30;

/** A town at home is a peer of a famous town abroad when the latter is at most this many times bigger. */
const PEER_TOWN_RATIO = 100;

/** The gazetteer readings a mention can have: adjectives for adjectival mentions, names otherwise. */
export function findCandidates(mention: Mention, gazetteer: Gazetteer): NameMatch[] {
  const all = gazetteer.lookup(mention.key);
  const adj = all.filter((m) => m.nameType === 'adjective');
  const names = all.filter((m) => m.nameType !== 'adjective');
  let chosen = mention.type === 'adjectival' && adj.length ? adj : names.length ? names : all;
  // "Southern Ontario" is part of an area: the province, not the Californian city, when there is an area.
  if (mention.qualified && chosen.some(isArea)) chosen = chosen.filter(isArea);
  // "EU", "UN", "USA" in capitals are short forms of something bigger, not the towns of Eu or Un, the river Usa.
  if (isAcronym(mention.text)) chosen = chosen.filter((m) => !spelledOtherwise(m, mention.text));
  if (chosen.length <= MAX_CANDIDATES) return chosen;
  // Keep every area and country (few, and often the answer), then the most populous of the rest.
  const small = (m: NameMatch) => m.place.kind === 'city' || m.place.kind === 'admin2';
  const rest = chosen.filter(small).sort((a, b) => b.place.population - a.place.population);
  return [...chosen.filter((m) => !small(m)), ...rest].slice(0, MAX_CANDIDATES);
}

/** Two or three capital letters (dots aside): "EU", "U.N.", "USA". */
function isAcronym(text: string): boolean {
  return /^(?:[A-Z]\.?){2,3}$/.test(text);
}

/**
 * A reading by its own name, which the acronym spells in other letters ("Eu", "Ūn", "Usa" for "EU", "U.N.",
 * "USA"): an acronym is not its name. (A reading by name has a name whose lookup key is the mention's.)
 */
function spelledOtherwise(m: NameMatch, text: string): boolean {
  return m.nameType === 'name' && m.place.name !== text.replace(/\./g, '');
}

function isArea(m: NameMatch): boolean {
  return m.place.kind !== 'city' && m.place.kind !== 'site';
}

/** One ranking pass; `ctx` null for the first pass. */
export function rankOnce(
  mentions: Mention[],
  text: string,
  gazetteer: Gazetteer,
  model: GeoparserModel,
  ctx: RankContext | null,
  contains: Contains = containsByShape(gazetteer),
): RankedMention[] {
  return scorePrepared(prepareCandidates(mentions, text, gazetteer, model, contains), model, ctx);
}

interface Prepared {
  mention: Mention;
  matches: NameMatch[];
  /** The score of each match's local features, computed once for both passes. */
  local: Float64Array;
  /** 1 for a match that is a big city meant over its namesake area (`twinCity`). */
  twin: Uint8Array;
  /** The points the twin rule gives each match, which words saying the kind undo (kind-cues.ts). */
  twinPoints: Float64Array;
  /** What the words around this mention say it is ("Gov.": a state; "mayor of": a town), kind-cues.ts. */
  cue: number;
  /** The mention's "City, State" comma is its own ("Washington, D.C."), not carried from another mention. */
  ownComma: boolean;
  /** What the comma gives each match (0 without a comma). */
  commaPoints: Float64Array;
}

/** A name's readings and their local scores, shared by every mention of the name with the same type. */
type ScoredReadings = Omit<Prepared, 'mention' | 'cue' | 'ownComma'>;

/** Names whose readings are kept per gazetteer and model at most (a few hundred bytes each). */
const MAX_KEPT_NAMES = 50_000;
const keptReadings = new WeakMap<Gazetteer, WeakMap<GeoparserModel, Map<string, ScoredReadings>>>();

/** The readings kept across articles for this gazetteer and model (with the gazetteer's own shape test). */
function readingsKept(gazetteer: Gazetteer, model: GeoparserModel): Map<string, ScoredReadings> {
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
  seen = new Map<string, ScoredReadings>(),
): Prepared[] {
  // A name repeated in an article (or, with a `seen` kept across articles, in a batch) has the same
  // readings and, unless a "City, State" comma says more, the same local features: they depend on
  // the name and the mention type only, so they are worked out once per name and type.
  // The arrays of the ranking path are pushed, not mapped: map's arrays turn holey once their maker is
  // optimised, and the code reading them deoptimises at the change (test/bench/README.md). Scores go in
  // Float64Arrays, whose elements are doubles from the start.
  const prepared: Prepared[] = [];
  const ownComma: boolean[] = [];
  const commas = articleCommaPlaces(mentions, text, gazetteer, ownComma);
  const cues = kindCues(mentions, text);
  for (let i = 0; i < mentions.length; i++) {
    const mention = mentions[i];
    const comma = commas[i];
    // An acronym has fewer readings than the same name otherwise written (findCandidates).
    const name = `${mention.type}:${mention.key}${mention.qualified ? ':qualified' : ''}${isAcronym(mention.text) ? ':caps' : ''}`;
    const known = comma.length ? undefined : seen.get(name);
    if (known) {
      prepared.push({
        mention,
        matches: known.matches,
        local: known.local,
        twin: known.twin,
        twinPoints: known.twinPoints,
        cue: cues[i],
        ownComma: ownComma[i],
        commaPoints: known.commaPoints,
      });
      continue;
    }
    const matches = findCandidates(mention, gazetteer);
    // Only the scores are kept: readings live across a batch, and their feature maps would not.
    const local = new Float64Array(matches.length);
    const twin = new Uint8Array(matches.length);
    const twinPoints = new Float64Array(matches.length);
    const commaPoints = new Float64Array(matches.length);
    for (let k = 0; k < matches.length; k++) {
      const scores = candidateFeatures(matches[k], matches, mention, null, comma, contains, new CandidateScores(model));
      local[k] = scores.total;
      twin[k] = scores.twinCity;
      twinPoints[k] = scores.twinPoints;
      commaPoints[k] = scores.commaPoints;
    }
    if (!comma.length) seen.set(name, { matches, local, twin, twinPoints, commaPoints });
    prepared.push({ mention, matches, local, twin, twinPoints, cue: cues[i], ownComma: ownComma[i], commaPoints });
  }
  return prepared;
}

function scorePrepared(prepared: Prepared[], model: GeoparserModel, ctx: RankContext | null): RankedMention[] {
  // Context features depend on the mention's name only, so mentions that share readings share them.
  const contextScores = new Map<Prepared['local'], Float64Array>();
  const ranked: RankedMention[] = [];
  for (const { mention, matches, local, twin, twinPoints, cue, ownComma, commaPoints } of prepared) {
    let context: Float64Array | undefined;
    // A comma carried from another mention of the name ("Washington, D.C." earlier) does not hold where the
    // article names another reading of the name outright, by another name ("Wash.", "WA": the state).
    // Nor where the mention's own words say another kind ("the state of Washington").
    const dropComma =
      !ownComma &&
      ((!!ctx && namedOtherwise(mention, matches, commaPoints, ctx)) || cueAgainst(cue, matches, commaPoints));
    if (ctx) {
      context = contextScores.get(local);
      if (!context) {
        context = new Float64Array(matches.length);
        const foreign = new Uint8Array(matches.length);
        let home = false;
        // The biggest town among the readings in a country the story is in (not merely near: London, Ontario,
        // is no home town for a story about New York).
        let homeTown = 0;
        for (let k = 0; k < matches.length; k++) {
          const scores = new CandidateScores(model);
          addContextFeatures(scores, matches[k].place, mention, ctx);
          context[k] = scores.total;
          foreign[k] = scores.docForeign;
          if (!scores.docForeign) {
            home = true;
            if (scores.docCountry && matches[k].place.kind === 'city')
              homeTown = Math.max(homeTown, matches[k].place.population);
          }
        }
        // A famous town abroad gives way to a namesake where the story is, beyond what the learned weight
        // says: local stories are few in training data. Only against such a namesake, so a name whose
        // readings all lie abroad keeps its probability; and only towns, since a country named is its own
        // evidence ("USA" in a story about Turkey).
        // Nor does such a town keep the twin rule's lift (Birmingham, the city of its metropolitan borough), which
        // speaks for the city against its own area, not against a town of its size where the story is
        // (Birmingham, Alabama, a fifth of it); against a village (London, Ohio) it stays.
        if (home)
          for (let k = 0; k < matches.length; k++)
            if (foreign[k] && matches[k].place.kind === 'city') {
              context[k] -= FOREIGN_PENALTY;
              if (twinPoints[k] > 0 && homeTown * PEER_TOWN_RATIO >= matches[k].place.population)
                context[k] -= twinPoints[k];
            }
        contextScores.set(local, context);
      }
    }
    const candidates: Candidate[] = [];
    for (let k = 0; k < matches.length; k++) {
      // Scores are linear, so the context part adds to the local part computed for the first pass.
      const candidate: Candidate = {
        place: matches[k].place,
        nameType: matches[k].nameType,
        score: local[k] + (context ? context[k] : 0) - (dropComma ? commaPoints[k] : 0),
      };
      // Per mention, not per name: "New York Gov." is the state where "in New York" beside it need not be.
      // Words that say the kind overrule the twin rule's guess between a city and the area named after it.
      if (cue) candidate.score += (fitsCue(cue, matches[k].place) ? KIND_CUE_BONUS : 0) - twinPoints[k];
      if (twin[k] && !cue) candidate.twinCity = true;
      candidates.push(candidate);
    }
    // Best first; the sort is stable, so equal scores keep the gazetteer's order.
    candidates.sort((x, y) => y.score - x.score);
    ranked.push({ mention, candidates, ownComma });
  }
  return ranked;
}

/** Do the words around the mention say a kind that no reading favoured by its carried comma has? */
function cueAgainst(cue: number, matches: NameMatch[], commaPoints: Float64Array): boolean {
  if (!cue) return false;
  let comma = false;
  for (let k = 0; k < matches.length; k++)
    if (commaPoints[k] > 0) {
      if (fitsCue(cue, matches[k].place)) return false;
      comma = true;
    }
  return comma;
}

/**
 * Does the article name, confidently and by another name, a reading of this mention's name that its carried
 * comma does not favour? ("Washington, D.C." once, then "Wash." and "Washington" for the state.)
 */
function namedOtherwise(mention: Mention, matches: NameMatch[], commaPoints: Float64Array, ctx: RankContext): boolean {
  let comma = false;
  for (let k = 0; k < matches.length; k++) if (commaPoints[k] > 0) comma = true;
  if (!comma) return false;
  for (let k = 0; k < matches.length; k++) {
    if (commaPoints[k] > 0 || matches[k].place.kind === 'city') continue;
    const keys = ctx.placeKeys.get(matches[k].place.id);
    if (keys && (keys.size > 1 || !keys.has(mention.key))) return true;
  }
  return false;
}

/**
 * Ranks every mention's gazetteer candidates, best first: once on the mention alone, then again
 * with what the first ranking says about the whole article.
 *
 * @example
 * rankCandidates(mentions, text, gazetteer, model)[0].candidates[0].place.name // 'Turkey'
 */
export function rankCandidates(
  mentions: Mention[],
  text: string,
  gazetteer: Gazetteer,
  model: GeoparserModel,
): RankedMention[] {
  const prepared = prepareCandidates(
    mentions,
    text,
    gazetteer,
    model,
    containsByShape(gazetteer),
    readingsKept(gazetteer, model),
  );
  const first = scorePrepared(prepared, model, null);
  return scorePrepared(withListCues(prepared, first, text), model, buildRankContext(first));
}

/** The cues of the second pass: a name listed among states read as states in the first (kind-cues.ts). */
function withListCues(prepared: Prepared[], first: RankedMention[], text: string): Prepared[] {
  const kinds: Array<string | undefined> = [];
  const cues = new Uint8Array(prepared.length);
  const mentions: Mention[] = [];
  for (let i = 0; i < prepared.length; i++) {
    kinds.push(first[i].candidates[0]?.place.kind);
    cues[i] = prepared[i].cue;
    mentions.push(prepared[i].mention);
  }
  const listed = listCues(mentions, text, kinds, cues);
  const out: Prepared[] = [];
  // Written out rather than spread, so every Prepared has one object shape (test/bench/README.md).
  for (let i = 0; i < prepared.length; i++) {
    const p = prepared[i];
    out.push(
      listed[i] === cues[i]
        ? p
        : {
            mention: p.mention,
            matches: p.matches,
            local: p.local,
            twin: p.twin,
            twinPoints: p.twinPoints,
            cue: listed[i],
            ownComma: p.ownComma,
            commaPoints: p.commaPoints,
          },
    );
  }
  return out;
}

// The trainer (geo/train/train-model.ts) imports these from here.
export { articleCommaPlaces, candidateFeatures, commaPlaces } from './candidate-features.ts';
export { buildRankContext } from './rank-context.ts';
