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
import { detectProviders } from '../signatures/registry';
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
      const first = body?.trimStart()[0];
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

/**
 * A header value with what changes per delivery taken out: long token runs (digests, ids, JWS parts)
 * become their length, whole numbers become 0. What providers' detection reads (a `sha1=` prefix, a
 * digest's length, the dots of a JWS, a User-Agent, Basic vs Bearer) is kept. classify.test.ts
 * checks that remembered answers match a fresh detection for every signing provider.
 */
export function headerValueShape(value: string): string {
  return value
    .slice(0, 256)
    .trim()
    .replace(/\b\d+\b/g, '0')
    .replace(/[A-Za-z0-9+/=_-]{16,}/g, (run) => `#${run.length}`)
    .toLowerCase();
}

const DETECT_CACHE_LIMIT = 512;
const detected = new Map<string, Provider | null>();
/** Shapes of recent header values: most (Host, Content-Type, User-Agent…) are the same every time. */
const SHAPE_CACHE_LIMIT = 4096;
const shapes = new Map<string, string>();

function shapeOf(value: string): string {
  // Long values (tokens, signatures) differ every time and would only fill the cache.
  if (value.length > 256) return headerValueShape(value);
  let shape = shapes.get(value);
  if (shape === undefined) {
    shape = headerValueShape(value);
    if (shapes.size >= SHAPE_CACHE_LIMIT) shapes.clear();
    shapes.set(value, shape);
  }
  return shape;
}

/**
 * The provider whose signature headers the request carries. Detection asks every provider about
 * every request, most of the cost of classifying; one sender sends the same headers, shaped alike,
 * each time, so the answer is remembered per shape of the header list.
 */
export function signingProvider(record: CaptureRecord): Provider | undefined {
  let key = '';
  for (const [name, value] of record.headers) key += `${name.toLowerCase()}:${shapeOf(value)}\n`;
  const known = detected.get(key);
  if (known !== undefined) return known ?? undefined;
  const provider = detectProviders({ method: record.method, headers: record.headers, body: Buffer.alloc(0) })[0];
  if (detected.size >= DETECT_CACHE_LIMIT) detected.clear();
  detected.set(key, provider ?? null);
  return provider;
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
    if (eventType) out.eventType = eventType.slice(0, 200);
    if (eventId) out.eventId = eventId.slice(0, 200);
  }
  return out;
}
