/*
 * Timestamp checks shared by timestamped schemes. Skew is "signed timestamp minus now", so a
 * negative skew means the request is old (a replay or a slow queue) and a positive one means the
 * sender's clock runs ahead of ours.
 */
import { invalid, nowSeconds, valid } from './crypto-helpers';
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
 * The verdict once the signature matched: the timestamp's failure when it is outside the
 * tolerance, else valid for `reason`; both carry the signature evidence, and the skew.
 */
export function timedVerdict(
  providerId: string,
  time: TimestampCheck,
  reason: string,
  evidence: Pick<VerifyResult, 'expected' | 'received'>,
): VerifyResult {
  if (time.failure) return { ...time.failure, ...evidence };
  return valid(providerId, reason, { ...evidence, skewSec: time.skewSec });
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

/** "12 s old" / "3 s ahead" / "current", for the one-line verdicts of timestamped schemes. */
export function describeSkew(skewSec: number): string {
  if (skewSec === 0) return 'current';
  return skewSec < 0 ? `${-skewSec} s old` : `${skewSec} s ahead of this clock`;
}

/**
 * The hint added to a signature mismatch when the timestamp is off too: the signature verdict wins,
 * since a wrong secret is the likelier cause, but the stale timestamp must not go unmentioned.
 */
export function toleranceHints(time: TimestampCheck): string[] {
  return time.failure
    ? [`the timestamp is also outside the ${time.toleranceSec} s tolerance (skew ${time.skewSec} s)`]
    : [];
}

/** "timestamp within 300 s", or that it was not checked when the tolerance is 0. */
export function describeWindow(time: TimestampCheck): string {
  return time.toleranceSec > 0 ? `timestamp within ${time.toleranceSec} s` : 'timestamp not checked (tolerance 0)';
}
