// The learned parts of the geoparser as data: linear weights over named features for span
// recognition and candidate ranking, plus small word lists derived from the training corpora.
// Trained by geo/train-model.ts; loaded like the gazetteer (the core never reads files).

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
 * A feature sink that scores as features arrive, under one or two models, with no map in between.
 * The sums are taken in the order the features are set, which is the order in which a `Features` map
 * built by the same extractor would list them, so both give the same scores to the last bit.
 *
 * @example
 * const s = new LinearScores(model.span); s.set('bias', 1); s.a // the bias weight
 */
export class LinearScores implements FeatureSink {
  a = 0;
  b = 0;
  private readonly wa: Map<string, number>;
  private readonly wb: Map<string, number> | undefined;
  /** The value of the feature named `watch` when it was set (0 otherwise). */
  watched = 0;
  private readonly watch: string | undefined;

  constructor(a: LinearModel, b?: LinearModel, watch?: string) {
    this.wa = weightMap(a);
    this.wb = b && weightMap(b);
    this.watch = watch;
  }

  set(name: string, value: number): this {
    const x = this.wa.get(name);
    if (x !== undefined) this.a += x * value;
    if (this.wb) {
      const y = this.wb.get(name);
      if (y !== undefined) this.b += y * value;
    }
    if (name === this.watch) this.watched = value;
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
  return scores.a;
}

// Weights as a Map, made once per weights object (a Map look-up hashes a fresh feature name; an object
// look-up would intern it first). Models are replaced, never edited, after their first score.
const weightMaps = new WeakMap<Record<string, number>, Map<string, number>>();
/** The weights of `model` as a Map (built on the first call, then the same one). */
export function weightMap(model: LinearModel): Map<string, number> {
  let m = weightMaps.get(model.weights);
  if (!m) weightMaps.set(model.weights, (m = new Map(Object.entries(model.weights))));
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
export const EMPTY_MODEL: GeoparserModel = { version: 0, span: { weights: {} }, spanDoc: { weights: {} }, rank: { weights: {} }, commonWords: [], givenNames: [] };
