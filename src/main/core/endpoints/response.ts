/*
 * Custom answers. Everything here reaches `res.writeHead`, which throws on a bad status or a header
 * with CR/LF, so the input is checked when saved rather than when a webhook arrives.
 */
import type { CaptureReply } from '../capture/listener';
import type { Endpoint, EndpointResponse } from '../../../shared/api/endpoints';
import type { HeaderPair } from '../../../shared/capture';
import { invalidField } from '../../../shared/errors';

export const MAX_DELAY_MS = 60_000;
export const MAX_FAIL_NEXT = 1000;
const MAX_BODY_CHARS = 1024 * 1024;
const TOKEN_RE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// The listener sets the length itself; a user-supplied one would contradict the body.
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection']);

function invalid(field: string, message: string): never {
  throw invalidField(field, message);
}

export function checkResponse(raw: unknown): EndpointResponse | null {
  if (raw === null) return null;
  if (!raw || typeof raw !== 'object') invalid('response', 'Expected an object or null.');
  const r = raw as Partial<EndpointResponse>;
  const status = r.status;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599)
    invalid('response.status', 'Use a status code from 200 to 599.');
  const delayMs = r.delayMs ?? 0;
  if (typeof delayMs !== 'number' || !Number.isInteger(delayMs) || delayMs < 0 || delayMs > MAX_DELAY_MS)
    invalid('response.delayMs', `Use a whole number of milliseconds from 0 to ${MAX_DELAY_MS}.`);
  const body = r.body ?? '';
  if (typeof body !== 'string') invalid('response.body', 'Expected text.');
  if (body.length > MAX_BODY_CHARS) invalid('response.body', 'At most 1 MiB.');
  const headers: HeaderPair[] = [];
  if (!Array.isArray(r.headers ?? [])) invalid('response.headers', 'Expected [name, value] pairs.');
  for (const pair of r.headers ?? []) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string')
      invalid('response.headers', 'Expected [name, value] pairs.');
    const [name, value] = pair;
    if (!TOKEN_RE.test(name)) invalid('response.headers', `"${name}" is not a valid header name.`);
    // Header values must be visible ASCII/Latin-1 text without line breaks (RFC 9110 field-value).
    if (/[\r\n\0]/.test(value) || /[^\t\x20-\x7e\x80-\xff]/.test(value))
      invalid('response.headers', `The value of "${name}" has characters a header cannot carry.`);
    if (FRAMING_HEADERS.has(name.toLowerCase())) continue;
    headers.push([name, value]);
  }
  return { status, headers, body, delayMs };
}

export function checkFailNext(raw: unknown): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > MAX_FAIL_NEXT)
    invalid('failNext', `Use a whole number from 0 to ${MAX_FAIL_NEXT}.`);
  return raw;
}

export function failureReply(id: string, remaining: number): CaptureReply {
  return {
    status: 500,
    headers: [['Content-Type', 'application/json; charset=utf-8']],
    body: JSON.stringify({ ok: false, error: 'simulated_failure', id, remaining }),
    simulated: true,
  };
}

export function customReply(response: EndpointResponse, id: string): CaptureReply {
  return {
    status: response.status,
    headers: response.headers,
    body: response.body.replaceAll('{{id}}', id),
    delayMs: response.delayMs,
  };
}

/** The answer for one capture; mutates nothing (the caller counts down `failNext`). */
export function replyFor(endpoint: Pick<Endpoint, 'response' | 'failNext'>, id: string): CaptureReply | undefined {
  if (endpoint.failNext > 0) return failureReply(id, endpoint.failNext - 1);
  return endpoint.response ? customReply(endpoint.response, id) : undefined;
}
