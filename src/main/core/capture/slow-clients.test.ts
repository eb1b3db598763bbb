/*
 * Bad input, slow or gone: slowloris headers and bodies, silent connections, aborted uploads and
 * clients that vanish mid-answer get their timeout or are dropped, nothing partial is captured, and
 * the listener captures the very next normal request; past the connection limit it answers 503.
 * Timeouts are small here so these cases finish quickly.
 */
import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  MiB,
  errors,
  expectOnlyNextCaptured,
  expectRefusal,
  listener,
  restartListener,
  useBadInputListener,
} from './test-support/bad-input-listener';
import { exchange, openRaw, type RawResponse } from './test-support/raw-client';

useBadInputListener();

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
    await restartListener({
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
    const big = 'z'.repeat(16 * MiB);
    let goneStored!: () => void;
    const stored = new Promise<void>((resolve) => (goneStored = resolve));
    await restartListener({
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
    await restartListener({
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
