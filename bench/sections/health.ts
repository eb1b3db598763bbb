/*
 * Webhook health on the capture path and in the view.
 * - health_us_per_capture_*: classification (provider, event type and id), signature verdict (with
 *   a stored secret, or none), duplicate check, aggregates and alerts, CPU µs per capture.
 * - capture_health_rps / capture_plain_rps: the capture throughput run's traffic (real listener +
 *   store, autocannon, 1 KB JSON with a Stripe-Signature header, no secret) with and without
 *   health, in both of that run's cases: nothing stored with a 1,000,000 cap (the store grows
 *   through the run) and `_10k`, the default cap of 10,000 reached. capture_health_vs_plain(_10k)
 *   is the ratio (the bar: at least 0.9); each figure is the median of 5 runs taken in turns with
 *   its plain counterpart. capture_verified_* do the same (median of 3) with valid Stripe
 *   signatures and the secret stored, so every capture is verified. --quick takes 1 run each.
 * - health_report_100k_day_ms: reading the health report (a day of per-minute aggregates) with
 *   100,000 captures stored, and health_seed_100k_ms: building the aggregates from them at start.
 * - health_view_render_100k_ms: in Chromium against the built app (`npx electron-vite build`
 *   first) with those 100,000 stored: from the Health click to the tiles and five charts drawn,
 *   for the last 24 hours (median of a few opens).
 * HOOKLENS_BENCH_HEALTH_CAPTURE_ONLY=1 skips the 100,000-capture figures (fill, report, render),
 * for quick runs while working on the capture path.
 */
import autocannon from 'autocannon';
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openCaptureStore } from '../../src/main/core/store';
import { stripe } from '../../src/main/core/signatures/providers/stripe';
import { makeRecord } from '../../src/main/core/store/test-support/records';
import type { CaptureRecord } from '../../src/shared/capture';
import { QUICK, type BenchFigures, type BenchSection } from '../section';
import { startServer } from '../support/child';
import { BENCH_STRIPE_SECRET, benchHealthService } from '../support/health-store';
import { ONE_KB_JSON, tempDataDir } from '../support/prefill';
import type { SignatureVerdict } from '../../src/shared/health';
import { median } from '../support/median';

const STORED = 100_000;
const DURATION_S = QUICK ? 3 : 8;
const CONNECTIONS = 64;

function stripeHeaders(body: string): Record<string, string> {
  const signed = stripe.sign!({
    secret: BENCH_STRIPE_SECRET,
    body: Buffer.from(body),
    timestamp: Math.floor(Date.now() / 1000),
  });
  return Object.fromEntries([['content-type', 'application/json'], ...signed]);
}

/**
 * CPU µs per capture (CPU time, not wall time: the machine running the bench may be busy). Records
 * are built a thousand at a time outside the timed loops: 100,000 prebuilt 1 KB records would make
 * the figure mostly the garbage collector walking them.
 */
async function perCapture(make: (i: number) => CaptureRecord, n: number, withSecret = true): Promise<number> {
  const dir = await tempDataDir('health-cost');
  const store = await openCaptureStore({ dataDir: dir });
  const CHUNK = 1000;
  try {
    const service = benchHealthService(store, withSecret);
    const wrapped = service.captureStore({ add: async () => undefined });
    // Warm the JIT on records that are then dropped.
    for (let i = 0; i < Math.min(2000, n); i += 1) void wrapped.add(make(n + i));
    let micros = 0;
    for (let done = 0; done < n; done += CHUNK) {
      const records = Array.from({ length: Math.min(CHUNK, n - done) }, (_, k) => make(done + k));
      const started = process.cpuUsage();
      for (const r of records) {
        void wrapped.add(r);
        service.onCapture(r);
      }
      const cpu = process.cpuUsage(started);
      micros += cpu.user + cpu.system;
    }
    await service.close();
    return Math.round((micros / n) * 10) / 10;
  } finally {
    await store.close();
  }
}

type ServerKind = 'hooklens' | 'hooklens-health' | 'hooklens-health-secret';

/** `maxCaptures` as in the capture throughput run's two cases: 1,000,000 (the store grows) or the default 10,000. */
async function throughput(kind: ServerKind, headers: Record<string, string>, maxCaptures: number) {
  const dir = await tempDataDir(`health-${kind}`);
  const server = await startServer([kind, dir, String(maxCaptures)]);
  try {
    const run = async (opts: { duration?: number; amount?: number }) => {
      const r = await autocannon({
        url: `http://127.0.0.1:${server.port}/hooks/bench`,
        method: 'POST',
        body: ONE_KB_JSON,
        headers,
        connections: CONNECTIONS,
        ...opts,
      });
      if (r.errors || r.non2xx) throw new Error(`load run saw ${r.errors} errors, ${r.non2xx} non-2xx`);
      return { rps: Math.round(r.requests.total / r.duration), requests: r.requests.total };
    };
    await run({ amount: 2000 });
    const cpuBefore = await server.cpuMicros();
    const { rps, requests } = await run({ duration: DURATION_S });
    return { rps, cpuUs: Math.round(((await server.cpuMicros()) - cpuBefore) / requests) };
  } finally {
    await server.stop();
  }
}

/** Rounds per pair: the bar's pair gets more, as the two servers' req/s move 10–20 % between runs here. */
const BAR_ROUNDS = QUICK ? 1 : 5;
const ROUNDS = QUICK ? 1 : 3;

/**
 * The two servers in turns (a, b, a, b, …), each figure the median of its rounds: a machine whose
 * speed drifts during the run then shifts both alike instead of skewing their ratio.
 */
async function alternating(
  a: ServerKind,
  b: ServerKind,
  headers: Record<string, string>,
  { maxCaptures = 1_000_000, rounds = ROUNDS } = {},
): Promise<[{ rps: number; cpuUs: number }, { rps: number; cpuUs: number }]> {
  const runs: [Array<{ rps: number; cpuUs: number }>, Array<{ rps: number; cpuUs: number }>] = [[], []];
  for (let i = 0; i < rounds; i += 1) {
    runs[0].push(await throughput(a, headers, maxCaptures));
    runs[1].push(await throughput(b, headers, maxCaptures));
  }
  const summary = (rs: Array<{ rps: number; cpuUs: number }>) => ({
    rps: median(rs.map((r) => r.rps)),
    cpuUs: median(rs.map((r) => r.cpuUs)),
  });
  return [summary(runs[0]), summary(runs[1])];
}

/** 100,000 captures spread over the last day, classified as the listener would have. */
async function fillClassified(dataDir: string, count: number): Promise<void> {
  const store = await openCaptureStore({ dataDir, maxCaptures: count });
  const verdicts: SignatureVerdict[] = ['valid', 'valid', 'valid', 'invalid', 'no-secret', 'unsigned'];
  const start = Date.now() - 86_400_000;
  for (let done = 0; done < count; done += 2000) {
    const batch = Array.from({ length: Math.min(2000, count - done) }, (_, k) => {
      const i = done + k;
      return makeRecord(ONE_KB_JSON, {
        endpointId: i % 3 === 0 ? 'default' : `ep_${i % 5}`,
        receivedAt: new Date(start + Math.floor((i / count) * 86_400_000)).toISOString(),
        health: {
          provider: 'stripe',
          verdict: verdicts[i % verdicts.length],
          eventType: 'invoice.paid',
          eventId: `evt_${i % 90_000}`,
        },
      });
    });
    await Promise.all(batch.map((r) => store.add(r)));
  }
  await store.close();
}

async function renderTime(dataDir: string): Promise<number | null> {
  const chromiumPath = process.env.HOOKLENS_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(new URL('../../out/main/cli.js', import.meta.url)) || !existsSync(chromiumPath)) return null;
  const { chromium } = await import('@playwright/test');
  const cli = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url));
  const child = spawn(
    process.execPath,
    [cli, 'serve', '--no-open', '--no-tunnel', '--port', '0', '--capture-port', '0', '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const uiUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`hooklens serve did not start:\n${out}`)), 120_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const ui = /^Hooklens UI: (\S+)$/m.exec(out)?.[1];
      if (ui) {
        clearTimeout(timer);
        resolve(ui);
      }
    });
    child.on('exit', (code) => reject(new Error(`hooklens serve exited with ${code}:\n${out}`)));
  });
  const browser = await chromium.launch({ executablePath: chromiumPath });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    await page.goto(uiUrl);
    await page.locator('.app[data-ready="true"]').waitFor({ timeout: 120_000 });
    const times: number[] = [];
    for (let i = 0; i < (QUICK ? 3 : 7); i += 1) {
      const t = performance.now();
      await page.getByRole('button', { name: 'Health', exact: true }).click();
      if (i === 0) await page.getByRole('combobox', { name: 'Health window' }).selectOption('1440');
      await page
        .getByRole('group', { name: 'Deliveries', exact: true })
        .getByRole('definition')
        .filter({ hasText: /^[1-9]/ })
        .waitFor();
      await page.waitForFunction("document.querySelectorAll('.health-chart canvas').length === 5");
      times.push(performance.now() - t);
      await page.getByRole('region', { name: 'Webhook health' }).getByRole('button', { name: 'Close' }).click();
    }
    times.sort((a, b) => a - b);
    return Math.round(times[Math.floor(times.length / 2)]);
  } finally {
    await browser.close();
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await gone;
  }
}

export const section: BenchSection = {
  name: 'health',
  async run(): Promise<BenchFigures> {
    const n = QUICK ? 20_000 : 100_000;
    const event = (i: number): string => ONE_KB_JSON.replace('{', `{"id":"evt_${i}","object":"event",`);
    const stripeRecord = (i: number): CaptureRecord => {
      const body = event(i);
      return makeRecord(body, { headers: [['Host', '127.0.0.1'], ...Object.entries(stripeHeaders(body))] });
    };
    const stripeVerified = await perCapture(stripeRecord, n);
    const stripeNoSecret = await perCapture(stripeRecord, n, false);
    const stripeForged = await perCapture((i) => {
      const r = stripeRecord(i);
      return {
        ...r,
        headers: r.headers.map(([k, v]): [string, string] => [
          k,
          k === 'stripe-signature' ? v.replace(/v1=./, 'v1=0') : v,
        ]),
      };
    }, n);
    const github = await perCapture(
      (i) =>
        makeRecord('{"action":"opened","issue":{"number":1}}', {
          headers: [
            ['Host', '127.0.0.1'],
            ['Content-Type', 'application/json'],
            ['X-GitHub-Event', 'issues'],
            ['X-GitHub-Delivery', `d-${i % 500}`],
          ],
        }),
      n,
    );
    const unsigned = await perCapture(() => makeRecord(ONE_KB_JSON), n);

    // The same traffic as the capture throughput run (a Stripe-Signature header, no secret stored),
    // then Stripe-signed events verified with a stored secret.
    const benchHeaders = { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=abc' };
    const [plain, withHealth] = await alternating('hooklens', 'hooklens-health', benchHeaders, { rounds: BAR_ROUNDS });
    const [plainAtCap, healthAtCap] = await alternating('hooklens', 'hooklens-health', benchHeaders, {
      maxCaptures: 10_000,
      rounds: BAR_ROUNDS,
    });
    const signedHeaders = stripeHeaders(ONE_KB_JSON);
    const [plainSigned, verified] = await alternating('hooklens', 'hooklens-health-secret', signedHeaders);

    const captureFigures = {
      health_us_per_capture_stripe_no_secret: stripeNoSecret,
      health_us_per_capture_stripe_verified: stripeVerified,
      health_us_per_capture_stripe_forged: stripeForged,
      health_us_per_capture_github_duplicates: github,
      health_us_per_capture_unsigned: unsigned,
      capture_plain_rps: plain.rps,
      capture_health_rps: withHealth.rps,
      capture_health_vs_plain: Math.round((withHealth.rps / plain.rps) * 100) / 100,
      capture_plain_cpu_us_per_req: plain.cpuUs,
      capture_health_cpu_us_per_req: withHealth.cpuUs,
      capture_plain_10k_rps: plainAtCap.rps,
      capture_health_10k_rps: healthAtCap.rps,
      capture_health_vs_plain_10k: Math.round((healthAtCap.rps / plainAtCap.rps) * 100) / 100,
      capture_plain_10k_cpu_us_per_req: plainAtCap.cpuUs,
      capture_health_10k_cpu_us_per_req: healthAtCap.cpuUs,
      capture_signed_plain_rps: plainSigned.rps,
      capture_signed_verified_rps: verified.rps,
      capture_verified_vs_plain: Math.round((verified.rps / plainSigned.rps) * 100) / 100,
      capture_signed_plain_cpu_us_per_req: plainSigned.cpuUs,
      capture_verified_cpu_us_per_req: verified.cpuUs,
    };
    if (process.env.HOOKLENS_BENCH_HEALTH_CAPTURE_ONLY === '1') return captureFigures;

    const dir = await tempDataDir('health-100k');
    await fillClassified(dir, STORED);
    const store = await openCaptureStore({ dataDir: dir, maxCaptures: STORED });
    let seedMs: number;
    const reportMs: number[] = [];
    try {
      const t0 = performance.now();
      const service = benchHealthService(store);
      seedMs = performance.now() - t0;
      for (let i = 0; i < (QUICK ? 5 : 21); i += 1) {
        const t = performance.now();
        await service.handlers.getHealth({ minutes: 1440 });
        reportMs.push(performance.now() - t);
      }
      await service.close();
    } finally {
      await store.close();
    }
    reportMs.sort((a, b) => a - b);
    const renderMs = await renderTime(dir);
    return {
      ...(renderMs === null
        ? { health_view_render_skipped: 'no built app or no Chromium' }
        : { health_view_render_100k_ms: renderMs }),
      ...captureFigures,
      health_seed_100k_ms: Math.round(seedMs * 10) / 10,
      health_report_100k_day_ms: Math.round(reportMs[Math.floor(reportMs.length / 2)] * 100) / 100,
    };
  },
};
