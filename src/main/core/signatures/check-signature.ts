/*
 * The step every HMAC provider shares once its header is parsed: compute our signature, compare it
 * with what the sender sent, and on a mismatch let `explainMismatch` re-run the very same
 * computation over other readings of the secret and body. Keeping the comparison and the
 * re-run in one place means a provider cannot explain with a different computation (or a
 * different normalisation of the received value) than the one it verified with.
 */
import { safeEqual } from './crypto-helpers';
import { explainMismatch, type MismatchContext } from './mismatch';
import type { SignedRequest, VerifyOptions, VerifyResult } from './types';

export interface SignatureCheck extends Omit<MismatchContext, 'provider' | 'body' | 'secret' | 'expected' | 'matches'> {
  /** This provider's signature over `body` keyed with `secret`, in the form it is compared in. */
  compute(secret: string, body: Buffer): string;
  /**
   * The received signatures as compared: lower-cased hex, or several while a secret is being
   * rolled (any one matching is enough). Defaults to `[received]`; `received` stays what is shown.
   */
  candidates?: readonly string[];
}

export interface CheckedSignature {
  expected: string;
  /** The candidate that equals `expected`; undefined on a mismatch. */
  matched?: string;
  /** The mismatch verdict (secret_format, body_reserialized or signature_mismatch); call only when `matched` is undefined. */
  explain(): VerifyResult;
}

/**
 * Takes the request and options whole so the verdict is always about the exact captured bytes and
 * the secret as given; other readings of either are only tried by `explain`.
 */
export function checkSignature(
  provider: string,
  req: Pick<SignedRequest, 'body'>,
  opts: Pick<VerifyOptions, 'secret'>,
  check: SignatureCheck,
): CheckedSignature {
  const { compute, candidates = [check.received], ...context } = check;
  const expected = compute(opts.secret, req.body);
  const matchesAny = (sig: string): boolean => candidates.some((c) => safeEqual(c, sig));
  return {
    expected,
    matched: candidates.find((c) => safeEqual(c, expected)),
    explain: () =>
      explainMismatch({
        ...context,
        provider,
        body: req.body,
        secret: opts.secret,
        expected,
        matches: (c) => matchesAny(compute(c.secret, c.body)),
      }),
  };
}
