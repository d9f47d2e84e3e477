/** Small statistics for benchmark samples (nearest-rank percentiles, no interpolation). */

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  // A sample that is not a number is a broken measurement: say so instead of printing junk.
  const bad = samples.findIndex((s) => typeof s !== 'number' || !Number.isFinite(s));
  if (bad >= 0) throw new Error(`sample ${bad + 1} of ${samples.length} is not a number: ${String(samples[bad])}`);
  return {
    n: samples.length,
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    min: samples.length ? Math.min(...samples) : Number.NaN,
    max: samples.length ? Math.max(...samples) : Number.NaN,
  };
}

/**
 * A 90% bootstrap interval for `statistic(a) - statistic(b)`, resampling whole blocks (runs of
 * samples taken together), so that a burst of machine load inside one block is not mistaken
 * for many independent samples. Deterministic (fixed seed), so runs compare.
 */
export function bootstrapDifference(
  a: readonly number[][],
  b: readonly number[][],
  statistic: (samples: number[]) => number,
  iterations = 1000,
): { low: number; high: number } {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const resample = (blocks: readonly number[][]) =>
    blocks.flatMap(() => blocks[Math.floor(random() * blocks.length)]!);
  const differences = Array.from({ length: iterations }, () => statistic(resample(a)) - statistic(resample(b)));
  return { low: percentile(differences, 5), high: percentile(differences, 95) };
}

export const mean = (values: readonly number[]): number =>
  values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : Number.NaN;

/**
 * A 90% bootstrap interval for the mean of `values` (one value per round, e.g. a paired
 * difference recording − idle measured in the same round). Deterministic (fixed seed).
 */
export function bootstrapMean(values: readonly number[], iterations = 2000): { low: number; high: number } {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const means = Array.from({ length: iterations }, () => mean(values.map(() => values[Math.floor(random() * values.length)]!)));
  return { low: percentile(means, 5), high: percentile(means, 95) };
}
