/*
 * Timestamp checks shared by timestamped schemes. Skew is "signed timestamp minus now", so a
 * negative skew means the request is old (a replay or a slow queue) and a positive one means the
 * sender's clock runs ahead of ours.
 */
import { invalid, nowSeconds } from './crypto-helpers';
import type { VerifyOptions, VerifyResult } from './types';

/** Whole unix seconds written as plain digits; undefined for anything else ("1.5e9", "", "-3"…). */
export function parseUnixSeconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (!/^\d{1,12}$/.test(t)) return undefined;
  return Number(t);
}

export interface TimestampCheck {
  /** Signed timestamp minus now, in seconds. */
  skewSec: number;
  toleranceSec: number;
  /** Set when the timestamp is outside the tolerance. */
  failure?: VerifyResult;
}

/**
 * Judges a signed timestamp against `opts.now` (default: the clock) and `opts.toleranceSec`
 * (default: the provider's documented tolerance). A tolerance of 0 turns the check off, which is
 * what the CLI's `--tolerance 0` means.
 */
export function checkTimestamp(
  providerId: string,
  timestampSec: number,
  opts: Pick<VerifyOptions, 'now' | 'toleranceSec'>,
  defaultToleranceSec: number,
): TimestampCheck {
  const now = opts.now ?? nowSeconds();
  const toleranceSec = opts.toleranceSec ?? defaultToleranceSec;
  const skewSec = timestampSec - now;
  if (toleranceSec > 0 && Math.abs(skewSec) > toleranceSec) {
    const direction = skewSec < 0 ? `${-skewSec} s old` : `${skewSec} s in the future`;
    return {
      skewSec,
      toleranceSec,
      failure: invalid(
        providerId,
        'timestamp_out_of_tolerance',
        `signature matches but the timestamp is ${direction}, outside the ${toleranceSec} s tolerance (skew ${skewSec} s)`,
        { skewSec },
      ),
    };
  }
  return { skewSec, toleranceSec };
}
