/*
 * Mismatch explanation for public-key schemes (Discord Ed25519, SendGrid ECDSA). There is no
 * "expected" signature to show, since only the sender holds the private key, so the shared
 * explainMismatch (which reports expected vs received) does not fit; the same secret and body
 * variants are still tried through the provider's own verifier.
 */
import { abbreviate, invalid } from '../crypto-helpers';
import { bodyVariants, genericSecretVariants } from '../mismatch';
import type { VerifyResult } from '../types';

export interface KeyMismatchContext {
  provider: string;
  body: Buffer;
  secret: string;
  received: string;
  /** What was checked, e.g. "Ed25519 signature". */
  what: string;
  /** Where the right key lives, for the reason text. */
  keySource: string;
  verifies(candidate: { body: Buffer; secret: string }): boolean;
  /** Provider-specific readings of the body, tried before the generic ones. */
  bodyVariants?: { label: string; body: Buffer }[];
  extra?: Partial<VerifyResult>;
}

export function explainKeyMismatch(ctx: KeyMismatchContext): VerifyResult {
  const base = { received: ctx.received, ...ctx.extra };
  for (const v of genericSecretVariants(ctx.secret)) {
    if (v.secret !== ctx.secret && ctx.verifies({ body: ctx.body, secret: v.secret })) {
      return invalid(ctx.provider, 'secret_format', `${ctx.what} does not verify with the key as given, but ${v.reason}`, base);
    }
  }
  for (const v of [...(ctx.bodyVariants ?? []), ...bodyVariants(ctx.body)]) {
    if (ctx.verifies({ body: v.body, secret: ctx.secret })) {
      return invalid(
        ctx.provider,
        'body_reserialized',
        `body was modified after signing: the ${ctx.what} verifies over the body ${v.label}, so the captured bytes are not the bytes the sender signed`,
        { ...base, hints: ['verify the raw request bytes; do not parse and re-encode the body before checking the signature'] },
      );
    }
  }
  return invalid(
    ctx.provider,
    'signature_mismatch',
    `${ctx.what} ${abbreviate(ctx.received)} does not verify with this public key: the key is not ${ctx.keySource}, or the body or timestamp changed after signing`,
    base,
  );
}
