/*
 * The bad-input corpus's set-up: a real listener and store per test, with small limits and
 * timeouts so the slow-client cases finish quickly, and the checks every case ends with (its error
 * answer, nothing captured, and the very next normal request captured).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { openCaptureStore } from '../../store';
import type { CaptureStore } from '../../store/types';
import { startCaptureListener, type CaptureListener, type CaptureListenerOptions } from '../listener';
import type { RawResponse } from './raw-client';

export const MiB = 1024 * 1024;
export const LIMITS = { bodyLimitBytes: MiB, headersTimeoutMs: 500, requestTimeoutMs: 1000 };
export const HUNDRED_MB = 100 * MiB;

let dir: string;
// Live bindings: set afresh before each test (and by restartListener), read by the tests.
export let store: CaptureStore;
export let listener: CaptureListener;
export let errors: unknown[];

async function start(extra: Partial<CaptureListenerOptions> = {}): Promise<CaptureListener> {
  return startCaptureListener({ store, port: 0, limits: LIMITS, onError: (e) => errors.push(e), ...extra });
}

/** Replaces the listener of this test with one started with `extra` options, on a new port. */
export async function restartListener(extra: Partial<CaptureListenerOptions>): Promise<CaptureListener> {
  await listener.close();
  listener = await start(extra);
  return listener;
}

/** Registers the hooks that give each test its own store and listener. */
export function useBadInputListener(): void {
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
}

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
export async function expectOnlyNextCaptured(port = listener.port, earlier: string[] = []): Promise<void> {
  const res = await post(port, '/after', '{"after":true}');
  expect(res.status).toBe(200);
  expect(await store.get(res.json.id!)).toMatchObject({ url: '/after', body: { text: '{"after":true}' } });
  expect(store.list().map((c) => c.url)).toEqual(['/after', ...earlier]);
}

export function expectRefusal(res: RawResponse, status: number, error: string): void {
  expect(res.status).toBe(status);
  expect(res.headers.connection).toBe('close');
  expect(JSON.parse(res.body)).toMatchObject({ ok: false, error });
}

export const chunkedHead = (p: string): string => `POST ${p} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n`;
