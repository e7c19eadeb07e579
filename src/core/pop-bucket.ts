// A population as a feature value: its order of magnitude, within the bounds a feature family uses.

/**
 * The order of magnitude of a population (0 below 10, 1 below 100, …), clamped to [min, max].
 *
 * @example
 * popBucket(250_000, 3, 6) // 5
 * popBucket(2_000, 3, 6)   // 3 (every town below 10,000 alike)
 */
export function popBucket(population: number, min: number, max: number): number {
  const magnitude = population < 1 ? 0 : Math.floor(Math.log10(population));
  return Math.min(max, Math.max(min, magnitude));
}
