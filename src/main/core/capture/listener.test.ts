import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureRecord } from '../../../shared/capture';
import { openCaptureStore } from '../store';
import type { CaptureStore } from '../store/types';
import { startCaptureListener, type CaptureListener } from './listener';
import { bodyBuffer } from '../body-buffer';

/** Raw HTTP over a socket: lets a test send header case, order and bytes fetch would normalise. */
function rawRequest(port: number, request: Buffer | string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    // write, not end: a half-closed socket would be dropped before the (asynchronous) answer.
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.on('data', (d) => (data += d.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d+)/.exec(data)?.[1] ?? 0);
      resolve({ status, body: data.slice(data.indexOf('\r\n\r\n') + 4) });
    });
  });
}

function post(port: number, pathName: string, body: Buffer | string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; json: { ok: boolean; id?: string; error?: string } }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathName, method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('capture listener', () => {
  let dir: string;
  let store: CaptureStore;
  let listener: CaptureListener;
  let captured: CaptureRecord[];

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-listener-'));
    store = await openCaptureStore({ dataDir: dir });
    captured = [];
    listener = await startCaptureListener({
      store,
      port: 0,
      limits: { bodyLimitBytes: 1024 },
      onCaptured: (r) => captured.push(r),
    });
  });

  afterEach(async () => {
    await listener.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers with the id only once the record is in the store, and keeps invalid UTF-8 byte-exact', async () => {
    const bytes = Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0xc3, 0x28, 0x7d, 0x0a]);
    const res = await post(listener.port, '/stripe/hook?x=1', bytes, { 'Content-Type': 'application/octet-stream' });
    expect(res.status).toBe(200);
    expect(res.json.ok).toBe(true);
    const stored = await store.get(res.json.id!);
    expect(stored).toBeDefined();
    expect(stored!.body.encoding).toBe('base64');
    expect(bodyBuffer(stored!.body).equals(bytes)).toBe(true);
    expect(stored!.url).toBe('/stripe/hook?x=1');
    expect(stored!.method).toBe('POST');
    expect(stored!.via).toBe('local');
  });

  it('keeps valid UTF-8 as text, including a BOM and non-ASCII characters', async () => {
    const text = '\ufeff{"name":"Zoë","emoji":"🚀"}';
    const res = await post(listener.port, '/', text, { 'Content-Type': 'application/json' });
    const stored = await store.get(res.json.id!);
    expect(stored!.body.encoding).toBe('utf8');
    expect(bodyBuffer(stored!.body).equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(stored!.body.size).toBe(Buffer.byteLength(text));
  });

  it('keeps header order, case and repeats exactly as sent', async () => {
    const body = '{"a":1}';
    const request =
      'POST /hook HTTP/1.1\r\n' +
      'Host: example.test\r\n' +
      'X-Foo: first\r\n' +
      'x-foo: second\r\n' +
      'Content-Type: application/json\r\n' +
      'X-FOO: third\r\n' +
      `Content-Length: ${body.length}\r\n` +
      'Connection: close\r\n\r\n' +
      body;
    const res = await rawRequest(listener.port, request);
    expect(res.status).toBe(200);
    expect(captured).toHaveLength(1);
    expect(captured[0].headers).toEqual([
      ['Host', 'example.test'],
      ['X-Foo', 'first'],
      ['x-foo', 'second'],
      ['Content-Type', 'application/json'],
      ['X-FOO', 'third'],
      ['Content-Length', String(body.length)],
      ['Connection', 'close'],
    ]);
  });

  it('answers 413 above the body limit (declared or chunked) and still captures the next request', async () => {
    const big = Buffer.alloc(2048, 0x61);
    const declared = await post(listener.port, '/big', big, { 'Content-Type': 'text/plain' });
    expect(declared.status).toBe(413);
    expect(declared.json.error).toBe('payload_too_large');

    const chunked = await rawRequest(
      listener.port,
      'POST /chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n' +
        `800\r\n${'b'.repeat(2048)}\r\n0\r\n\r\n`,
    );
    expect(chunked.status).toBe(413);

    const next = await post(listener.port, '/after', 'small', { 'Content-Type': 'text/plain' });
    expect(next.status).toBe(200);
    expect(store.list().map((c) => c.url)).toEqual(['/after']);
  });

  it('captures any method and path, with an empty body', async () => {
    const res = await rawRequest(
      listener.port,
      'DELETE /a/b%20c?x=1&x=2 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n',
    );
    expect(res.status).toBe(200);
    expect(captured[0]).toMatchObject({ method: 'DELETE', url: '/a/b%20c?x=1&x=2', body: { size: 0, text: '' } });
  });

  it('marks captures from the tunnel-only listener as via tunnel', async () => {
    const both = await startCaptureListener({ store, port: 0, tunnelPort: 0, onCaptured: (r) => captured.push(r) });
    try {
      expect(both.tunnelPort).toBeGreaterThan(0);
      await post(both.tunnelPort!, '/through-tunnel', '{}', { 'Content-Type': 'application/json' });
      await post(both.port, '/direct', '{}', { 'Content-Type': 'application/json' });
      expect(captured.map((c) => [c.url, c.via])).toEqual([
        ['/through-tunnel', 'tunnel'],
        ['/direct', 'local'],
      ]);
    } finally {
      await both.close();
    }
  });

  it('falls back to a free port when the preferred one is taken, and says so', async () => {
    const second = await startCaptureListener({ store, port: listener.port });
    try {
      expect(second.fellBack).toBe(true);
      expect(second.requestedPort).toBe(listener.port);
      expect(second.port).not.toBe(listener.port);
    } finally {
      await second.close();
    }
    await expect(startCaptureListener({ store, port: listener.port, fallbackToFreePort: false })).rejects.toThrow(
      /EADDRINUSE/,
    );
  });

  it('answers 503 when the store cannot write, and acknowledges nothing', async () => {
    const errors: unknown[] = [];
    const failing: CaptureStore = { ...store, add: () => Promise.reject(new Error('disk full')) };
    const l = await startCaptureListener({ store: failing, port: 0, onStoreError: (e) => errors.push(e) });
    try {
      const res = await post(l.port, '/x', '{}');
      expect(res.status).toBe(503);
      expect(res.json.ok).toBe(false);
      expect(errors).toHaveLength(1);
    } finally {
      await l.close();
    }
  });
  it('keeps the capture under the default endpoint when route throws, and reports the error', async () => {
    const errors: unknown[] = [];
    const l = await startCaptureListener({
      store,
      port: 0,
      route: () => {
        throw new Error('route bug');
      },
      onError: (e) => errors.push(e),
    });
    try {
      const res = await post(l.port, '/routed', '{}');
      expect(res.status).toBe(200);
      expect(await store.get(res.json.id!)).toMatchObject({ url: '/routed', endpointId: 'default' });
      expect(errors.map((e) => (e as Error).message)).toEqual(['route bug']);
    } finally {
      await l.close();
    }
  });

  it('answers 500 when a configured reply cannot be written, keeps the capture, and frames bodies itself', async () => {
    const errors: unknown[] = [];
    const l = await startCaptureListener({
      store,
      port: 0,
      route: (_m, url) => ({
        endpointId: 'default',
        reply: () =>
          url === '/bad-reply'
            ? { status: 200, headers: [['Bad Name', 'x']], body: 'never' }
            : {
                status: 201,
                headers: [
                  ['Content-Length', '999'],
                  ['Transfer-Encoding', 'chunked'],
                  ['X-Ok', 'yes'],
                ],
                body: '{"ok":true}',
              },
      }),
      onError: (e) => errors.push(e),
    });
    try {
      const bad = await post(l.port, '/bad-reply', '{}');
      expect(bad.status).toBe(500);
      expect(bad.json).toMatchObject({ ok: false, error: 'reply_failed' });
      expect(store.list().map((c) => c.url)).toEqual(['/bad-reply']);
      expect(errors).toHaveLength(1);

      // node:http's client rejects a response with conflicting framing headers.
      const framed = await post(l.port, '/framed', '{}');
      expect(framed.status).toBe(201);
      expect(framed.json).toEqual({ ok: true });
    } finally {
      await l.close();
    }
  });

  it('applies a new body limit from setLimits to the next request', async () => {
    const body = 'x'.repeat(2000);
    expect((await post(listener.port, '/before', body)).status).toBe(413);
    listener.setLimits({ bodyLimitBytes: 4096 });
    expect((await post(listener.port, '/raised', body)).status).toBe(200);
    expect(store.list().map((c) => c.url)).toEqual(['/raised']);
  });
});

describe('capture listener and restart', () => {
  it('keeps captures across a restart of store and listener', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-restart-'));
    try {
      let store = await openCaptureStore({ dataDir: dir });
      let listener = await startCaptureListener({ store, port: 0 });
      const first = await post(listener.port, '/one', '{"n":1}', { 'Content-Type': 'application/json' });
      await listener.close();
      await store.close();

      store = await openCaptureStore({ dataDir: dir });
      listener = await startCaptureListener({ store, port: 0 });
      const second = await post(listener.port, '/two', '{"n":2}', { 'Content-Type': 'application/json' });
      expect(store.list().map((c) => c.id)).toEqual([second.json.id, first.json.id]);
      expect((await store.get(first.json.id!))!.body.text).toBe('{"n":1}');
      await listener.close();
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
