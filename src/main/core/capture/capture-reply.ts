/*
 * The answers the capture listener writes itself: the default `{"ok":true,"id":…}`, short JSON
 * errors, and the header list of a configured reply with the framing headers taken out.
 */
import type { ServerResponse } from 'node:http';
import type { Refusal } from './listener-guard';
import type { CaptureReply } from './listener-options';

export function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

const DEFAULT_REPLY_HEADERS: [string, string][] = [['Content-Type', 'application/json; charset=utf-8']];

export function defaultReply(id: string): CaptureReply {
  // Ids are base36 and hex characters only (capture-id.ts): nothing to escape, no JSON.stringify per request.
  return { status: 200, headers: DEFAULT_REPLY_HEADERS, body: `{"ok":true,"id":"${id}"}` };
}

export function tooLarge(limit: number): Refusal {
  return {
    status: 413,
    error: 'payload_too_large',
    message: `Body larger than the ${limit}-byte limit; not captured.`,
  };
}

/** The default reply's header list, for the last body length seen (ids have one length). Node does not modify it. */
let defaultList: { length: number; flat: string[] } | null = null;

/** A configured reply must not break HTTP framing: the listener sets the length itself. */
export function replyHeaderList(headers: readonly [string, string][], length: number): string[] {
  if (headers === DEFAULT_REPLY_HEADERS) {
    if (defaultList?.length !== length) defaultList = { length, flat: replyHeaderList([...headers], length) };
    return defaultList.flat;
  }
  const flat: string[] = [];
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (lower !== 'content-length' && lower !== 'transfer-encoding') flat.push(name, value);
  }
  flat.push('Content-Length', String(length));
  return flat;
}
