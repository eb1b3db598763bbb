/*
 * The capture record: what one HTTP request to the capture listener looked like, byte for byte.
 *
 * Signatures are computed over exact bytes, so the body is never re-serialised: it is kept as
 * UTF-8 text when the bytes are valid UTF-8 and as base64 otherwise. Headers are the request's
 * raw header lines as ordered `[name, value]` pairs: original case, original order, repeats kept.
 */

import { readHealth, type CaptureHealth } from './health';

export type HeaderPair = [name: string, value: string];

export type BodyEncoding = 'utf8' | 'base64';

export interface CapturedBody {
  /** Size in bytes of the body as received. */
  size: number;
  encoding: BodyEncoding;
  /** The bytes, as UTF-8 text or base64 according to `encoding`. */
  text: string;
}

export type CaptureVia = 'tunnel' | 'local';

export interface CaptureResponse {
  status: number;
  /** Milliseconds from the request's headers to handing the record to the store (the durable write comes after). */
  ms: number;
  /** The endpoint's configured delay: the sender waited this long (plus the store's write) for the answer. */
  delayMs?: number;
  /** Set when the answer was a simulated failure ("fail the next N"), not what the endpoint normally answers. */
  simulated?: true;
}

/**
 * Set when what is stored is not all that was received: the data file was damaged after the
 * capture was written (a body file cut short, an unreadable journal line). The UI says so.
 */
export interface CaptureDamage {
  /** Shown as is, e.g. "body truncated: 1000 of 80000 bytes". */
  message: string;
  /** What could still be read of a damaged stored line (as text, possibly garbled). */
  readable?: string;
}

export interface CaptureRecord {
  id: string;
  endpointId: string;
  /** ISO 8601, UTC. */
  receivedAt: string;
  method: string;
  /** Path and query exactly as they appeared on the request line. */
  url: string;
  httpVersion: string;
  headers: HeaderPair[];
  body: CapturedBody;
  remoteAddress: string;
  via: CaptureVia;
  response: CaptureResponse;
  pinned?: boolean;
  /** Worked out on arrival (provider, event, signature verdict); absent in records from older versions. */
  health?: CaptureHealth;
  damaged?: CaptureDamage;
}

/** What the list shows: everything but the headers and the body bytes. */
export interface CaptureSummary {
  id: string;
  endpointId: string;
  receivedAt: string;
  method: string;
  url: string;
  size: number;
  contentType: string | null;
  via: CaptureVia;
  status: number;
  pinned?: boolean;
  health?: CaptureHealth;
  /** The damage message, when the stored capture is not whole. */
  damaged?: string;
  /** The answer was a simulated failure ("fail the next N"). */
  simulated?: true;
}

export const DEFAULT_ENDPOINT_ID = 'default';

export function headerValue(headers: readonly HeaderPair[], name: string): string | undefined {
  const lower = name.toLowerCase();
  for (let i = 0; i < headers.length; i += 1) {
    const n = headers[i][0];
    if (n.length === lower.length && (n === lower || n.toLowerCase() === lower)) return headers[i][1];
  }
  return undefined;
}

export function headerValues(headers: readonly HeaderPair[], name: string): string[] {
  const lower = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
}

export function summarize(record: CaptureRecord): CaptureSummary {
  const health = readHealth(record.health);
  // Assigned in place, in the same key order: the store summarizes every capture it writes.
  const summary: CaptureSummary = {
    id: record.id,
    endpointId: record.endpointId,
    receivedAt: record.receivedAt,
    method: record.method,
    url: record.url,
    size: record.body.size,
    contentType: headerValue(record.headers, 'content-type') ?? null,
    via: record.via,
    status: record.response.status,
  };
  if (record.pinned) summary.pinned = true;
  if (health) summary.health = health;
  if (record.damaged) summary.damaged = record.damaged.message;
  if (record.response.simulated) summary.simulated = true;
  return summary;
}
