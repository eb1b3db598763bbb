/*
 * The loopback tunnel port with short deadlines: a connection that has sent nothing is left alone
 * (localtunnel's pre-opened sockets), one that has started a request is held to the deadlines.
 * The public port keeps answering idle connections with 408 (slow-clients.test.ts covers the rest).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureRecord } from '../../../shared/capture';
import { openCaptureStore } from '../store';
import type { CaptureStore } from '../store/types';
import { startCaptureListener, type CaptureListener } from './listener';
import { openRaw, type RawConnection } from './test-support/raw-client';

const LIMITS = { headersTimeoutMs: 300, requestTimeoutMs: 600 };
// Well past both deadlines and several of node:http's checks (every 75 ms with these limits).
const IDLE_MS = 1_500;

let dir: string;
let store: CaptureStore;
let listener: CaptureListener;
let captured: CaptureRecord[];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-tunnel-port-'));
  store = await openCaptureStore({ dataDir: dir });
  captured = [];
  listener = await startCaptureListener({
    store,
    port: 0,
    tunnelPort: 0,
    limits: LIMITS,
    onCaptured: (r) => captured.push(r),
  });
});

afterEach(async () => {
  await listener.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const idle = (ms = IDLE_MS): Promise<void> => new Promise((r) => setTimeout(r, ms));
const request = (p: string): string => `POST ${p} HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}`;

function received(conn: RawConnection): () => number {
  let bytes = 0;
  conn.socket.on('data', (d: Buffer) => (bytes += d.length));
  return () => bytes;
}

describe('tunnel capture port', () => {
  it('leaves a connection that has sent nothing alone past every deadline, then captures its request', async () => {
    const conn = await openRaw(listener.tunnelPort!);
    const bytes = received(conn);
    await idle();
    expect(bytes()).toBe(0);
    expect(conn.socket.destroyed).toBe(false);

    conn.socket.write(request('/after-idle'));
    const res = await conn.response;
    expect(res.status).toBe(200);
    expect(captured.map((c) => [c.url, c.via])).toEqual([['/after-idle', 'tunnel']]);
    conn.socket.destroy();
  });

  it('keeps an answered connection open while it idles, and serves its next request', async () => {
    const conn = await openRaw(listener.tunnelPort!);
    conn.socket.write(request('/first'));
    expect((await conn.response).status).toBe(200);
    let more = '';
    conn.socket.on('data', (d: Buffer) => (more += d.toString('latin1')));
    await idle();
    expect(conn.socket.destroyed).toBe(false);
    expect(more).toBe('');

    const second = new Promise<string>((resolve) => {
      const onData = (): void => {
        if (more.includes('\r\n\r\n{')) {
          conn.socket.off('data', onData);
          resolve(more);
        }
      };
      conn.socket.on('data', onData);
    });
    conn.socket.write(request('/second'));
    expect(await second).toMatch(/^HTTP\/1\.1 200/);
    expect(captured.map((c) => c.url)).toEqual(['/first', '/second']);
    conn.socket.destroy();
  });

  it('answers 408 once a request has started and its headers do not follow in time', async () => {
    const conn = await openRaw(listener.tunnelPort!);
    await idle(LIMITS.headersTimeoutMs * 2);
    const started = Date.now();
    conn.socket.write('POST /slow HTTP/1.1\r\nHost: x\r\n');
    const res = await conn.response;
    expect(res.status).toBe(408);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'request_timeout' });
    expect(JSON.parse(res.body).message).toMatch(/headers/);
    // Counted from the first byte, not from the connection.
    expect(Date.now() - started).toBeGreaterThanOrEqual(LIMITS.headersTimeoutMs - 50);
    expect(captured).toEqual([]);
    conn.socket.destroy();
  });

  it('closes quietly a connection that hangs up without a byte, and ends waiting ones on close', async () => {
    const quitter = await openRaw(listener.tunnelPort!);
    quitter.socket.end();
    expect((await quitter.response).status).toBe(0);

    const waiting = await openRaw(listener.tunnelPort!);
    await listener.close();
    await waiting.closed;
    expect((await waiting.response).status).toBe(0);
    expect(captured).toEqual([]);
    // afterEach closes again: a second close is harmless.
  });

  it('still answers 408 on the public port to a connection that sends nothing', async () => {
    const conn = await openRaw(listener.port);
    const res = await conn.response;
    expect(res.status).toBe(408);
    conn.socket.destroy();
  });
});
