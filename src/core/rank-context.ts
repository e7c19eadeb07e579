// What an article says as a whole about where it is, gathered from a first ranking of its mentions:
// the countries and admin-1 units its places lie in, and the anchors of the places it names surely.

import { distanceKm } from './distance-km.ts';
import type { RankedMention } from './types.ts';

/** What the article as a whole says, gathered from its mentions' readings. */
export interface RankContext {
  /** ISO country → weight of mentions whose likely reading lies in that country, per key. */
  countries: Map<string, number>;
  countriesByKey: Map<string, Map<string, number>>;
  /** `CC.ADM1` of admin-1 units the article names → the keys that name them. */
  admin1s: Map<string, Set<string>>;
  /** `CC.ADM1` → weight of mentions whose likely reading is or lies in that admin-1 unit, and the same per key. */
  admin1Weights: Map<string, number>;
  admin1WeightsByKey: Map<string, Map<string, number>>;
  /** Anchors of confidently read places (one per place, most-mentioned first), with their keys. */
  anchors: Array<{ keys: Set<string>; anchor: [number, number] }>;
  /**
   * Anchors of the countries the article names surely, with their keys: no evidence of nearness for a town (a
   * country's label point can lie far from its towns), but enough to say a town is not far abroad ("Rome" in a
   * story about the Vatican).
   */
  countryAnchors: Array<{ keys: Set<string>; anchor: [number, number] }>;
  /** ISO country → the keys of mentions read as that very country ("Canada", "Canadian"), surely or not. */
  namedCountries: Map<string, Set<string>>;
  /** Place id → the keys that name it confidently ("Pacific Ocean" and, through it, the Pacific Ocean). */
  placeKeys: Map<string, Set<string>>;
}

/** Places whose distance every candidate is measured to: enough for any article, bounded for books. */
const MAX_CONTEXT_ANCHORS = 150;

/**
 * Document context from a first ranking: the top reading of each mention.
 *
 * @example
 * buildRankContext(rankCandidates(mentions, text, gazetteer, model)).countries.get('AZ') // 12.5
 */
export function buildRankContext(ranked: RankedMention[]): RankContext {
  const countries = new Map<string, number>();
  const countriesByKey = new Map<string, Map<string, number>>();
  const admin1s = new Map<string, Set<string>>();
  const admin1Weights = new Map<string, number>();
  const admin1WeightsByKey = new Map<string, Map<string, number>>();
  const byPlace = new Map<string, { keys: Set<string>; anchor: [number, number]; n: number }>();
  const placeKeys = new Map<string, Set<string>>();
  const namedCountries = new Map<string, Set<string>>();
  const byCountry = new Map<string, { keys: Set<string>; anchor: [number, number] }>();
  for (const { mention, candidates } of ranked) {
    const top = candidates[0];
    if (!top) continue;
    const p = top.place;
    // A reading is confident when it beats the runner-up clearly or has no rival elsewhere: readings that lie
    // together (the town of Cairns and the Cairns region around it) agree on where the article is.
    const margin = marginOverRivals(candidates);
    const w = mention.confidence * (margin >= 1 ? 1 : 0.5);
    if (p.country) {
      countries.set(p.country, (countries.get(p.country) ?? 0) + w);
      let byKey = countriesByKey.get(mention.key);
      if (!byKey) countriesByKey.set(mention.key, (byKey = new Map()));
      byKey.set(p.country, (byKey.get(p.country) ?? 0) + w);
    }
    if (p.country && p.admin1 && p.kind !== 'country') {
      const code = `${p.country}.${p.admin1}`;
      admin1Weights.set(code, (admin1Weights.get(code) ?? 0) + w);
      let byKey = admin1WeightsByKey.get(mention.key);
      if (!byKey) admin1WeightsByKey.set(mention.key, (byKey = new Map()));
      byKey.set(code, (byKey.get(code) ?? 0) + w);
    }
    if (p.kind === 'country' && p.country) {
      const keys = namedCountries.get(p.country);
      if (keys) keys.add(mention.key);
      else namedCountries.set(p.country, new Set([mention.key]));
    }
    if (p.kind === 'admin1' && p.admin1) {
      const code = `${p.country}.${p.admin1}`;
      const keys = admin1s.get(code);
      if (keys) keys.add(mention.key);
      else admin1s.set(code, new Set([mention.key]));
    }
    if (margin >= 1) {
      const keys = placeKeys.get(p.id);
      if (keys) keys.add(mention.key);
      else placeKeys.set(p.id, new Set([mention.key]));
    }
    if (margin >= 1 && p.kind === 'country') {
      const named = byCountry.get(p.id) ?? { keys: new Set<string>(), anchor: p.anchor };
      named.keys.add(mention.key);
      byCountry.set(p.id, named);
    }
    if (margin >= 1 && p.kind !== 'continent' && p.kind !== 'country' && p.kind !== 'historical-country') {
      const anchored = byPlace.get(p.id) ?? { keys: new Set<string>(), anchor: p.anchor, n: 0 };
      anchored.keys.add(mention.key);
      anchored.n++;
      byPlace.set(p.id, anchored);
    }
  }
  const anchors = [...byPlace.values()].sort((x, y) => y.n - x.n).slice(0, MAX_CONTEXT_ANCHORS);
  const countryAnchors = [...byCountry.values()];
  return {
    countries,
    countriesByKey,
    admin1s,
    admin1Weights,
    admin1WeightsByKey,
    anchors,
    placeKeys,
    namedCountries,
    countryAnchors,
  };
}

/** Readings nearer than this to the top one place the mention in the same spot, whichever is meant. */
const SAME_SPOT_KM = 50;

/** How far the top reading leads the best reading that lies elsewhere (3 when none does). */
function marginOverRivals(candidates: RankedMention['candidates']): number {
  const top = candidates[0];
  for (let k = 1; k < candidates.length; k++)
    if (distanceKm(top.place.anchor, candidates[k].place.anchor) > SAME_SPOT_KM) return top.score - candidates[k].score;
  return 3;
}
