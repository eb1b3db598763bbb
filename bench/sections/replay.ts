/*
 * Replay round trip against a local server: the wire time of one send (fresh connection, request,
 * full response, as each replay does) and the whole one-click Replay as the UI calls it (load the
 * capture, send, append to the history file, emit the event). Sequential sends; p50/p95/mean.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { QUICK, type BenchSection } from '../section';
import { newCaptureId } from '../../src/main/core/capture/capture-id';
import { capturedBody } from '../../src/main/core/body-buffer';
import { createCoreEvents } from '../../src/main/core/events';
import { openSettingsStore } from '../../src/main/core/settings/settings-store';
import { openCaptureStore } from '../../src/main/core/store';
import { createReplayService } from '../../src/main/core/replay/replay-service';
import { sendRequest } from '../../src/main/core/replay/send-request';
import { startEchoServer } from '../../src/main/core/replay/test-support/echo-server';

export interface RoundTripFigures {
  iterations: number;
  bodyBytes: number;
  sendMs: { p50: number; p95: number; mean: number };
  replayMs: { p50: number; p95: number; mean: number };
}

function stats(samples: number[]): { p50: number; p95: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const round = (n: number): number => Math.round(n * 100) / 100;
  return {
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    mean: round(samples.reduce((a, b) => a + b, 0) / samples.length),
  };
}

export async function benchReplayRoundTrip(iterations = 300, bodyBytes = 2048): Promise<RoundTripFigures> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-bench-replay-'));
  const echo = await startEchoServer();
  const store = await openCaptureStore({ dataDir });
  const settings = await openSettingsStore(dataDir);
  await settings.update('replay', { targetBase: echo.url });
  const service = await createReplayService({
    store,
    dataDir,
    settings,
    events: createCoreEvents(),
    history: { perCapture: 50 },
  });
  try {
    const body = JSON.stringify({ type: 'invoice.paid', pad: 'x'.repeat(Math.max(0, bodyBytes - 30)) });
    const record = {
      id: newCaptureId(),
      endpointId: 'default',
      receivedAt: new Date().toISOString(),
      method: 'POST',
      url: '/webhooks/bench?x=1',
      httpVersion: '1.1',
      headers: [
        ['Host', 'abc.loca.lt'],
        ['Content-Type', 'application/json'],
        ['Content-Length', String(body.length)],
      ] as [string, string][],
      body: capturedBody(Buffer.from(body)),
      remoteAddress: '127.0.0.1',
      via: 'tunnel' as const,
      response: { status: 200, ms: 1 },
    };
    await store.add(record);
    const request = {
      method: 'POST',
      url: `${echo.url}/webhooks/bench?x=1`,
      headers: record.headers,
      body: { encoding: 'utf8' as const, text: body },
    };

    for (let i = 0; i < 20; i += 1) await sendRequest(request, { timeoutMs: 5000 }); // warm-up
    const send: number[] = [];
    for (let i = 0; i < iterations; i += 1) send.push((await sendRequest(request, { timeoutMs: 5000 })).ms);
    const replay: number[] = [];
    for (let i = 0; i < iterations; i += 1) {
      const t = performance.now();
      await service.handlers.replayCapture(record.id);
      replay.push(performance.now() - t);
    }
    return { iterations, bodyBytes: Buffer.byteLength(body), sendMs: stats(send), replayMs: stats(replay) };
  } finally {
    await service.close();
    await store.close();
    await echo.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export const section: BenchSection = {
  name: 'replay',
  async run() {
    const f = await benchReplayRoundTrip(QUICK ? 60 : 300);
    return {
      replay_body_bytes: f.bodyBytes,
      replay_iterations: f.iterations,
      replay_send_p50_ms: f.sendMs.p50,
      replay_send_p95_ms: f.sendMs.p95,
      replay_send_mean_ms: f.sendMs.mean,
      replay_one_click_p50_ms: f.replayMs.p50,
      replay_one_click_p95_ms: f.replayMs.p95,
      replay_one_click_mean_ms: f.replayMs.mean,
    };
  },
};
