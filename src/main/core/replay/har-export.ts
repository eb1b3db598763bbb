/*
 * HAR 1.2 export (http://www.softwareishard.com/blog/har-12-spec/). A capture becomes an entry whose
 * request is what the provider sent and whose response is the status the capture listener gave; a
 * replay becomes an entry with the request as sent and the target's answer (status 0 and an
 * `_error` field, as browsers write, when the connection failed). HAR has no encoding field for
 * request bodies, so binary ones carry base64 text and the custom `_encoding: "base64"`, mirroring
 * `content.encoding` on responses.
 */
import { decodeBodyLenient } from '../../../shared/body-codec';
import type { CaptureRecord, HeaderPair } from '../../../shared/capture';
import { headerValue } from '../../../shared/capture';
import type { ReplayBody, ReplayHistoryEntry } from '../../../shared/replay/types';

interface HarNameValue {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    queryString: HarNameValue[];
    postData?: { mimeType: string; text: string; params?: HarNameValue[]; _encoding?: 'base64' };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    content: { size: number; mimeType: string; text?: string; encoding?: 'base64' };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
    _error?: string;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  comment?: string;
  _hooklens: { kind: 'capture' | 'replay'; captureId: string | null; replayId?: string };
}

export interface HarLog {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarEntry[];
  };
}

const nameValues = (headers: readonly HeaderPair[]): HarNameValue[] =>
  headers.map(([name, value]) => ({ name, value }));

function queryString(url: string): HarNameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function cookies(headers: readonly HeaderPair[]): HarNameValue[] {
  const header = headerValue(headers, 'cookie');
  if (!header) return [];
  return header
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? { name: part, value: '' } : { name: part.slice(0, eq), value: part.slice(eq + 1) };
    });
}

function postData(headers: readonly HeaderPair[], body: ReplayBody, size: number): HarEntry['request']['postData'] {
  if (size === 0) return undefined;
  const mimeType = headerValue(headers, 'content-type') ?? '';
  return body.encoding === 'base64'
    ? { mimeType, text: body.text, _encoding: 'base64' }
    : { mimeType, text: body.text };
}

/** The URL the provider called, from the Host header (https when it came through the tunnel). */
function captureAbsoluteUrl(record: CaptureRecord): string {
  const host = headerValue(record.headers, 'x-forwarded-host') ?? headerValue(record.headers, 'host') ?? 'localhost';
  const proto =
    headerValue(record.headers, 'x-forwarded-proto')?.split(',')[0]?.trim() ??
    (record.via === 'tunnel' ? 'https' : 'http');
  const path = record.url.startsWith('/') ? record.url : `/${record.url}`;
  try {
    return new URL(`${proto === 'https' ? 'https' : 'http'}://${host.split(',')[0].trim()}${path}`).href;
  } catch {
    return `http://localhost${path}`;
  }
}

export function captureToHar(record: CaptureRecord): HarEntry {
  const url = captureAbsoluteUrl(record);
  return {
    startedDateTime: new Date(record.receivedAt).toISOString(),
    time: record.response.ms,
    request: {
      method: record.method,
      url,
      httpVersion: `HTTP/${record.httpVersion}`,
      cookies: cookies(record.headers),
      headers: nameValues(record.headers),
      queryString: queryString(url),
      ...(record.body.size > 0 ? { postData: postData(record.headers, record.body, record.body.size) } : {}),
      headersSize: -1,
      bodySize: record.body.size,
    },
    response: {
      status: record.response.status,
      statusText: '',
      httpVersion: `HTTP/${record.httpVersion}`,
      cookies: [],
      headers: [],
      content: { size: 0, mimeType: '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: 0,
    },
    cache: {},
    timings: { send: 0, wait: record.response.ms, receive: 0 },
    comment: `Captured by Hooklens (${record.via}); the response is the capture listener's answer.`,
    _hooklens: { kind: 'capture', captureId: record.id },
  };
}

export function replayToHar(entry: ReplayHistoryEntry): HarEntry {
  const req = entry.request;
  const size = decodeBodyLenient(req.body).length;
  const outcome = entry.outcome;
  const response: HarEntry['response'] =
    outcome.kind === 'response'
      ? {
          status: outcome.response.status,
          statusText: outcome.response.statusText,
          httpVersion: `HTTP/${outcome.response.httpVersion}`,
          cookies: [],
          headers: nameValues(outcome.response.headers),
          content: {
            size: outcome.response.body.size,
            mimeType: headerValue(outcome.response.headers, 'content-type') ?? '',
            text: outcome.response.body.text,
            ...(outcome.response.body.encoding === 'base64' ? { encoding: 'base64' as const } : {}),
          },
          redirectURL: outcome.response.redirectTo ?? '',
          headersSize: -1,
          bodySize: outcome.response.body.size,
        }
      : {
          status: 0,
          statusText: '',
          httpVersion: 'HTTP/1.1',
          cookies: [],
          headers: [],
          content: { size: 0, mimeType: '' },
          redirectURL: '',
          headersSize: -1,
          bodySize: -1,
          _error: outcome.error.message,
        };
  return {
    startedDateTime: new Date(entry.sentAt).toISOString(),
    time: entry.ms,
    request: {
      method: req.method,
      url: req.url,
      httpVersion: 'HTTP/1.1',
      cookies: cookies(req.headers),
      headers: nameValues(req.headers),
      queryString: queryString(req.url),
      ...(size > 0 ? { postData: postData(req.headers, req.body, size) } : {}),
      headersSize: -1,
      bodySize: size,
    },
    response,
    cache: {},
    timings: { send: 0, wait: entry.ms, receive: 0 },
    comment: `Hooklens ${entry.source}${entry.resignedWith ? `, re-signed (${entry.resignedWith})` : ''}`,
    _hooklens: { kind: 'replay', captureId: entry.captureId, replayId: entry.id },
  };
}

export function buildHar(entries: HarEntry[], version: string): HarLog {
  const sorted = [...entries].sort((a, b) => a.startedDateTime.localeCompare(b.startedDateTime));
  return { log: { version: '1.2', creator: { name: 'Hooklens', version }, entries: sorted } };
}
