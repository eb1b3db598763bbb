/*
 * What Hooklens works out about a capture when it arrives: who sent it, which event it is, the
 * sender's own id for it, and whether its signature holds with the secret stored for its endpoint.
 * Kept with the capture summary so the list can show and filter on it without reading bodies.
 *
 * Everything here is read back from disk and the data directory is user-editable: `readHealth`
 * keeps only well-typed fields, so a damaged or older record still loads (without health).
 */

/**
 * - valid / invalid: checked with the secret stored for the endpoint and provider.
 * - no-secret: a provider's signature headers are there, no secret is stored to check them.
 * - unsigned: no known provider's signature headers on the request.
 */
export type SignatureVerdict = 'valid' | 'invalid' | 'no-secret' | 'unsigned';

export const SIGNATURE_VERDICTS: readonly SignatureVerdict[] = ['valid', 'invalid', 'no-secret', 'unsigned'];

export interface CaptureHealth {
  /** Provider id (as in the signature registry) whose headers the request carries. */
  provider?: string;
  /** e.g. "payment_intent.succeeded", "issues.opened", "orders/create". */
  eventType?: string;
  /** The sender's id for this event or delivery (stays the same when it retries or redelivers). */
  eventId?: string;
  verdict: SignatureVerdict;
  /** Why an invalid signature failed, one sentence. */
  reason?: string;
  /** Id of the first capture on the same endpoint with the same provider event id. */
  duplicateOf?: string;
}

const MAX_TEXT = 200;

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v.slice(0, MAX_TEXT) : undefined;
}

export function isVerdict(v: unknown): v is SignatureVerdict {
  return typeof v === 'string' && (SIGNATURE_VERDICTS as readonly string[]).includes(v);
}

/** The well-typed part of a stored health value; undefined when there is none. */
export function readHealth(v: unknown): CaptureHealth | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const r = v as Record<string, unknown>;
  if (!isVerdict(r.verdict)) return undefined;
  const out: CaptureHealth = { verdict: r.verdict };
  const provider = text(r.provider);
  const eventType = text(r.eventType);
  const eventId = text(r.eventId);
  const reason = text(r.reason);
  const duplicateOf = text(r.duplicateOf);
  if (provider) out.provider = provider;
  if (eventType) out.eventType = eventType;
  if (eventId) out.eventId = eventId;
  if (reason) out.reason = reason;
  if (duplicateOf) out.duplicateOf = duplicateOf;
  return out;
}

export function sameHealth(a: CaptureHealth | undefined, b: CaptureHealth | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.verdict === b.verdict &&
    a.provider === b.provider &&
    a.eventType === b.eventType &&
    a.eventId === b.eventId &&
    a.reason === b.reason &&
    a.duplicateOf === b.duplicateOf
  );
}
