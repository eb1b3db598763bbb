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
    // The whole app's core, at its default cap of 10,000: empty, then full (each capture evicts one).
    const appEmpty = await tempDataDir('rps-app0');
    const appFull = await tempDataDir('rps-app10k');
    await prefill(appFull, STORED);
    const app0 = await measure(['app', appEmpty]);
    const app10k = await measure(['app', appFull]);
    const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;
    /** The figures of one Hooklens server against the others, named with `prefix`. */
    const against = (prefix: string, empty: Measured, full: Measured): BenchFigures => {
      const slower = Math.min(empty.rps, full.rps);
      return {
        [`${prefix}_rps`]: empty.rps,
        [`${prefix}_rps_10k`]: full.rps,
        [`${prefix}_vs_bare`]: ratio(slower, bare.rps),
        // Hooklens's slower case against mockttp's faster one.
        [`${prefix}_vs_mockttp`]: ratio(slower, Math.max(mockttp0.rps, mockttp10k.rps)),
        // Like with like: nothing stored, then at the 10,000 cap.
        [`${prefix}_vs_mockttp_empty`]: ratio(empty.rps, mockttp0.rps),
        [`${prefix}_vs_mockttp_10k`]: ratio(full.rps, mockttp10k.rps),
        [`${prefix}_cpu_us_per_req`]: empty.cpuMicrosPerRequest,
        [`${prefix}_cpu_us_per_req_10k`]: full.cpuMicrosPerRequest,
      };
    };
    return {
      bare_node_rps: bare.rps,
      mockttp_rps: mockttp0.rps,
      mockttp_rps_10k: mockttp10k.rps,
      bare_node_cpu_us_per_req: bare.cpuMicrosPerRequest,
      mockttp_cpu_us_per_req: mockttp0.cpuMicrosPerRequest,
      mockttp_cpu_us_per_req_10k: mockttp10k.cpuMicrosPerRequest,
      ...against('capture', hooklens0, hooklens10k),
      ...against('app_capture', app0, app10k),
      rps_duration_s: DURATION_S,
      rps_connections: CONNECTIONS,
    };
  },
};
