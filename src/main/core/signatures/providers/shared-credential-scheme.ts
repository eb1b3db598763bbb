/*
 * Senders that prove themselves with a credential instead of a signature: HTTP Basic auth set on
 * the webhook (Postmark, Chargebee, Pipedrive), a fixed header value (Okta event hooks) or a
 * passcode in the body (Figma). Checking one only says the sender knew the credential; nothing
 * binds the body or the time, so every verdict says so, and a replayed or edited delivery passes.
 */
import { header, invalid, safeEqual, valid } from '../crypto-helpers';
import { HooklensError } from '../../../../shared/errors';
import { explainMismatch } from '../mismatch';
import type { Provider, SignOptions, SignedRequest, VerifyOptions, VerifyResult } from '../types';
import type { HeaderPair } from '../../../../shared/capture';
import { schemeIdentity } from './scheme-identity';

export interface SharedCredentialScheme {
  id: string;
  name: string;
  /** Where the credential travels, for display and reasons: "Authorization (Basic)". */
  carrier: string;
  secretHint: string;
  secretAdvice: string;
  /** The credential on the request, a reason it is malformed, or undefined when absent. */
  read(req: SignedRequest): { value: string } | { problem: string } | undefined;
  /** Why the request has no credential, after "no <carrier>: ". */
  missingWhy: string;
  /** The credential as the sender sends it when configured with `secret`. */
  expected(secret: string): string;
  detect(req: SignedRequest): boolean;
  /** Headers a sender configured with the secret adds (absent when the credential is in the body). */
  sign?(opts: SignOptions): HeaderPair[];
  /** How to show a credential in a verdict without printing the secret. */
  mask?(value: string): string;
}

const UNSIGNED = 'the body and time are not signed, so a changed or replayed delivery passes too';

function verify(scheme: SharedCredentialScheme, req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const got = scheme.read(req);
  if (got === undefined) return invalid(scheme.id, 'missing_header', `no ${scheme.carrier}: ${scheme.missingWhy}`);
  if ('problem' in got) return invalid(scheme.id, 'malformed_header', got.problem);
  if (opts.secret === '') return invalid(scheme.id, 'secret_format', `no secret given: ${scheme.secretAdvice}`);
  const mask = scheme.mask ?? ((v: string) => `${v.length} characters`);
  if (safeEqual(got.value, scheme.expected(opts.secret))) {
    return valid(scheme.id, `${scheme.carrier} holds the configured credential; ${UNSIGNED}`);
  }
  const result = explainMismatch({
    provider: scheme.id,
    body: req.body,
    secret: opts.secret,
    received: mask(got.value),
    what: scheme.carrier,
    keySource: scheme.secretAdvice,
    matches: (c) => {
      const again = scheme.read({ ...req, body: c.body });
      return again !== undefined && 'value' in again && safeEqual(again.value, scheme.expected(c.secret));
    },
  });
  return result.failure === 'signature_mismatch'
    ? {
        ...result,
        reason: `${scheme.carrier} does not hold the configured credential (received ${mask(got.value)})`,
        hints: [...(result.hints ?? []), scheme.secretAdvice],
      }
    : result;
}

export function sharedCredentialProvider(scheme: SharedCredentialScheme): Provider {
  return {
    ...schemeIdentity(scheme, [scheme.carrier]),
    detect: scheme.detect,
    verify: (req, opts) => verify(scheme, req, opts),
    ...(scheme.sign ? { sign: scheme.sign } : {}),
  };
}

/** `user:password` from `Authorization: Basic …`, or why the header is not Basic auth. */
export function readBasicAuth(req: SignedRequest): { value: string } | { problem: string } | undefined {
  const raw = header(req, 'Authorization');
  if (raw === undefined) return undefined;
  const m = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(raw);
  if (!m)
    return {
      problem: `Authorization is not HTTP Basic auth ("Basic <base64 user:password>"), got "${raw.slice(0, 20)}…"`,
    };
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  return decoded.includes(':')
    ? { value: decoded }
    : { problem: 'the Basic credentials decode to text without a ":", so they are not user:password' };
}

/** Basic auth as the sender sends it: the secret field holds "user:password". */
export function basicAuthScheme(
  base: Pick<SharedCredentialScheme, 'id' | 'name' | 'secretHint' | 'secretAdvice' | 'missingWhy'> & {
    userAgent: RegExp;
  },
): SharedCredentialScheme {
  return {
    ...base,
    carrier: 'Authorization (Basic)',
    read: readBasicAuth,
    expected: (secret) => secret,
    // Basic auth is everywhere; only the sender's own User-Agent makes it this sender's.
    detect: (req) =>
      /^Basic\s/i.test(header(req, 'Authorization') ?? '') && base.userAgent.test(header(req, 'User-Agent') ?? ''),
    sign(opts) {
      if (!opts.secret.includes(':'))
        throw new HooklensError(
          'invalid_argument',
          `the secret must be "user:password", the Basic credentials ${base.name} sends`,
        );
      return [['Authorization', `Basic ${Buffer.from(opts.secret).toString('base64')}`]];
    },
    mask: (v) => `user "${v.slice(0, v.indexOf(':'))}" with a ${v.length - v.indexOf(':') - 1}-character password`,
  };
}
