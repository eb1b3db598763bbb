/*
 * Classification on arrival: provider, event, sender's id and signature verdict of one capture.
 * It runs on the capture path (before the store write), so it looks at headers first and touches
 * the body only when it must: to read an event type the provider keeps there (parsed once, and
 * only below PARSE_LIMIT) and to verify a signature when a secret is stored for it.
 */
import { headerValue, type CaptureRecord } from '../../../shared/capture';
import type { CaptureHealth } from '../../../shared/health';
import { bodyBuffer } from '../body-buffer';
import { captureUrl } from '../signatures/handlers';
import { withoutDiagnosis } from '../signatures/mismatch';
import { detectByShape } from '../signatures/detect-by-shape';
import type { Provider, SignedRequest } from '../signatures/types';
import { extractEvent, providerFromHints, type EventSource } from './event-extract';

/** Bodies above this are not parsed for an event type: the capture path must stay cheap. */
export const PARSE_LIMIT = 1024 * 1024;

export type SecretLookup = (endpointId: string, providerId: string) => string | undefined;

/** The capture as event-extract.ts reads it; the body is parsed at most once, and only when asked. */
class RecordEventSource implements EventSource {
  private parsed: { value: unknown } | undefined;
  private fields: { value: URLSearchParams | undefined } | undefined;

  constructor(private readonly record: CaptureRecord) {}

  private text(): string | undefined {
    const { body } = this.record;
    return body.encoding === 'utf8' && body.size > 0 && body.size <= PARSE_LIMIT ? body.text : undefined;
  }

  header(name: string): string | undefined {
    const v = headerValue(this.record.headers, name);
    return v === undefined || v === '' ? undefined : v;
  }

  json(): unknown {
    if (!this.parsed) {
      this.parsed = { value: undefined };
      const body = this.text();
      const first = body === undefined ? undefined : body.charCodeAt(0) > 32 ? body[0] : body.trimStart()[0];
      if (body && (first === '{' || first === '[')) {
        try {
          this.parsed.value = JSON.parse(body);
        } catch {
          // Not JSON after all: no event in it.
        }
      }
    }
    return this.parsed.value;
  }

  form(): URLSearchParams | undefined {
    if (!this.fields) {
      const body = this.text();
      const contentType = (headerValue(this.record.headers, 'content-type') ?? '').toLowerCase();
      this.fields = {
        value:
          body && contentType.includes('application/x-www-form-urlencoded') ? new URLSearchParams(body) : undefined,
      };
    }
    return this.fields.value;
  }
}

/** The verdict part alone: what changes when a secret is stored, changed or removed. */
export function verdictFor(
  record: CaptureRecord,
  provider: Provider | undefined,
  secrets: SecretLookup,
): Pick<CaptureHealth, 'verdict' | 'reason'> {
  if (!provider) return { verdict: 'unsigned' };
  const secret = secrets(record.endpointId, provider.id);
  if (secret === undefined) return { verdict: 'no-secret' };
  const url = captureUrl(record);
  const receivedAt = Math.floor(Date.parse(record.receivedAt) / 1000);
  try {
    const req: SignedRequest = { method: record.method, url, headers: record.headers, body: bodyBuffer(record.body) };
    // Judged at the moment it arrived, as the Signature tab does: a stale capture stays "valid".
    // Why a signature fails is the Signature tab's job; here a verdict costs one check.
    const result = withoutDiagnosis(() =>
      provider.verify(req, {
        secret,
        ...(Number.isFinite(receivedAt) ? { now: receivedAt } : {}),
        ...(url ? { url } : {}),
      }),
    );
    return result.valid ? { verdict: 'valid' } : { verdict: 'invalid', reason: result.reason };
  } catch (err) {
    return { verdict: 'invalid', reason: `the check failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** The provider whose signature headers the request carries (the best of the shared detection). */
export function signingProvider(record: CaptureRecord): Provider | undefined {
  return detectByShape(record.method, record.headers)[0];
}

/*
 * A sender uses a handful of event types, each kept with every capture it sends: the summaries of
 * one type share one string instead of each holding the copy its body's parse made.
 */
const EVENT_TYPE_LIMIT = 1024;
const eventTypes = new Map<string, string>();

function sharedEventType(type: string): string {
  const known = eventTypes.get(type);
  if (known !== undefined) return known;
  if (eventTypes.size >= EVENT_TYPE_LIMIT) eventTypes.clear();
  eventTypes.set(type, type);
  return type;
}

export function classifyCapture(record: CaptureRecord, secrets: SecretLookup): CaptureHealth {
  const provider = signingProvider(record);
  const src = new RecordEventSource(record);
  const providerId = provider?.id ?? providerFromHints(src);
  const { verdict, reason } = verdictFor(record, provider, secrets);
  // Built in place (no spreads): this runs for every capture.
  const out: CaptureHealth = providerId ? { provider: providerId, verdict } : { verdict };
  if (reason !== undefined) out.reason = reason;
  if (providerId) {
    const { eventType, eventId } = extractEvent(providerId, src);
    if (eventType) out.eventType = sharedEventType(eventType.slice(0, 200));
    if (eventId) out.eventId = eventId.slice(0, 200);
  }
  return out;
}
