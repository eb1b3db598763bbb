/*
 * Sends one request the way a plain HTTP/1.1 client would, on a fresh connection, and reports what
 * happened in words a developer can act on. Connection problems are outcomes, not exceptions: the
 * UI shows them and the history keeps them. Only bad input (a malformed URL, method or header)
 * throws, as `invalid_argument`, before anything is sent. Redirects are reported, never followed.
 */
import http from 'node:http';
import https from 'node:https';
import { isUtf8 } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import type { CapturedBody } from '../../../shared/capture';
import { HooklensError, invalidField } from '../../../shared/errors';
import { headerProblems, methodProblem, outgoingHeaders } from '../../../shared/replay/outgoing-headers';
import { targetUrlProblem } from '../../../shared/replay/target-url';
import { bodyBuffer } from '../body-buffer';
import type { ConnectionError, ReplayOutcome, ReplayRequest } from '../../../shared/replay/types';

export interface SendOptions {
  timeoutMs: number;
  /** Send a Host row present in the request instead of the URL's host (edited and imported requests). */
  keepHost?: boolean;
  /** Bytes of the response body kept; the rest is counted but dropped. */
  maxStoredBodyBytes?: number;
  /** Aborting stops the send; it resolves with a `cancelled` outcome. */
  signal?: AbortSignal;
}

export interface SendResult {
  /** The request as it went on the wire. */
  sent: ReplayRequest;
  outcome: ReplayOutcome;
  ms: number;
}

const DEFAULT_STORED_BODY = 1024 * 1024;

/** Checks a request before sending; throws `invalid_argument` naming the bad field. */
export function validateRequest(request: ReplayRequest): { url: URL; body: Buffer } {
  const urlProblem = targetUrlProblem(request.url);
  if (urlProblem) throw invalidField('url', urlProblem);
  const mp = methodProblem(request.method);
  if (mp) throw invalidField('method', mp);
  const hp = headerProblems(request.headers);
  if (hp.length) throw invalidField('headers', hp.join(' '));
  let body: Buffer;
  try {
    body = bodyBuffer(request.body);
  } catch {
    throw invalidField('body', 'Marked as base64 but is not valid base64.');
  }
  return { url: new URL(request.url.trim()), body };
}

export function formatSeconds(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

function hostPort(url: URL): string {
  return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
}

const TLS_CODE =
  /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_|ERR_OSSL_|HOSTNAME_MISMATCH$)/;

export function describeError(err: unknown, url: URL, timeoutMs: number): ConnectionError {
  const e = err as NodeJS.ErrnoException & { reason?: string };
  const code = e?.code ?? '';
  const message = e?.message ?? String(err);
  if (e instanceof TimeoutError) return { kind: 'timeout', message: `timed out after ${formatSeconds(timeoutMs)}` };
  if (e instanceof CancelledError) return { kind: 'cancelled', message: 'cancelled before the target answered' };
  if (code === 'ECONNREFUSED') return { kind: 'refused', message: `nothing is listening on ${hostPort(url)}` };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return { kind: 'dns', message: `the host name ${url.hostname} could not be resolved` };
  }
  if (TLS_CODE.test(code) || /\bSSL\b|\bTLS\b|wrong version number|certificate/i.test(message)) {
    const plainHint = /wrong version number|packet length too long/i.test(message)
      ? ' (is the target plain http?)'
      : '';
    // OpenSSL messages carry a file and line; the short reason is what a developer can act on.
    const reason = e.reason ?? /SSL routines:[^:]*:([^:]+):/.exec(message)?.[1] ?? message.trim();
    return { kind: 'tls', message: `TLS error: ${reason}${plainHint}` };
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || message === 'socket hang up') {
    return { kind: 'reset', message: `${hostPort(url)} closed the connection before answering completely` };
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL') {
    return { kind: 'other', message: `${url.hostname} cannot be reached (${code})` };
  }
  if (code.startsWith('HPE_'))
    return { kind: 'other', message: `the answer from ${hostPort(url)} is not valid HTTP (${message})` };
  return { kind: 'other', message: code ? `${message} (${code})` : message };
}

class TimeoutError extends Error {}
class CancelledError extends Error {}

function storedBody(chunks: Buffer[], size: number): CapturedBody {
  const bytes = Buffer.concat(chunks);
  if (isUtf8(bytes)) return { size, encoding: 'utf8', text: bytes.toString('utf8') };
  return { size, encoding: 'base64', text: bytes.toString('base64') };
}

export async function sendRequest(request: ReplayRequest, options: SendOptions): Promise<SendResult> {
  const { url, body } = validateRequest(request);
  const method = request.method;
  const { headers } = outgoingHeaders(url, method, request.headers, body.length, options.keepHost);
  const sent: ReplayRequest = {
    method,
    url: url.href,
    headers,
    body:
      request.body.encoding === 'utf8'
        ? { encoding: 'utf8', text: request.body.text }
        : { encoding: 'base64', text: body.toString('base64') },
  };
  const limit = options.maxStoredBodyBytes ?? DEFAULT_STORED_BODY;
  const started = performance.now();
  const elapsed = (): number => Math.round((performance.now() - started) * 10) / 10;

  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (outcome: ReplayOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({ sent, outcome, ms: elapsed() });
    };
    const fail = (err: unknown): void => finish({ kind: 'error', error: describeError(err, url, options.timeoutMs) });
    // Settles first, so the connection torn down next (mid-response too) cannot report a reset.
    const onAbort = (): void => {
      fail(new CancelledError('cancelled'));
      req.destroy();
    };

    const requestOptions: https.RequestOptions = {
      protocol: url.protocol,
      // URL keeps IPv6 literals in brackets; the socket layer wants them bare.
      hostname: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port || undefined,
      method,
      path: `${url.pathname}${url.search}`,
      headers: headers.flat(),
      setHost: false,
      agent: false,
    };
    const client = url.protocol === 'https:' ? https : http;
    let req: http.ClientRequest;
    try {
      req = client.request(requestOptions, (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (kept < limit) {
            const part = chunk.subarray(0, limit - kept);
            chunks.push(part);
            kept += part.length;
          }
        });
        res.on('error', fail);
        // A response cut off mid-body ends in 'close' without 'end'.
        res.on('close', () => {
          if (!res.complete) fail(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
        });
        res.on('end', () => {
          const location = res.headers.location;
          let redirectTo: string | undefined;
          if (res.statusCode && res.statusCode >= 300 && res.statusCode < 400 && location) {
            try {
              redirectTo = new URL(location, url).href;
            } catch {
              redirectTo = location;
            }
          }
          const rawHeaders: [string, string][] = [];
          for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
            rawHeaders.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
          finish({
            kind: 'response',
            response: {
              status: res.statusCode ?? 0,
              statusText: res.statusMessage ?? '',
              httpVersion: res.httpVersion,
              headers: rawHeaders,
              body: storedBody(chunks, size),
              bodyTruncated: size > kept,
              ...(redirectTo ? { redirectTo } : {}),
            },
          });
        });
      });
    } catch (err) {
      // Node re-checks names and values; anything it still refuses is the caller's input.
      throw new HooklensError('invalid_argument', err instanceof Error ? err.message : String(err));
    }
    const timer = setTimeout(() => req.destroy(new TimeoutError('timeout')), options.timeoutMs);
    req.on('error', fail);
    if (options.signal?.aborted) {
      onAbort();
      return;
    }
    options.signal?.addEventListener('abort', onAbort);
    req.end(body);
  });
}
