// The score of a gazetteer reading: the learned ranker's linear sum (the hand-set priors where no
// ranker is trained) plus bonuses for what the training data cannot teach it.

import { LinearScores, type Features, type GeoparserModel, type LinearModel } from './model.ts';
import { TWIN_BONUS } from './namesake-features.ts';

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

// "Paris, Texas", "Springfield, Ill.": a place right after a comma that holds the candidate is as
// explicit as news gets; it outweighs population and fame.
const COMMA_BONUS = 4;
// An article whose places lie mostly in one country reads an ambiguous name there ("Georgia" in a
// story about Illinois and Texas is the state). Rare in training data, so the model cannot learn it.
const DOC_SHARE_BONUS = 1.5;
/**
 * Taken off a town in a country the article does not name and far from its places (`docForeign`), when the
 * name has a reading nearer home (rank-candidates.ts): "Plymouth" in a story about Massachusetts.
 */
export const FOREIGN_PENALTY = 1.5;

/** The weights a candidate is scored with: a trained ranker always has a bias weight; without one the hand-set priors rank. */
const rankWeights = (model: GeoparserModel): LinearModel =>
  model.rank.weights.bias !== undefined ? model.rank : PRIORS_MODEL;

/**
 * A candidate's score as its features arrive (a feature sink, see candidateFeatures): the linear sum
 * with the model's weights (the priors without a trained ranker), plus the hand-set bonuses, read from
 * the features they depend on. A twin feature set again (once per namesake found) counts once, as a
 * map would keep it; its value is always 1.
 *
 * @example
 * candidateFeatures(match, matches, mention, null, [], near, new CandidateScores(model)).total
 */
export class CandidateScores extends LinearScores {
  twinArea = 0;
  twinCity = 0;
  twinSeat = 0;
  twinBigArea = 0;
  commaCtx = 0;
  docShare = 0;
  docForeign = 0;
  docCountry = 0;
  /** What the learned weight of `commaCtx` added to the linear sum. */
  commaLearned = 0;

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
      case 'commaCtx': {
        this.commaCtx = value;
        const before = this.score;
        super.set(name, value);
        this.commaLearned = this.score - before;
        return this;
      }
      case 'docShare':
      case 'docForeign':
      case 'docCountry':
        this[name] = value;
        break;
    }
    return super.set(name, value);
  }

  /** The candidate's score: the linear sum plus the bonuses. */
  get total(): number {
    // An area over its small namesake seat: the seat goes down rather than the area up, which lifted the area
    // over every other reading too (Uruguay's Florida department, which has a town Florida, over the state of
    // Florida). A big city over its area is lifted: that is the usual reading of the name (Washington, Tunis).
    // "Bronx, New York": a comma after a town names the area that holds it, whatever city bears its name.
    return this.score + this.twinPoints + this.commaCtx * COMMA_BONUS + this.docShare * DOC_SHARE_BONUS;
  }

  /** The part of the total that a "City, State" comma gives (the learned weight and the bonus). */
  get commaPoints(): number {
    return this.commaCtx * COMMA_BONUS + this.commaLearned;
  }

  /** The part of the total that the twin rule gives or takes (namesake-features.ts). */
  get twinPoints(): number {
    return (this.twinCity - (this.commaCtx ? 0 : this.twinBigArea) - 2 * this.twinSeat) * TWIN_BONUS;
  }
}

/**
 * A candidate's score from its feature map (training, inspection): the same sum as CandidateScores.
 *
 * @example
 * scoreCandidate(model, candidateFeatures(match, matches, mention, null, []))
 */
export function scoreCandidate(model: GeoparserModel, features: Features): number {
  const scores = new CandidateScores(model);
  features.forEach((value, name) => scores.set(name, value));
  return scores.total;
}
