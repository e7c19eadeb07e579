// Logistic regression with AdaGrad for the model trainer, and the seeded random generators it and the
// trainer use: training must give the same bytes for the same data, so no randomness comes from Math.random.

import { sigmoid, type Features, type LinearModel } from '../../src/core/model.ts';

/** One training example: sparse features and the label (1 yes, 0 no). */
export interface Example {
  features: Features;
  label: number;
}

/** A source of numbers in [0, 1), like Math.random but seeded, so that a run can be repeated. */
export type Random = () => number;

/** Weights smaller than this change no decision and are dropped, keeping the model file small. */
const MIN_WEIGHT = 0.02;
/** L2 penalty and AdaGrad learning rate: the values the committed model was trained with. */
const L2 = 1e-4;
const LEARNING_RATE = 0.1;

/**
 * The Park–Miller "minimal standard" generator (multiplier 16807, modulus 2^31 − 1).
 *
 * @example
 * const random = parkMiller(42);
 * random() // 0.000328707508… on every run
 */
export function parkMiller(seed: number): Random {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

/**
 * The C library's linear congruential generator (glibc's `rand` constants, modulus 2^31), in doubles as
 * the trainer has always computed it: the product exceeds 2^53 and is rounded, which changes the
 * sequence but not its repeatability.
 *
 * @example
 * const random = linearCongruential(7);
 * random() // the same first number on every run
 */
export function linearCongruential(seed: number): Random {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/**
 * Trains a logistic model by AdaGrad: `epochs` passes over the examples, each in an order shuffled by
 * `random`. Weights are rounded to 3 decimals and sorted by name, so the model file is stable.
 *
 * @example
 * const model = trainLogistic([{ features: new Map([['bias', 1]]), label: 1 }], 5, linearCongruential(7));
 * model.weights.bias > 0 // true
 */
export function trainLogistic(examples: Example[], epochs: number, random: Random): LinearModel {
  const weights = new Map<string, number>();
  const squaredGradients = new Map<string, number>();
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let loss = 0;
    for (const i of order) {
      const { features, label } = examples[i];
      let z = 0;
      for (const [name, value] of features) z += (weights.get(name) ?? 0) * value;
      const p = sigmoid(z);
      loss -= label ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12);
      const gradient = p - label;
      for (const [name, value] of features) {
        const g = gradient * value + L2 * (weights.get(name) ?? 0);
        const sum = (squaredGradients.get(name) ?? 1e-8) + g * g;
        squaredGradients.set(name, sum);
        weights.set(name, (weights.get(name) ?? 0) - (LEARNING_RATE * g) / Math.sqrt(sum));
      }
    }
    console.error(`  epoch ${epoch + 1}: loss ${(loss / examples.length).toFixed(4)}`);
  }
  const kept: Record<string, number> = {};
  const sorted = [...weights].sort((x, y) => (x[0] < y[0] ? -1 : 1));
  // The bias is kept whatever its size: the geoparser takes a ranker without one for no ranker at all and
  // ranks by its hand-set priors (candidate-scores.ts), which a bias near zero once did to a whole model.
  for (const [name, weight] of sorted)
    if (name === 'bias' || Math.abs(weight) >= MIN_WEIGHT) kept[name] = Math.round(weight * 1000) / 1000;
  return { weights: kept };
}
