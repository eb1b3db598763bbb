/*
 * Capture throughput: requests per second that end in a 2xx, for Hooklens's real listener + store,
 * a bare node:http server that only reads the body, and mockttp recording the same requests;
 * each with nothing stored and with 10,000 already stored; then the whole app core (`app_*`: the
 * listener and store plus endpoints, health, search indexing and event fan-out) the same two ways.
 * Every server runs in its own process;
 * autocannon drives it over loopback with 1 KB JSON bodies.
 */
import autocannon from 'autocannon';
import { QUICK, type BenchFigures, type BenchSection } from '../section';
import { startServer } from '../support/child';
import { ONE_KB_JSON, prefill, tempDataDir } from '../support/prefill';

const DURATION_S = QUICK ? 3 : 8;
const CONNECTIONS = 64;
const STORED = 10_000;

interface Measured {
  rps: number;
  cpuMicrosPerRequest: number;
}

async function load(
  port: number,
  opts: { duration?: number; amount?: number },
): Promise<{ rps: number; requests: number }> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/hooks/bench`,
    method: 'POST',
    body: ONE_KB_JSON,
    headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=abc' },
    connections: CONNECTIONS,
    ...opts,
  });
  if (result.errors || result.non2xx) throw new Error(`load run saw ${result.errors} errors, ${result.non2xx} non-2xx`);
  // Successful requests over the run, not autocannon's per-second mean (which drops partial seconds).
  return { rps: Math.round(result.requests.total / result.duration), requests: result.requests.total };
}

async function measure(args: string[], fillRequests = 0): Promise<Measured> {
  const server = await startServer(args);
  try {
    // Warm up (JIT, connection pool), and for mockttp, store the 10,000 it must hold.
    await load(server.port, { amount: Math.max(fillRequests, 2000) });
    const cpuBefore = await server.cpuMicros();
    const { rps, requests } = await load(server.port, { duration: DURATION_S });
    const cpu = (await server.cpuMicros()) - cpuBefore;
    return { rps, cpuMicrosPerRequest: Math.round(cpu / requests) };
  } finally {
    await server.stop();
  }
}

export const captureThroughput: BenchSection = {
  name: 'capture-throughput',
  async run(): Promise<BenchFigures> {
    const empty = await tempDataDir('rps0');
    const stored = await tempDataDir('rps10k');
    await prefill(stored, STORED);
    const bare = await measure(['bare']);
    const mockttp0 = await measure(['mockttp']);
    const mockttp10k = await measure(['mockttp'], STORED);
    const hooklens0 = await measure(['hooklens', empty, String(1_000_000)]);
    const hooklens10k = await measure(['hooklens', stored, String(STORED)]);
    const slower = Math.min(hooklens0.rps, hooklens10k.rps);
    // The whole app's core, at its default cap of 10,000: empty, then full (each capture evicts one).
    const appEmpty = await tempDataDir('rps-app0');
    const appFull = await tempDataDir('rps-app10k');
    await prefill(appFull, STORED);
    const app0 = await measure(['app', appEmpty]);
    const app10k = await measure(['app', appFull]);
    const appSlower = Math.min(app0.rps, app10k.rps);
    return {
      bare_node_rps: bare.rps,
      capture_rps: hooklens0.rps,
      capture_rps_10k: hooklens10k.rps,
      mockttp_rps: mockttp0.rps,
      mockttp_rps_10k: mockttp10k.rps,
      capture_vs_bare: Math.round((slower / bare.rps) * 100) / 100,
      // The strict ratio above sets Hooklens's slower case against mockttp's faster one; these two
      // compare like with like (nothing stored, then at the 10,000 cap).
      capture_vs_mockttp: Math.round((slower / Math.max(mockttp0.rps, mockttp10k.rps)) * 100) / 100,
      capture_vs_mockttp_empty: Math.round((hooklens0.rps / mockttp0.rps) * 100) / 100,
      capture_vs_mockttp_10k: Math.round((hooklens10k.rps / mockttp10k.rps) * 100) / 100,
      bare_node_cpu_us_per_req: bare.cpuMicrosPerRequest,
      capture_cpu_us_per_req: hooklens0.cpuMicrosPerRequest,
      capture_cpu_us_per_req_10k: hooklens10k.cpuMicrosPerRequest,
      mockttp_cpu_us_per_req: mockttp0.cpuMicrosPerRequest,
      mockttp_cpu_us_per_req_10k: mockttp10k.cpuMicrosPerRequest,
      app_capture_rps: app0.rps,
      app_capture_rps_10k: app10k.rps,
      app_capture_vs_bare: Math.round((appSlower / bare.rps) * 100) / 100,
      app_capture_vs_mockttp: Math.round((appSlower / Math.max(mockttp0.rps, mockttp10k.rps)) * 100) / 100,
      app_capture_cpu_us_per_req: app0.cpuMicrosPerRequest,
      app_capture_cpu_us_per_req_10k: app10k.cpuMicrosPerRequest,
      rps_duration_s: DURATION_S,
      rps_connections: CONNECTIONS,
    };
  },
};
