/*
 * Retry delays for the tunnel: exponential from `baseMs`, capped at `capMs`, with ±20 % jitter so a
 * crowd of clients dropped by the same server outage does not come back in lockstep.
 */

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  /** Returns a number in [0, 1); injectable so the schedule can be checked exactly. */
  random?: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 30_000 };

/** Delay before retry number `attempt` (1 for the first retry). */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const { baseMs, capMs, random = Math.random } = options;
  const n = Math.max(1, Math.floor(attempt));
  // 2 ** 30 already dwarfs any cap; stopping there keeps the arithmetic finite for huge attempt counts.
  const exp = Math.min(capMs, baseMs * 2 ** Math.min(n - 1, 30));
  const jittered = exp * (0.8 + 0.4 * random());
  return Math.round(Math.min(capMs, jittered));
}
