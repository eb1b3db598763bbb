/*
 * Bad input, malformed: every case is sent over a raw socket to a real listener and store, must get
 * its error answer (or be dropped), must not be captured, and must leave the listener capturing the
 * very next normal request. Requests that do not parse, pipelined garbage, half-closes, bad chunking.
 */
import { describe, expect, it } from 'vitest';
import {
  chunkedHead,
  expectOnlyNextCaptured,
  expectRefusal,
  listener,
  store,
  useBadInputListener,
} from './test-support/bad-input-listener';
import { exchange, openRaw } from './test-support/raw-client';

useBadInputListener();

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
