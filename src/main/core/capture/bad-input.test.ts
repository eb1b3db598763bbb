/*
 * The bad-input corpus: every case is sent over a raw socket to a real listener and store, must get
 * its error answer (or be dropped), must not be captured, and must leave the listener capturing the
 * very next normal request. Timeouts are small here so the slow-client cases finish quickly.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCaptureStore } from '../store';
import type { CaptureStore } from '../store/types';
import { startCaptureListener, type CaptureListener, type CaptureListenerOptions } from './listener';
import { exchange, openRaw, streamUntilAnswered, type RawResponse } from './test-support/raw-client';

const MiB = 1024 * 1024;
const LIMITS = { bodyLimitBytes: MiB, headersTimeoutMs: 500, requestTimeoutMs: 1000 };
const HUNDRED_MB = 100 * MiB;

let dir: string;
let store: CaptureStore;
let listener: CaptureListener;
let errors: unknown[];

async function start(extra: Partial<CaptureListenerOptions> = {}): Promise<CaptureListener> {
  return startCaptureListener({ store, port: 0, limits: LIMITS, onError: (e) => errors.push(e), ...extra });
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-bad-input-'));
  store = await openCaptureStore({ dataDir: dir });
  errors = [];
  listener = await start();
});

afterEach(async () => {
  await listener.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

function post(
  port: number,
  pathName: string,
  body: string,
): Promise<{ status: number; json: { ok: boolean; id?: string } }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: pathName,
        method: 'POST',
        agent: false,
        headers: { 'Content-Type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The listener is still up and still capturing, and nothing else was captured. */
async function expectOnlyNextCaptured(port = listener.port, earlier: string[] = []): Promise<void> {
  const res = await post(port, '/after', '{"after":true}');
  expect(res.status).toBe(200);
  expect(await store.get(res.json.id!)).toMatchObject({ url: '/after', body: { text: '{"after":true}' } });
  expect(store.list().map((c) => c.url)).toEqual(['/after', ...earlier]);
}

function expectRefusal(res: RawResponse, status: number, error: string): void {
  expect(res.status).toBe(status);
  expect(res.headers.connection).toBe('close');
  expect(JSON.parse(res.body)).toMatchObject({ ok: false, error });
}

const chunkedHead = (p: string): string => `POST ${p} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n`;

describe('malformed requests', () => {
  const cases: [string, string | Buffer][] = [
    ['a garbage request line', 'GARBAGE\r\n\r\n'],
    ['a request line with a word after the version', 'GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n'],
    ['an unknown HTTP version', 'GET / HTTP/7.3\r\nHost: x\r\n\r\n'],
    ['a space inside the target', 'GET /a b HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['a control byte in the method', 'G\x01T / HTTP/1.1\r\nHost: x\r\n\r\n'],
    // What a client sends when it speaks HTTPS to the plain port.
    ['a TLS ClientHello', Buffer.from('160301020001000200030379b1c7a8d5e2f3a1b2c3d4e5f6a7b8c9d0e1f2a3b4', 'hex')],
    ['a NUL in a header value', 'POST /nul HTTP/1.1\r\nHost: x\r\nX-Evil: a\0b\r\nContent-Length: 2\r\n\r\n{}'],
    ['a NUL in a header name', 'POST /nul HTTP/1.1\r\nHost: x\r\nX-E\0vil: a\r\nContent-Length: 2\r\n\r\n{}'],
    ['a NUL in the target', 'POST /n\0ul HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}'],
    ['a header line without a colon', 'POST / HTTP/1.1\r\nHost: x\r\nNoColonHere\r\nContent-Length: 2\r\n\r\n{}'],
    ['whitespace before a header colon', 'POST / HTTP/1.1\r\nHost: x\r\nX-A : b\r\nContent-Length: 2\r\n\r\n{}'],
    [
      'Content-Length with Transfer-Encoding',
      'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    ],
    [
      'two different Content-Lengths',
      'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}x',
    ],
    ['a negative Content-Length', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n'],
    ['an HTTP/1.1 request without Host', 'POST /no-host HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}'],
  ];
  it.each(cases)('answers 400 to %s and captures the next request', async (_name, request) => {
    const res = await exchange(listener.port, request);
    expectRefusal(res, 400, 'bad_request');
    await expectOnlyNextCaptured();
  });
});

describe('pipelined bad input', () => {
  it('answers a complete request first, then 400 to the garbage pipelined behind it', async () => {
    const conn = await openRaw(listener.port);
    let data = '';
    conn.socket.on('data', (d: Buffer) => (data += d.toString('latin1')));
    conn.socket.write('POST /first HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}GARBAGE\r\n\r\n');
    await conn.closed;
    const statuses = [...data.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
    expect(statuses).toEqual([200, 400]);
    await expectOnlyNextCaptured(listener.port, ['/first']);
  });
});

describe('pipelined requests ending in a bad one', () => {
  const body = (i: number): string => `{"n":${i}}`;
  const request = (i: number): string =>
    `POST /p${i} HTTP/1.1\r\nHost: x\r\nContent-Length: ${body(i).length}\r\n\r\n${body(i)}`;
  const bad: [string, string][] = [
    ['Content-Length: zz', 'POST /bad HTTP/1.1\r\nHost: x\r\nContent-Length: zz\r\n\r\n{}'],
    ['no Host header', 'POST /bad HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}'],
  ];
  it.each(bad)(
    'answers every stored request in order, then 400 to the one with %s, then closes',
    async (_name, last) => {
      const conn = await openRaw(listener.port);
      let data = '';
      conn.socket.on('data', (d: Buffer) => (data += d.toString('latin1')));
      conn.socket.write([1, 2, 3, 4].map(request).join('') + last);
      await conn.closed;
      const statuses = [...data.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
      const ids = [...data.matchAll(/"id":"([^"]+)"/g)].map((m) => m[1]);
      expect(statuses).toEqual([200, 200, 200, 200, 400]);
      expect(data.slice(data.lastIndexOf('HTTP/1.1 400'))).toContain('"error":"bad_request"');
      // The answers come in request order: each id is the capture of the request at that position.
      const urls = await Promise.all(ids.map(async (id) => (await store.get(id))?.url));
      expect(urls).toEqual(['/p1', '/p2', '/p3', '/p4']);
      await expectOnlyNextCaptured(listener.port, ['/p4', '/p3', '/p2', '/p1']);
    },
  );
});

describe('client half-close', () => {
  const cases: [string, string][] = [
    ['HTTP/1.1', 'POST /half HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}'],
    ['HTTP/1.0', 'POST /half HTTP/1.0\r\nContent-Length: 2\r\n\r\n{}'],
  ];
  it.each(cases)(
    'stores and answers a %s request whose client shuts down its sending side right after the body',
    async (_name, req) => {
      const conn = await openRaw(listener.port);
      conn.socket.end(req);
      const res = await conn.response;
      expect(res.status).toBe(200);
      const id = (JSON.parse(res.body) as { id: string }).id;
      expect(await store.get(id)).toMatchObject({ url: '/half', body: { text: '{}' } });
      await expectOnlyNextCaptured(listener.port, ['/half']);
    },
  );
});

describe('invalid chunked encoding', () => {
  const cases: [string, string][] = [
    ['a non-hex chunk size', `${chunkedHead('/c')}zz\r\nhello\r\n0\r\n\r\n`],
    ['chunk data longer than its size', `${chunkedHead('/c')}5\r\nhelloEXTRA\r\n0\r\n\r\n`],
    ['a chunk size that overflows', `${chunkedHead('/c')}fffffffffffffffffffff\r\nx\r\n0\r\n\r\n`],
    ['a control byte in a chunk extension', `${chunkedHead('/c')}5;a=\x01\r\nhello\r\n0\r\n\r\n`],
    [
      'chunked that is not the last coding',
      'POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n',
    ],
  ];
  it.each(cases)(
    'answers 400 to %s, captures nothing of it, then captures the next request',
    async (_name, request) => {
      const res = await exchange(listener.port, request);
      expectRefusal(res, 400, 'bad_request');
      await expectOnlyNextCaptured();
    },
  );
});

describe('oversized requests', () => {
  it('refuses a declared 100 MB body on its Content-Length, long before the body is sent', async () => {
    const conn = await openRaw(listener.port);
    conn.socket.write(
      `POST /huge HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: ${HUNDRED_MB}\r\n\r\n`,
    );
    const block = Buffer.alloc(64 * 1024, 0x61);
    let left = HUNDRED_MB;
    const sent = await streamUntilAnswered(conn, () => {
      if (left <= 0) return null;
      left -= block.length;
      return [block];
    });
    const res = await conn.response;
    conn.socket.destroy();
    expectRefusal(res, 413, 'payload_too_large');
    expect(sent).toBeLessThan(HUNDRED_MB / 4);
    await expectOnlyNextCaptured();
  });

  it('stops a 100 MB chunked body at the limit', async () => {
    const conn = await openRaw(listener.port);
    conn.socket.write(chunkedHead('/huge-chunked'));
    const block = Buffer.alloc(64 * 1024, 0x62);
    const size = Buffer.from(`${block.length.toString(16)}\r\n`);
    const crlf = Buffer.from('\r\n');
    let left = HUNDRED_MB;
    const sent = await streamUntilAnswered(conn, () => {
      if (left <= 0) return null;
      left -= block.length;
      return [size, block, crlf];
    });
    const res = await conn.response;
    conn.socket.destroy();
    expectRefusal(res, 413, 'payload_too_large');
    expect(sent).toBeGreaterThan(LIMITS.bodyLimitBytes);
    expect(sent).toBeLessThan(HUNDRED_MB / 4);
    await expectOnlyNextCaptured();
  });

  it('answers 413 to "Expect: 100-continue" with a too-large length before any body byte is sent', async () => {
    const conn = await openRaw(listener.port);
    conn.socket.write(
      `POST /expect HTTP/1.1\r\nHost: x\r\nContent-Length: ${HUNDRED_MB}\r\nExpect: 100-continue\r\n\r\n`,
    );
    const res = await conn.response;
    conn.socket.destroy();
    expectRefusal(res, 413, 'payload_too_large');
    expect(res.interim).toEqual([]);
    await expectOnlyNextCaptured();
  });

  it('sends 100 Continue for an acceptable "Expect: 100-continue" request and captures it', async () => {
    const conn = await openRaw(listener.port);
    conn.socket.write('POST /expect-ok HTTP/1.1\r\nHost: x\r\nContent-Length: 7\r\nExpect: 100-continue\r\n\r\n');
    await new Promise<void>((resolve) => conn.socket.once('data', () => resolve()));
    conn.socket.write('{"a":1}');
    const res = await conn.response;
    conn.socket.destroy();
    expect(res.interim).toEqual([100]);
    expect(res.status).toBe(200);
    await expectOnlyNextCaptured(listener.port, ['/expect-ok']);
  });

  it('answers 431 to 10,000 small headers (count limit)', async () => {
    let head = 'POST /many HTTP/1.1\r\nHost: x\r\n';
    for (let i = 0; i < 10_000; i++) head += 'a:b\r\n';
    expect(head.length).toBeLessThan(64 * 1024); // so this is the count limit, not the size limit
    const res = await exchange(listener.port, `${head}Content-Length: 2\r\n\r\n{}`);
    expectRefusal(res, 431, 'headers_too_large');
    expect(JSON.parse(res.body).message).toMatch(/header lines/);
    await expectOnlyNextCaptured();
  });

  it('answers 431 to 10,000 larger headers (size limit)', async () => {
    let head = 'POST /big-headers HTTP/1.1\r\nHost: x\r\n';
    for (let i = 0; i < 10_000; i++) head += `X-Header-${i}: value-${i}\r\n`;
    const res = await exchange(listener.port, `${head}Content-Length: 2\r\n\r\n{}`);
    expectRefusal(res, 431, 'headers_too_large');
    expect(JSON.parse(res.body).message).toMatch(/byte limit/);
    await expectOnlyNextCaptured();
  });

  it('answers 431 to a single header larger than the header limit', async () => {
    const res = await exchange(listener.port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'v'.repeat(70_000)}\r\n\r\n`);
    expectRefusal(res, 431, 'headers_too_large');
    await expectOnlyNextCaptured();
  });

  it('answers 417 to an unknown expectation and 405 to CONNECT', async () => {
    expectRefusal(
      await exchange(listener.port, 'POST / HTTP/1.1\r\nHost: x\r\nExpect: teapot\r\nContent-Length: 2\r\n\r\n{}'),
      417,
      'expectation_failed',
    );
    expectRefusal(
      await exchange(listener.port, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n'),
      405,
      'method_not_allowed',
    );
    await expectOnlyNextCaptured();
  });
});

describe('slow and vanishing clients', () => {
  it('answers 408 to a slowloris that trickles its headers', async () => {
    const conn = await openRaw(listener.port);
    const head = `POST /slow HTTP/1.1\r\nHost: x\r\nX-Pad: ${'p'.repeat(200)}`;
    let i = 0;
    const timer = setInterval(() => {
      if (i < head.length && !conn.socket.destroyed) conn.socket.write(head[i++]);
    }, 20);
    const res = await conn.response;
    clearInterval(timer);
    conn.socket.destroy();
    expectRefusal(res, 408, 'request_timeout');
    expect(JSON.parse(res.body).message).toMatch(/headers/);
    // Cut off while it was still sending: 200+ bytes at one per 20 ms take over 4 s.
    expect(i).toBeLessThan(head.length);
    await expectOnlyNextCaptured();
  });

  it('answers 408 to a connection that never sends anything', async () => {
    const conn = await openRaw(listener.port);
    const res = await conn.response;
    conn.socket.destroy();
    expectRefusal(res, 408, 'request_timeout');
    await expectOnlyNextCaptured();
  });

  it('answers 408 to a body that trickles in, and does not capture the part received', async () => {
    const conn = await openRaw(listener.port);
    conn.socket.write('POST /slow-body HTTP/1.1\r\nHost: x\r\nContent-Length: 400\r\n\r\n');
    let sent = 0;
    const timer = setInterval(() => {
      if (sent < 400 && !conn.socket.destroyed) {
        conn.socket.write('0123456789');
        sent += 10;
      }
    }, 50);
    const res = await conn.response;
    clearInterval(timer);
    conn.socket.destroy();
    expectRefusal(res, 408, 'request_timeout');
    expect(JSON.parse(res.body).message).toMatch(/body/);
    expect(sent).toBeLessThan(400);
    await expectOnlyNextCaptured();
  });

  it('does not capture an upload aborted halfway', async () => {
    const conn = await openRaw(listener.port);
    conn.socket.write(`POST /aborted HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n${'x'.repeat(500)}`);
    // Let the server take the headers and the first half before the client vanishes.
    await new Promise((r) => setTimeout(r, 50));
    conn.socket.destroy();
    await conn.closed;
    await expectOnlyNextCaptured();
  });

  it('does not time out a request whose answer is deliberately later than the request timeout', async () => {
    await listener.close();
    listener = await start({
      route: (_m, url) => ({
        endpointId: 'default',
        reply:
          url === '/late'
            ? (id) => ({ status: 202, headers: [], body: id, delayMs: LIMITS.requestTimeoutMs + 300 })
            : undefined,
      }),
    });
    const res = await exchange(listener.port, 'POST /late HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}');
    expect(res.status).toBe(202);
    await expectOnlyNextCaptured(listener.port, ['/late']);
  });

  it('survives a client that disconnects while a large answer is being written, or before a delayed one', async () => {
    await listener.close();
    const big = 'z'.repeat(16 * MiB);
    let goneStored!: () => void;
    const stored = new Promise<void>((resolve) => (goneStored = resolve));
    listener = await start({
      onCaptured: (r) => {
        if (r.url === '/delayed-gone') goneStored();
      },
      route: (_m, url) => ({
        endpointId: 'default',
        reply:
          url === '/big-answer'
            ? () => ({ status: 200, headers: [['Content-Type', 'text/plain']], body: big })
            : url.startsWith('/delayed')
              ? (id) => ({ status: 200, headers: [], body: id, delayMs: 200 })
              : undefined,
      }),
    });

    const conn = await openRaw(listener.port);
    conn.socket.write('POST /big-answer HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}');
    await new Promise<void>((resolve) => conn.socket.once('data', () => resolve()));
    conn.socket.destroy(); // mid-answer: 16 MB cannot have been written yet

    const gone = await openRaw(listener.port);
    gone.socket.write('POST /delayed-gone HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}');
    await stored; // captured, its answer still 200 ms away
    gone.socket.destroy();
    // Same delay, sent later: its answer comes after the first delayed answer was attempted.
    const after = await exchange(
      listener.port,
      'POST /delayed-after HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}',
    );
    expect(after.status).toBe(200);

    // Both complete requests were captured (their bodies had fully arrived); nothing crashed.
    await expectOnlyNextCaptured(listener.port, ['/delayed-after', '/delayed-gone', '/big-answer']);
    expect(errors).toEqual([]);
  });
});

describe('connection limit', () => {
  it('answers 503 beyond the maximum number of connections, and accepts again once one closes', async () => {
    await listener.close();
    listener = await start({
      limits: { ...LIMITS, headersTimeoutMs: 5_000, requestTimeoutMs: 10_000, maxConnections: 3 },
    });
    const keepAlive = (p: string): string => `POST ${p} HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}`;
    const held = await Promise.all([0, 1, 2].map(() => openRaw(listener.port)));
    for (const [i, conn] of held.entries()) {
      conn.socket.write(keepAlive(`/held-${i}`));
      expect((await conn.response).status).toBe(200);
    }

    const extra = await exchange(listener.port, keepAlive('/over-limit'));
    expectRefusal(extra, 503, 'too_many_connections');
    expect(extra.headers['retry-after']).toBe('1');

    // A held connection asks to close: the server closes it, which frees a slot.
    const release = held[0];
    const releasing = await new Promise<RawResponse>((resolve) => {
      let data = '';
      release.socket.on('data', (d: Buffer) => (data += d.toString('latin1')));
      release.socket.once('close', () =>
        resolve({ status: Number(/HTTP\/1\.1 (\d+)/.exec(data)?.[1] ?? 0), headers: {}, body: '', interim: [] }),
      );
      release.socket.write('POST /release HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}');
    });
    expect(releasing.status).toBe(200);

    await expectOnlyNextCaptured(listener.port, ['/release', '/held-2', '/held-1', '/held-0']);
    for (const conn of held) conn.socket.destroy();
  });
});
