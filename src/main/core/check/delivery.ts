/*
 * A delivery the check sends: method, header rows without the signature (it is written fresh for
 * every probe), and the body bytes. Probes derive their deliveries from one source delivery (a
 * capture, a catalog event, or the profile's sample) by setting fields: a fresh event id, another
 * event type, a padding field. Setting a JSON field re-serialises the body; that is fine because
 * every probe signs what it sends.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { CaptureRecord, HeaderPair } from '../../../shared/capture';
import { HooklensError } from '../../../shared/errors';
import { isHopByHop } from '../../../shared/replay/outgoing-headers';
import type { FieldLocation, ProviderProfile } from '../signatures/profile';
import type { Provider } from '../signatures/types';

export type BodyFormat = 'json' | 'form' | 'raw';

export interface Delivery {
  method: string;
  headers: HeaderPair[];
  body: Buffer;
  format: BodyFormat;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function describeLocation(loc: FieldLocation | null): string | null {
  if (!loc) return null;
  switch (loc.in) {
    case 'header':
      return `the ${loc.name} header`;
    case 'json':
      return `the body field ${loc.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : p))
        .join('.')
        .replace(/\.\[/g, '[')}`;
    case 'form':
      return `the form field ${loc.name}`;
    default: {
      const never: never = loc;
      return never;
    }
  }
}

export function headerValue(headers: readonly HeaderPair[], name: string): string | undefined {
  const key = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === key)?.[1];
}

/** Replaces every row of `name` with one row (kept at the first one's place), or appends it. */
export function setHeader(headers: readonly HeaderPair[], name: string, value: string): HeaderPair[] {
  const key = name.toLowerCase();
  const out: HeaderPair[] = [];
  let placed = false;
  for (const [n, v] of headers) {
    if (n.toLowerCase() !== key) out.push([n, v]);
    else if (!placed) {
      out.push([n, value]);
      placed = true;
    }
  }
  if (!placed) out.push([name, value]);
  return out;
}

export function withoutHeaders(headers: readonly HeaderPair[], names: readonly string[]): HeaderPair[] {
  const drop = new Set(names.map((n) => n.toLowerCase()));
  return headers.filter(([n]) => !drop.has(n.toLowerCase()));
}

function parseJson(body: Buffer): Json | undefined {
  try {
    return JSON.parse(body.toString('utf8')) as Json;
  } catch {
    return undefined;
  }
}

function jsonAt(value: Json | undefined, path: readonly (string | number)[]): Json | undefined {
  let cur: Json | undefined = value;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur)
      ? typeof key === 'number'
        ? cur[key]
        : undefined
      : (cur as Record<string, Json>)[String(key)];
  }
  return cur;
}

function setJsonAt(root: Json, path: readonly (string | number)[], value: Json): boolean {
  let cur: Json = root;
  for (let i = 0; i < path.length - 1; i++) {
    if (cur === null || typeof cur !== 'object') return false;
    const key = path[i]!;
    const container = cur as Record<string | number, Json>;
    let next = container[key];
    if (next === undefined || next === null || typeof next !== 'object') {
      next = typeof path[i + 1] === 'number' ? [] : {};
      container[key] = next;
    }
    cur = next;
  }
  if (cur === null || typeof cur !== 'object') return false;
  (cur as Record<string | number, Json>)[path[path.length - 1]!] = value;
  return true;
}

export function getField(d: Delivery, loc: FieldLocation): string | number | undefined {
  switch (loc.in) {
    case 'header':
      return headerValue(d.headers, loc.name);
    case 'form':
      return d.format === 'form'
        ? (new URLSearchParams(d.body.toString('utf8')).get(loc.name) ?? undefined)
        : undefined;
    case 'json': {
      const v = d.format === 'json' ? jsonAt(parseJson(d.body), loc.path) : undefined;
      return typeof v === 'string' || typeof v === 'number' ? v : undefined;
    }
    default: {
      const never: never = loc;
      return never;
    }
  }
}

/** The delivery with one field set, or undefined when the body has no place for it (not JSON, not a form). */
export function setField(d: Delivery, loc: FieldLocation, value: string | number): Delivery | undefined {
  switch (loc.in) {
    case 'header':
      return { ...d, headers: setHeader(d.headers, loc.name, String(value)) };
    case 'form': {
      if (d.format !== 'form') return undefined;
      const params = new URLSearchParams(d.body.toString('utf8'));
      params.set(loc.name, String(value));
      return { ...d, body: Buffer.from(params.toString(), 'utf8') };
    }
    case 'json': {
      const root = d.format === 'json' ? parseJson(d.body) : undefined;
      if (root === undefined || root === null || typeof root !== 'object') return undefined;
      if (!setJsonAt(root, loc.path, value)) return undefined;
      return { ...d, body: Buffer.from(JSON.stringify(root), 'utf8') };
    }
    default: {
      const never: never = loc;
      return never;
    }
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
let counter = 0;

/** A new id shaped like `previous` (same prefix, UUID stays UUID, numbers stay numbers), unique per call. */
export function freshId(previous: string | number | undefined): string | number {
  counter = (counter + 1) % 1_000_000;
  if (typeof previous === 'number') {
    // Millisecond timestamps (Zoom's event_ts) stay plausible times; small counters stay small-ish.
    return previous > 1e12 ? Date.now() * 1000 + counter : Math.floor(Math.random() * 1e9) * 1000 + counter;
  }
  if (previous && UUID.test(previous)) return randomUUID();
  const prefix = previous ? (/^[A-Za-z]+_/.exec(previous)?.[0] ?? '') : '';
  return `${prefix}hooklens${randomBytes(8).toString('hex')}${counter}`;
}

/** The delivery with a new idempotency key, so probes never trip over each other's ids. */
export function withFreshId(d: Delivery, profile: ProviderProfile): Delivery {
  if (!profile.eventId) return d;
  return setField(d, profile.eventId, freshId(getField(d, profile.eventId))) ?? d;
}

function formatOf(headers: readonly HeaderPair[], body: Buffer): BodyFormat {
  const type = (headerValue(headers, 'content-type') ?? '').toLowerCase();
  if (type.includes('application/x-www-form-urlencoded')) return 'form';
  const root = parseJson(body);
  return root !== undefined && root !== null && typeof root === 'object' ? 'json' : 'raw';
}

/** Headers a client recomputes, that belonged to the provider's connection, or that carry the old signature. */
function reusableHeaders(headers: readonly HeaderPair[], provider: Provider): HeaderPair[] {
  const connectionTokens = new Set(
    headers
      .filter(([n]) => n.toLowerCase() === 'connection')
      .flatMap(([, v]) => v.split(',').map((t) => t.trim().toLowerCase())),
  );
  const signature = new Set(provider.signatureHeaders.map((n) => n.toLowerCase()));
  return headers.filter(([name]) => {
    const key = name.toLowerCase();
    return !/^(host|content-length)$/.test(key) && !isHopByHop(name, connectionTokens) && !signature.has(key);
  });
}

/** A capture (or an imported request of the same shape) as the source of the probes. */
export function deliveryFromCapture(
  record: Pick<CaptureRecord, 'method' | 'headers'> & { body: { encoding: 'utf8' | 'base64'; text: string } },
  provider: Provider,
): Delivery {
  const body = Buffer.from(record.body.text, record.body.encoding === 'base64' ? 'base64' : 'utf8');
  const headers = reusableHeaders(record.headers, provider);
  return { method: record.method.toUpperCase(), headers, body, format: formatOf(headers, body) };
}

/** A delivery from an event body (the profile's sample or a catalog event), with the profile's real headers. */
export function deliveryFromEvent(
  profile: ProviderProfile,
  type: string,
  body: unknown,
  extraHeaders: HeaderPair[] = [],
): Delivery {
  let bytes: Buffer;
  if (profile.bodyFormat === 'form') {
    if (!body || typeof body !== 'object')
      throw new HooklensError(
        'invalid_argument',
        `${profile.name} events are form fields; the event body is not an object.`,
      );
    bytes = Buffer.from(
      new URLSearchParams(
        Object.entries(body as Record<string, unknown>).map(([k, v]): [string, string] => [k, String(v)]),
      ).toString(),
      'utf8',
    );
  } else bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  let d: Delivery = {
    method: 'POST',
    headers: [['Content-Type', profile.contentType], ...profile.deliveryHeaders, ...extraHeaders],
    body: bytes,
    format: profile.bodyFormat === 'form' ? 'form' : formatOf([], bytes),
  };
  if (profile.eventType) d = setField(d, profile.eventType, type) ?? d;
  return withFreshId(d, profile);
}

/**
 * The body changed after signing, in a way a parser still accepts: one extra JSON member or form
 * field. A naive handler parses it and carries on, which is exactly what the probe must expose.
 */
export function tamperedBody(d: Delivery): Buffer {
  const text = d.body.toString('utf8');
  if (d.format === 'form') return Buffer.from(`${text}${text ? '&' : ''}hooklens_forged=1`, 'utf8');
  if (d.format === 'json') {
    const at = text.indexOf('{');
    if (at >= 0) {
      const empty = /^\{\s*\}/.test(text.slice(at));
      return Buffer.from(
        `${text.slice(0, at + 1)}"hooklens_forged":true${empty ? '' : ','}${text.slice(at + 1)}`,
        'utf8',
      );
    }
  }
  return Buffer.concat([d.body, Buffer.from(' ')]);
}

/** The delivery padded to about `bytes` with a filler field, or undefined when the body has no place for one. */
export function padded(d: Delivery, bytes: number): Delivery | undefined {
  const missing = bytes - d.body.length;
  if (missing <= 0) return d;
  if (d.format === 'form')
    return setField(d, { in: 'form', name: 'hooklens_padding' }, 'x'.repeat(Math.max(0, missing - 20)));
  if (d.format !== 'json') return undefined;
  const root = parseJson(d.body);
  const path: (string | number)[] = Array.isArray(root) ? [0, 'hooklens_padding'] : ['hooklens_padding'];
  return setField(d, { in: 'json', path }, 'x'.repeat(Math.max(0, missing - 24)));
}
