/*
 * Latency percentiles without keeping samples: counts in geometric bins (each 10 % wider than the
 * last, from 0.1 ms to about two and a half minutes), so any number of minutes merge by adding
 * counts and a percentile is off by at most half a bin (±5 %).
 */

const FIRST_MS = 0.1;
const GROWTH = 1.1;
const LOG_GROWTH = Math.log(GROWTH);
export const LATENCY_BINS = 150;

export function latencyBin(ms: number): number {
  if (!(ms > FIRST_MS)) return 0;
  return Math.min(LATENCY_BINS - 1, Math.ceil(Math.log(ms / FIRST_MS) / LOG_GROWTH));
}

/** The representative value of a bin: the geometric middle of its bounds. */
export function binValue(bin: number): number {
  if (bin === 0) return FIRST_MS;
  return FIRST_MS * GROWTH ** (bin - 0.5);
}

export function newHistogram(): number[] {
  return new Array<number>(LATENCY_BINS).fill(0);
}

export function addInto(target: number[], source: readonly number[]): void {
  for (let i = 0; i < LATENCY_BINS; i += 1) target[i] += source[i];
}

/** The p-th percentile (0 < p ≤ 1) in ms, rounded to 0.1 ms; null for an empty histogram. */
export function percentile(hist: readonly number[], p: number): number | null {
  let total = 0;
  for (let i = 0; i < LATENCY_BINS; i += 1) total += hist[i];
  if (total === 0) return null;
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (let i = 0; i < LATENCY_BINS; i += 1) {
    seen += hist[i];
    if (seen >= rank) return Math.round(binValue(i) * 10) / 10;
  }
  return Math.round(binValue(LATENCY_BINS - 1) * 10) / 10;
}
