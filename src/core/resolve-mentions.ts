// Resolution, step 2: ranked candidates → one referent per mention. One sense per name per article:
// all mentions of a name share the reading with the best mean score. An explicit "no match" wins
// over a weak guess.

import { distanceKm } from './distance-km.ts';
import { sigmoid } from './model.ts';
import type { Candidate, Place, RankedMention, ResolvedMention } from './types.ts';

export interface ResolveMentionsOptions {
  /** Below this probability (candidate score through the logistic) the mention resolves to nothing. */
  minProbability?: number;
  /**
   * How far (in summed-score units, per mention) a reading by an alternate name must lead the best reading
   * by a primary name to win: "Tunis" is the city, not Tunisia's old name, unless the article says otherwise.
   * 3 rather than 2 since round 2 (issue #15): a little better on both dev corpora trained without them.
   */
  altMargin?: number;
  /**
   * A plain name recognised surely (`Mention.plain`: no capitals, calendar word, given name, surname or
   * common word) keeps its best reading down to `plainMinProbability`: the ranker orders a name's readings, it
   * does not say whether any is meant, and a town or region it cannot fit to the story's other places
   * ("Mississauga" in a story that names only Spanish and English people, "the Middle East") is still the
   * place the recogniser was sure of. A weak reading of a junk-looking name ("EU" → Eu, "Christmas") is not.
   */
  plainMinProbability?: number;
}

const DEFAULTS: Required<ResolveMentionsOptions> = {
  minProbability: 0.02,
  altMargin: 3,
  plainMinProbability: 0.01,
};

/**
 * Is the alternate-name reading the big city that the primary-name reading, a state or district holding it, is
 * named after ("New York")? The twin rule (namesake-features.ts) has weighed the two already, so the city is no
 * obscure alternate name to hold back; against a country ("Mexico") the margin stands.
 */
function twinOf(city: Candidate, area: Candidate): boolean {
  const a = area.place;
  return (
    !!city.twinCity &&
    (a.kind === 'admin1' || a.kind === 'admin2') &&
    a.country === city.place.country &&
    a.admin1 === city.place.admin1
  );
}

/** Readings nearer than this lie on the same spot (rank-context.ts uses the same distance). */
const SAME_SPOT_KM = 50;

/** How many times bigger than a town an alternate-name reading must be for the margin not to shield the town. */
const HAMLET_RATIO = 1000;

/**
 * Is the primary-name reading a town so small beside the alternate-name one that the margin would shield an
 * obscure reading ("US" is the United States, not the French village of Us; "EU" not the town of Eu)?
 */
function hamletAgainst(named: Candidate, alt: Candidate): boolean {
  return named.place.kind === 'city' && named.place.population * HAMLET_RATIO < alt.place.population;
}

/**
 * Chooses a referent for every ranked mention.
 *
 * @example
 * resolveMentions(ranked).map((r) => r.place?.id) // ['geonames:298795', 'geonames:298795', null]
 */
export function resolveMentions(ranked: RankedMention[], options: ResolveMentionsOptions = {}): ResolvedMention[] {
  const { minProbability, altMargin, plainMinProbability } = { ...DEFAULTS, ...options };
  // Each candidate's mean score over every mention of the same name and type.
  const totals = new Map<string, Map<string, { score: number; n: number }>>();
  // A mention with its own "City, State" comma ("Washington, D.C.") is its own group: its words say which
  // reading it is, whatever the name means elsewhere in the article.
  const groupOf = (r: RankedMention) => `${r.mention.type}|${r.mention.key}${r.ownComma ? '|comma' : ''}`;
  for (const r of ranked) {
    const k = groupOf(r);
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
    const t = totals.get(groupOf(r))!;
    let best = r.candidates[0];
    let bestMean = -Infinity;
    // The best reading by a primary name, which an alternate name must beat by altMargin.
    let named: Candidate | undefined;
    let namedMean = -Infinity;
    for (const c of r.candidates) {
      const e = t.get(c.place.id)!;
      const mean = e.score / e.n;
      if (mean > bestMean) {
        bestMean = mean;
        best = c;
      }
      if (c.nameType === 'name' && mean > namedMean) {
        namedMean = mean;
        named = c;
      }
    }
    // An alternate name of a place right beside one of the name's own readings ("West Torrington", which
    // GeoNames also calls Torrington, beside Torrington, Connecticut) speaks for that reading.
    if (best && best.nameType === 'alt') {
      for (const c of r.candidates)
        if (
          c.nameType === 'name' &&
          c.place.kind === best.place.kind &&
          distanceKm(c.place.anchor, best.place.anchor) <= SAME_SPOT_KM
        ) {
          best = c;
          break;
        }
    }
    if (
      best &&
      best.nameType === 'alt' &&
      named &&
      namedMean > bestMean - altMargin &&
      !twinOf(best, named) &&
      !hamletAgainst(named, best)
    ) {
      best = named;
      bestMean = namedMean;
    }
    let place: Place | null = null;
    let score = 0;
    let candidates = r.candidates;
    if (best) {
      score = sigmoid(bestMean);
      // Written so that a NaN score keeps its reading.
      const floor = r.mention.plain ? plainMinProbability : minProbability;
      if (!(score < floor)) {
        place = best.place;
        candidates = [best];
        for (const c of r.candidates) if (c !== best) candidates.push(c);
      }
    }
    resolved.push({ mention: r.mention, candidates, place, score });
  }
  return resolved;
}
