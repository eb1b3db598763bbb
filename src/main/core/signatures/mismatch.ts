/*
 * Explains a signature mismatch. Every provider calls `explainMismatch` (mostly through
 * `checkSignature`) once its computed signature differs from the received one, or its public key
 * does not verify the received one; it re-runs the provider's own check over other readings
 * of the secret (stray whitespace, whsec_ prefix, base64…) and other encodings of the body
 * (compact/pretty JSON, sorted keys, Python and PHP encoders, trailing newline, CRLF). A match
 * turns the verdict into `secret_format` or `body_reserialized` with the exact cause; otherwise the
 * verdict stays `signature_mismatch`, with hints only from evidence (an empty body, a signature of
 * another length), never from how the body looks.
 *
 * Re-serialisation can only ever be guessed: JSON.parse drops duplicate keys and big-number
 * precision, and the original key order is lost once a proxy reordered it. A hit is conclusive,
 * a miss is not.
 */
import { abbreviate, invalid } from './crypto-helpers';
import type { VerifyResult } from './types';

export interface SecretVariant {
  secret: string;
  /** Full sentence saying what was wrong with the given secret, e.g. "the secret needs its whsec_ prefix". */
  reason: string;
}

export interface MismatchContext {
  provider: string;
  body: Buffer;
  secret: string;
  /**
   * Our signature. Absent for public-key schemes (Discord, SendGrid): only the sender holds the
   * private key, so there is nothing to show, and the wording speaks of verifying instead.
   */
  expected?: string;
  received: string;
  /** Recomputes (or verifies) the provider's signature over this body with this secret; true when it equals the received one. */
  matches(candidate: { body: Buffer; secret: string }): boolean;
  /** What was compared, for the reason text: "v1 signature", "X-Hub-Signature-256"…; defaults to "signature". */
  what?: string;
  /** Provider-specific readings of the secret, tried before the generic ones. */
  secretVariants?: SecretVariant[];
  /** Provider-specific readings of the body (SendGrid's trailing CRLF…), tried before the generic ones. */
  bodyVariants?: BodyVariant[];
  /** Public-key schemes: where the right key lives, for the reason text. */
  keySource?: string;
  /** Copied into the verdict (skewSec…). */
  extra?: Partial<VerifyResult>;
}

// Re-encoding diagnosis runs on the core's event loop; past this size a miss is reported without it.
const MAX_JSON_VARIANT_BYTES = 512 * 1024;

let diagnose = true;

/**
 * Runs a verification without the re-reading of secret and body on a mismatch (the verdict is
 * then `signature_mismatch` without a cause). For the capture path, which verifies every arrival:
 * a flood of forged requests must cost one HMAC each, not a dozen. Verification is synchronous,
 * so the flag cannot leak into another check.
 */
export function withoutDiagnosis<T>(run: () => T): T {
  const previous = diagnose;
  diagnose = false;
  try {
    return run();
  } finally {
    diagnose = previous;
  }
}

export function explainMismatch(ctx: MismatchContext): VerifyResult {
  const what = ctx.what ?? 'signature';
  const words = ctx.expected === undefined ? keyWording(ctx, what) : hmacWording(ctx, what, ctx.expected);
  const base = {
    ...(ctx.expected === undefined ? {} : { expected: ctx.expected }),
    received: ctx.received,
    ...ctx.extra,
  };
  if (!diagnose) return invalid(ctx.provider, 'signature_mismatch', words.mismatch, base);

  for (const v of [...(ctx.secretVariants ?? []), ...genericSecretVariants(ctx.secret)]) {
    if (v.secret !== ctx.secret && ctx.matches({ body: ctx.body, secret: v.secret })) {
      return invalid(ctx.provider, 'secret_format', `${words.notAsGiven}, but ${v.reason}`, base);
    }
  }

  for (const v of [...(ctx.bodyVariants ?? []), ...bodyVariants(ctx.body)]) {
    if (ctx.matches({ body: v.body, secret: ctx.secret })) {
      return invalid(
        ctx.provider,
        'body_reserialized',
        `body was modified after signing: the ${what} ${words.overBody} ${v.label}, so the captured bytes are not the bytes the sender signed`,
        {
          ...base,
          hints: ['verify the raw request bytes; do not parse and re-encode the body before checking the signature'],
        },
      );
    }
  }

  const hints = ctx.expected === undefined ? [] : mismatchHints(ctx, ctx.expected);
  return invalid(ctx.provider, 'signature_mismatch', words.mismatch, { ...base, ...(hints.length ? { hints } : {}) });
}

interface Wording {
  notAsGiven: string;
  overBody: string;
  mismatch: string;
}

function hmacWording(ctx: MismatchContext, what: string, expected: string): Wording {
  return {
    notAsGiven: `${what} does not match as given`,
    overBody: 'matches the body',
    mismatch: `${what} does not match: expected ${abbreviate(expected)}, received ${abbreviate(ctx.received)} (wrong secret, or the body changed after signing)`,
  };
}

function keyWording(ctx: MismatchContext, what: string): Wording {
  return {
    notAsGiven: `${what} does not verify with the key as given`,
    overBody: 'verifies over the body',
    mismatch: `${what} ${abbreviate(ctx.received)} does not verify with this public key: the key is not ${ctx.keySource ?? "the sender's public key"}, or the body or timestamp changed after signing`,
  };
}

/** Adds hints to a verdict, leaving it as it was when there are none to add. */
export function withHints(result: VerifyResult, hints: readonly string[]): VerifyResult {
  return hints.length ? { ...result, hints: [...(result.hints ?? []), ...hints] } : result;
}

/** Readings of a pasted secret that copy-paste commonly gets wrong. */
export function genericSecretVariants(secret: string): SecretVariant[] {
  const out: SecretVariant[] = [];
  const trimmed = secret.trim();
  if (trimmed !== secret)
    out.push({ secret: trimmed, reason: 'it matches once the whitespace around the secret is removed' });
  const unquoted = trimmed.replace(/^(["'])(.*)\1$/s, '$2');
  if (unquoted !== trimmed)
    out.push({ secret: unquoted, reason: 'it matches once the quotes around the secret are removed' });
  if (unquoted.startsWith('whsec_')) {
    out.push({
      secret: unquoted.slice('whsec_'.length),
      reason: 'it matches without the whsec_ prefix: paste the secret without it',
    });
  } else {
    out.push({
      secret: `whsec_${unquoted}`,
      reason: 'it matches with a whsec_ prefix: the secret is the full "whsec_…" string',
    });
  }
  return out;
}

export interface BodyVariant {
  label: string;
  body: Buffer;
}

/** Other encodings of the same content, each different from the captured bytes. */
export function bodyVariants(body: Buffer): BodyVariant[] {
  const text = body.toString('utf8');
  const candidates: BodyVariant[] = [];
  const add = (label: string, s: string): void => {
    candidates.push({ label, body: Buffer.from(s, 'utf8') });
  };

  if (/\r?\n$/.test(text)) add('without its trailing newline', text.replace(/\r?\n$/, ''));
  else if (text.length > 0) add('with a trailing newline', `${text}\n`);
  if (text.includes('\r\n')) add('with CRLF line ends turned into LF', text.replace(/\r\n/g, '\n'));

  const parsed = body.length <= MAX_JSON_VARIANT_BYTES ? parseJsonContainer(text) : undefined;
  if (parsed !== undefined) {
    // Built from JSON.stringify output and string-aware rewrites: a hand-written encoder was ~100x slower.
    const compact = JSON.stringify(parsed);
    const ascii = escapeNonAscii(compact);
    add('re-encoded as compact JSON', compact);
    add('re-encoded as compact JSON with sorted keys (key order differs)', JSON.stringify(parsed, sortKeys));
    add('re-encoded as pretty-printed JSON (2 spaces)', JSON.stringify(parsed, null, 2));
    add('re-encoded as pretty-printed JSON (4 spaces)', JSON.stringify(parsed, null, 4));
    add('re-encoded as JSON with ", " and ": " separators (Python json.dumps)', spacedSeparators(ascii));
    add('re-encoded as JSON with non-ASCII escaped (\\uXXXX)', ascii);
    // In JSON text a "/" can only sit inside a string, so a global replace is safe.
    add('re-encoded as JSON with escaped slashes (PHP json_encode)', ascii.replace(/\//g, '\\/'));
  }

  return candidates.filter(
    (c, i) => !c.body.equals(body) && !candidates.slice(0, i).some((d) => d.body.equals(c.body)),
  );
}

function mismatchHints(ctx: MismatchContext, expected: string): string[] {
  // No hint from the body's shape: senders differ (Stripe signs pretty-printed JSON), so a pretty
  // body says nothing by itself. Re-formatting is only named when a re-encoding matches, above.
  const hints: string[] = [];
  if (ctx.body.length === 0)
    hints.push('the captured body is empty; if the sender posted a body, something on the way dropped it');
  if (expected.length !== ctx.received.length) {
    hints.push(
      `the received signature has ${ctx.received.length} characters, ours ${expected.length}: the sender may use another algorithm or encoding (hex vs base64)`,
    );
  }
  if (ctx.secret.length === 0) hints.push('the secret is empty');
  return hints;
}

function parseJsonContainer(text: string): unknown {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]]),
  );
}

/** Non-ASCII characters only occur inside strings in JSON text, so they can be escaped globally. */
function escapeNonAscii(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Python's default separators: ", " and ": " outside strings. */
function spacedSeparators(json: string): string {
  return json.replace(/"(?:[^"\\]|\\.)*"|[,:]/g, (m) => (m === ',' ? ', ' : m === ':' ? ': ' : m));
}
