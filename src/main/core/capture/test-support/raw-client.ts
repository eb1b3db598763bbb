/*
 * A bare TCP client for listener tests: it sends exactly the bytes it is given (fetch and
 * node:http would refuse or normalise most of the bad input we want to send) and reads back the
 * first final HTTP response, noting any interim 1xx ones before it.
 */
import net from 'node:net';

export interface RawResponse {
  /** 0 when the connection closed before a complete answer. */
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Interim (1xx) statuses seen before the final one, e.g. [100]. */
  interim: number[];
}

export interface RawConnection {
  socket: net.Socket;
  /** Set as soon as a complete final response has arrived. */
  readonly answered: boolean;
  /** The first final response, or status 0 if the connection closed without one. */
  response: Promise<RawResponse>;
  /** Resolves when the socket has closed. */
  closed: Promise<void>;
}

function parseResponse(data: Buffer): RawResponse | null {
  const interim: number[] = [];
  let offset = 0;
  for (;;) {
    const end = data.indexOf('\r\n\r\n', offset, 'latin1');
    if (end < 0) return null;
    const [statusLine, ...lines] = data.toString('latin1', offset, end).split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const bodyStart = end + 4;
    if (status >= 100 && status < 200) {
      interim.push(status);
      offset = bodyStart;
      continue;
    }
    const length = Number(headers['content-length'] ?? 0);
    if (data.length < bodyStart + length) return null;
    return { status, headers, body: data.toString('utf8', bodyStart, bodyStart + length), interim };
  }
}

export function openRaw(port: number): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = Buffer.alloc(0);
    let answered = false;
    let settle!: (r: RawResponse) => void;
    const response = new Promise<RawResponse>((r) => (settle = r));
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.on('data', (chunk: Buffer) => {
      if (answered) return;
      data = Buffer.concat([data, chunk]);
      const parsed = parseResponse(data);
      if (parsed) {
        answered = true;
        settle(parsed);
      }
    });
    // A refused client is often reset once it has its answer; the answer is what tests check.
    socket.on('error', () => undefined);
    socket.once('close', () => settle(parseResponse(data) ?? { status: 0, headers: {}, body: '', interim: [] }));
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve({
        socket,
        get answered() {
          return answered;
        },
        response,
        closed,
      });
    });
    socket.once('error', reject);
  });
}

/** Sends the bytes, waits for the answer, closes. */
export async function exchange(port: number, request: string | Buffer): Promise<RawResponse> {
  const conn = await openRaw(port);
  conn.socket.write(request);
  const res = await conn.response;
  conn.socket.destroy();
  return res;
}

/**
 * Streams `next()` chunks with backpressure until the server answers, the socket closes or the
 * chunks run out; returns how many bytes were handed to the socket. Nothing is buffered here.
 */
export async function streamUntilAnswered(conn: RawConnection, next: () => Buffer[] | null): Promise<number> {
  let sent = 0;
  const stopped = Promise.race([conn.response, conn.closed]).then(() => undefined);
  while (!conn.answered && !conn.socket.destroyed) {
    const pieces = next();
    if (!pieces) break;
    let flushed = true;
    for (const piece of pieces) {
      sent += piece.length;
      flushed = conn.socket.write(piece) && flushed;
    }
    if (!flushed) await Promise.race([new Promise((r) => conn.socket.once('drain', r)), stopped]);
  }
  return sent;
}
