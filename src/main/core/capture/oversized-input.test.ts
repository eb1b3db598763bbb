/*
 * Bad input, too large: bodies past the limit (declared, chunked, behind 100-continue) and header
 * blocks past the count or size limit are refused early, not captured, and the listener captures
 * the very next normal request.
 */
import { describe, expect, it } from 'vitest';
import {
  HUNDRED_MB,
  LIMITS,
  chunkedHead,
  expectOnlyNextCaptured,
  expectRefusal,
  listener,
  useBadInputListener,
} from './test-support/bad-input-listener';
import { exchange, openRaw, streamUntilAnswered } from './test-support/raw-client';

useBadInputListener();

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
