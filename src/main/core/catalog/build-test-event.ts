/*
 * Turns one catalog entry into the request its provider would send: fresh ids and timestamps,
 * the provider's own headers, the body serialised once and signed over those exact bytes with the
 * signature provider's `sign` (the same code that verifies captures).
 */
import type { HeaderPair } from '../../../shared/capture';
import { HooklensError } from '../../../shared/errors';
import { getProvider } from '../signatures/registry';
import { CATALOG } from './catalog-list';
import { idTools } from './random-ids';
import { applyOverrides, isFormFields, type Override } from './set-path';
import type { CatalogEventSpec, CatalogProviderSpec, EventContext, LifecycleStage } from './types';

export interface TestEventInput {
  /** Catalog provider id (`hooklens events` lists them). */
  provider: string;
  /** Event type as the provider names it. */
  event: string;
  /** Signing secret; absent or empty: a fresh one in the provider's format, returned as `secret`. */
  secret?: string;
  /** The full URL the event is sent to (Twilio, Square and HubSpot sign it). */
  url?: string;
  /** `[path, value]` edits of the generated body (see ./set-path.ts). */
  overrides?: Override[];
  /** Replaces the generated body with this text, signed byte for byte (an edited body). */
  body?: string;
  /** The object id of an earlier event of the same lifecycle, to make this one about the same object. */
  objectId?: string;
  /** Send time, unix milliseconds or a Date; defaults to now. */
  now?: number | Date;
}

export interface TestEvent {
  provider: string;
  event: string;
  /** Signature provider that signed it (its id in the signature registry). */
  signer: string;
  method: 'POST';
  url: string;
  /** Path and query of `url`. */
  path: string;
  headers: HeaderPair[];
  body: Buffer;
  eventId: string;
  /** Present for events that belong to a lifecycle; pass it back to send a related event. */
  objectId?: string;
  object?: { kind: string; stage: LifecycleStage };
  secret: string;
  secretGenerated: boolean;
}

export const DEFAULT_TARGET = 'http://localhost:3000/webhooks';

export function findCatalogProvider(id: string): CatalogProviderSpec {
  const spec = CATALOG.find((p) => p.id === id.toLowerCase());
  if (!spec)
    throw new HooklensError(
      'unknown_provider',
      `No test events for provider "${id}". Known: ${CATALOG.map((p) => p.id).join(', ')}`,
    );
  return spec;
}

export function findCatalogEvent(spec: CatalogProviderSpec, type: string): CatalogEventSpec {
  const event = spec.events.find((e) => e.type === type);
  if (!event)
    throw new HooklensError(
      'invalid_argument',
      `${spec.name} has no test event "${type}". Known: ${spec.events.map((e) => e.type).join(', ')}`,
    );
  return event;
}

function context(spec: CatalogProviderSpec, event: CatalogEventSpec, input: TestEventInput, url: string): EventContext {
  const now = input.now instanceof Date ? input.now : new Date(input.now ?? Date.now());
  if (Number.isNaN(now.getTime())) throw new HooklensError('invalid_argument', 'now is not a valid time');
  const kind = event.object?.kind ?? event.type;
  return {
    ...idTools,
    now,
    nowMs: now.getTime(),
    nowSec: Math.floor(now.getTime() / 1000),
    iso: now.toISOString(),
    isoAt: (seconds) => new Date(now.getTime() + seconds * 1000).toISOString(),
    eventId: spec.newEventId(idTools),
    objectId: input.objectId && input.objectId.length > 0 ? input.objectId : spec.newObjectId(kind, idTools),
    url,
  };
}

function serialise(body: unknown, indent: number | undefined): string {
  return isFormFields(body) ? new URLSearchParams(body.form).toString() : JSON.stringify(body, null, indent);
}

function targetUrl(input: TestEventInput, spec: CatalogProviderSpec): URL {
  const raw = input.url && input.url.length > 0 ? input.url : `${DEFAULT_TARGET}/${spec.id}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new HooklensError('invalid_argument', `"${raw}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new HooklensError('invalid_argument', `"${raw}" is not an http(s) URL`);
  return url;
}

export function buildTestEvent(input: TestEventInput): TestEvent {
  const spec = findCatalogProvider(input.provider);
  const event = findCatalogEvent(spec, input.event);
  const signer = getProvider(spec.signer);
  if (!signer?.sign) throw new HooklensError('internal', `signature provider ${spec.signer} cannot sign`);
  const url = targetUrl(input, spec);
  const ctx = context(spec, event, input, url.href);
  const text = input.body ?? serialise(applyOverrides(event.body(ctx), input.overrides ?? []), spec.indent);
  const body = Buffer.from(text, 'utf8');
  const generated = !input.secret;
  const secret = input.secret || spec.newSecret();
  const headers = [...spec.headers(ctx, event), ...(event.headers?.(ctx) ?? [])];
  const signed = signer.sign({
    secret,
    body,
    timestamp: ctx.nowSec,
    id: ctx.eventId,
    url: url.href,
    method: 'POST',
    headers,
  });
  return {
    provider: spec.id,
    event: event.type,
    signer: signer.id,
    method: 'POST',
    url: url.href,
    path: url.pathname + url.search,
    headers: [...headers, ...(spec.signatureHeaders ? spec.signatureHeaders(signed) : signed)],
    body,
    eventId: ctx.eventId,
    ...(event.object ? { objectId: ctx.objectId, object: event.object } : {}),
    secret,
    secretGenerated: generated,
  };
}
