/*
 * How the capture listener says no. Every refusal is a short JSON answer written straight to the
 * socket with `Connection: close`, followed by a lingering close: we stop writing (FIN) but keep
 * reading and discarding for a moment. Closing a socket that still has unread bytes makes the
 * kernel send a reset, and a reset can reach the client before it has read our answer; a client
 * that is still uploading (a 100 MB body, a slowloris) would then see "connection reset" instead of
 * 413 or 408. The linger is bounded, so a client that never stops sending is cut off anyway.
 *
 * A socket being closed this way is marked; the listener ignores any request Node still parses
 * from it, and later parser errors on it are not answered twice.
 *
 * Pipelining: a refusal never overtakes an answer. Requests that fully arrived before the bad one
 * are stored, so each still gets its own answer, in order; only then is the refusal written and
 * the connection closed.
 */
import type { Socket } from 'node:net';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** How long a refused socket keeps draining what the client sends before it is destroyed. */
export const LINGER_MS = 2_000;

export interface Refusal {
  status: number;
  error: string;
  message: string;
  headers?: [string, string][];
}

export interface GuardLimits {
  maxHeaderBytes: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  maxConnections: number;
}

export function refusalResponse(refusal: Refusal): Buffer {
  const body = JSON.stringify({ ok: false, error: refusal.error, message: refusal.message });
  let head = `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? 'Error'}\r\n`;
  for (const [name, value] of refusal.headers ?? []) head += `${name}: ${value}\r\n`;
  head +=
    'Content-Type: application/json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n\r\n';
  return Buffer.from(head + body, 'utf8');
}

/** The response Node has attached to the socket (Node's own clientError default reads the same field). */
function attachedResponse(socket: Duplex): ServerResponse | undefined {
  return (socket as { _httpMessage?: ServerResponse | null })._httpMessage ?? undefined;
}

function responseStarted(socket: Duplex): boolean {
  return attachedResponse(socket)?.headersSent === true;
}

/** Whether the request being parsed on this socket has its headers and awaits the rest of its body. */
function bodyPending(socket: Duplex): boolean {
  const incoming = (socket as { parser?: { incoming?: IncomingMessage | null } | null }).parser?.incoming;
  return incoming != null && !incoming.complete;
}

/** Which answer a parser or timeout error deserves; null for transport errors (nothing to answer). */
export function refusalForClientError(
  err: NodeJS.ErrnoException & { reason?: string },
  socket: Duplex,
  limits: GuardLimits,
): Refusal | null {
  const code = err.code ?? '';
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        error: 'headers_too_large',
        message: `Request line and headers are larger than the ${limits.maxHeaderBytes}-byte limit; not captured.`,
      };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, error: 'payload_too_large', message: 'Chunk extensions are too large; not captured.' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      // Node raises one error for both deadlines; the parser knows which phase was too slow.
      return bodyPending(socket)
        ? {
            status: 408,
            error: 'request_timeout',
            message: `Request body not received within ${limits.requestTimeoutMs} ms; not captured.`,
          }
        : {
            status: 408,
            error: 'request_timeout',
            message: `Request headers not received within ${limits.headersTimeoutMs} ms; not captured.`,
          };
    default:
      if (!code.startsWith('HPE_')) return null;
      return {
        status: 400,
        error: 'bad_request',
        message: `Malformed HTTP request${err.reason ? ` (${err.reason})` : ''}; not captured.`,
      };
  }
}

export interface ListenerGuard {
  /** True once a refusal was written on this socket: nothing more is written to it as an answer. */
  isClosing(socket: Duplex): boolean;
  /** True once a refusal is written or waiting for earlier answers: nothing more is read from it as a request. */
  isRefusing(socket: Duplex): boolean;
  /** Counts a request the listener handles, until its answer is written (or the socket is gone). */
  track(req: IncomingMessage, res: ServerResponse): void;
  /** Answers with the refusal and closes the connection gently. */
  refuse(socket: Duplex, refusal: Refusal, req?: IncomingMessage): void;
  onClientError(err: Error, socket: Duplex): void;
  /** Counts the connection; above the limit it is answered 503 and closed. */
  onConnection(socket: Socket): void;
  /** Ends every refusal still lingering (on close; some of those sockets Node no longer tracks). */
  destroyLingering(): void;
}

const TRACKED = Symbol('hooklens.trackedRequest');
type Tracked = ServerResponse & { [TRACKED]?: IncomingMessage };

/** `onRefused` hears every refusal once per socket (health counts them; it must not throw). */
export function createListenerGuard(
  getLimits: () => GuardLimits,
  onRefused?: (refusal: Refusal) => void,
): ListenerGuard {
  const closing = new WeakSet<Duplex>();
  /** Refusals waiting for the answers to earlier, complete requests on the same socket. */
  const deferred = new WeakMap<Duplex, Refusal>();
  /** Requests being handled per socket whose answers are not written yet. */
  const unanswered = new WeakMap<Duplex, Set<IncomingMessage>>();
  const lingering = new Set<Duplex>();
  let active = 0;

  /** A tracked response closed: its request no longer holds back a deferred refusal. */
  const answered = function (this: Tracked): void {
    const req = this[TRACKED];
    if (!req) return;
    this[TRACKED] = undefined;
    const socket = req.socket;
    const set = unanswered.get(socket);
    if (!set?.delete(req)) return;
    const refusal = deferred.get(socket);
    if (refusal && set.size === 0) refuse(socket, refusal);
  };

  const waitingOn = (socket: Duplex): Set<IncomingMessage> | undefined => {
    const set = unanswered.get(socket);
    return set && set.size > 0 ? set : undefined;
  };

  const refuse = (socket: Duplex, refusal: Refusal, req?: IncomingMessage): void => {
    if (closing.has(socket)) return;
    if (req) unanswered.get(socket)?.delete(req);
    // An unread body would stall the socket (and so the client) until the linger ends.
    req?.resume();
    if (waitingOn(socket)) {
      if (!deferred.has(socket)) deferred.set(socket, refusal);
      return;
    }
    deferred.delete(socket);
    closing.add(socket);
    try {
      onRefused?.(refusal);
    } catch {
      // Counting a refusal must never stop it from being answered.
    }
    if (!socket.writable || responseStarted(socket)) {
      socket.destroy();
      return;
    }
    socket.end(refusalResponse(refusal));
    socket.resume();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    lingering.add(socket);
    socket.once('close', () => {
      clearTimeout(timer);
      lingering.delete(socket);
    });
  };

  return {
    isClosing: (socket) => closing.has(socket),
    isRefusing: (socket) => closing.has(socket) || deferred.has(socket),
    track(req, res) {
      const socket = req.socket;
      let set = unanswered.get(socket);
      if (!set) unanswered.set(socket, (set = new Set()));
      set.add(req);
      // A ServerResponse always emits 'close' (after 'finish', or when the socket goes first): one
      // listener per request instead of two, shared by all requests (no closure per request).
      (res as Tracked)[TRACKED] = req;
      res.on('close', answered);
    },
    refuse,
    onClientError(err, socket) {
      // Node calls this again for every chunk that arrives after a parse error.
      if (closing.has(socket) || deferred.has(socket)) return;
      const refusal = refusalForClientError(err as NodeJS.ErrnoException, socket, getLimits());
      // The request the parser failed in never completes: it will not be answered.
      const set = unanswered.get(socket);
      if (set) for (const req of set) if (!req.complete) set.delete(req);
      if (refusal && waitingOn(socket)) {
        // The error is in a request pipelined behind ones that fully arrived and are still being
        // answered (waiting for the store, or a deliberate delay): answer those first.
        refuse(socket, refusal);
        return;
      }
      if (!refusal || responseStarted(socket)) {
        closing.add(socket);
        socket.destroy();
        return;
      }
      refuse(socket, refusal);
    },
    onConnection(socket) {
      active += 1;
      socket.once('close', () => {
        active -= 1;
      });
      const max = getLimits().maxConnections;
      if (max > 0 && active > max)
        refuse(socket, {
          status: 503,
          error: 'too_many_connections',
          message: `More than ${max} connections are open; retry later.`,
          headers: [['Retry-After', '1']],
        });
    },
    destroyLingering() {
      for (const socket of lingering) socket.destroy();
    },
  };
}

/**
 * Sockets beyond this are dropped by Node before any byte is read: answering 503 costs a socket
 * and a parser for a moment, so only a margin above the limit gets an answer.
 */
export function hardConnectionCap(maxConnections: number): number {
  if (maxConnections <= 0) return 0;
  return maxConnections + Math.max(8, Math.ceil(maxConnections / 16));
}

/** How often Node checks the header and request deadlines (its default, 30 s, would let slow clients linger). */
export function connectionsCheckingInterval(
  limits: Pick<GuardLimits, 'headersTimeoutMs' | 'requestTimeoutMs'>,
): number {
  const shortest = Math.min(...[limits.headersTimeoutMs, limits.requestTimeoutMs].filter((t) => t > 0), 4_000);
  return Math.max(50, Math.floor(shortest / 4));
}
