// Resolution, step 2: ranked candidates → one referent per mention. One sense per name per article:
// all mentions of a name share the reading with the best mean score. An explicit "no match" wins
// over a weak guess.

import { sigmoid } from './model.ts';
import type { Place, RankedMention, ResolvedMention } from './types.ts';

export interface ResolveMentionsOptions {
  /** Below this probability (candidate score through the logistic) the mention resolves to nothing. */
  minProbability?: number;
}

const DEFAULTS: Required<ResolveMentionsOptions> = { minProbability: 0.02 };

/**
 * Chooses a referent for every ranked mention.
 *
 * @example
 * resolveMentions(ranked).map((r) => r.place?.id) // ['geonames:298795', 'geonames:298795', null]
 */
export function resolveMentions(ranked: RankedMention[], options: ResolveMentionsOptions = {}): ResolvedMention[] {
  const { minProbability } = { ...DEFAULTS, ...options };
  // Each candidate's mean score over every mention of the same name and type.
  const totals = new Map<string, Map<string, { score: number; n: number }>>();
  for (const r of ranked) {
    const k = `${r.mention.type}|${r.mention.key}`;
    let t = totals.get(k);
    if (!t) totals.set(k, (t = new Map()));
    for (const c of r.candidates) {
      const e = t.get(c.place.id) ?? { score: 0, n: 0 };
      e.score += c.score;
      e.n++;
      t.set(c.place.id, e);
    }
  }
  const resolved: ResolvedMention[] = [];
  for (const r of ranked) {
    const t = totals.get(`${r.mention.type}|${r.mention.key}`)!;
    let best = r.candidates[0];
    let bestMean = -Infinity;
    for (const c of r.candidates) {
      const e = t.get(c.place.id)!;
      const mean = e.score / e.n;
      if (mean > bestMean) {
        bestMean = mean;
        best = c;
      }
    }
    let place: Place | null = null;
    let score = 0;
    let candidates = r.candidates;
    if (best) {
      score = sigmoid(bestMean);
      // Written so that a NaN score keeps its reading.
      if (!(score < minProbability)) {
        place = best.place;
        candidates = [best];
        for (const c of r.candidates) if (c !== best) candidates.push(c);
      }
    }
    resolved.push({ mention: r.mention, candidates, place, score });
  }
  return resolved;
}
