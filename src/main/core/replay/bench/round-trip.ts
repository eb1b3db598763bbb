/*
 * Replay round-trip figures against a local server: the wire time of one send (connect, request,
 * full response) and the whole one-click replay (load the capture, send, append to the history
 * file). Called by the bench runner; prints nothing itself.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { newCaptureId } from '../../capture/capture-id';
import { encodeBody } from '../../capture/raw-request';
import { createCoreEvents } from '../../events';
import { openSettingsStore } from '../../settings/settings-store';
import { openCaptureStore } from '../../store';
import { createReplayService } from '../replay-service';
import { sendRequest } from '../send-request';
import { startEchoServer } from '../test-echo-server';

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
  return { p50: round(at(0.5)), p95: round(at(0.95)), mean: round(samples.reduce((a, b) => a + b, 0) / samples.length) };
}

export async function benchReplayRoundTrip(iterations = 300, bodyBytes = 2048): Promise<RoundTripFigures> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-bench-replay-'));
  const echo = await startEchoServer();
  const store = await openCaptureStore({ dataDir });
  const settings = await openSettingsStore(dataDir);
  await settings.update('replay', { targetBase: echo.url });
  const service = await createReplayService({ store, dataDir, settings, events: createCoreEvents(), history: { perCapture: 50 } });
  try {
    const body = JSON.stringify({ type: 'invoice.paid', pad: 'x'.repeat(Math.max(0, bodyBytes - 30)) });
    const record = {
      id: newCaptureId(),
      endpointId: 'default',
      receivedAt: new Date().toISOString(),
      method: 'POST',
      url: '/webhooks/bench?x=1',
      httpVersion: '1.1',
      headers: [['Host', 'abc.loca.lt'], ['Content-Type', 'application/json'], ['Content-Length', String(body.length)]] as [string, string][],
      body: encodeBody(Buffer.from(body)),
      remoteAddress: '127.0.0.1',
      via: 'tunnel' as const,
      response: { status: 200, ms: 1 },
    };
    await store.add(record);
    const request = { method: 'POST', url: `${echo.url}/webhooks/bench?x=1`, headers: record.headers, body: { encoding: 'utf8' as const, text: body } };

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
