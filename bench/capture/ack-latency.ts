/*
 * Acknowledgement latency: time from a webhook being due to its 2xx (which the listener sends only
 * once the capture is durable) at a steady 200 requests/s with 10,000 captures stored, the
 * retention cap evicting as new ones arrive. The same load against bare node:http gives the floor
 * this machine sets (scheduling, loopback), and fsync_p99_ms the disk's part.
 */
import { QUICK, type BenchFigures, type BenchSection } from '../section';
import { startServer } from '../support/child';
import { fixedRate, percentileOf } from '../support/fixed-rate';
import { ONE_KB_JSON, prefill, tempDataDir } from '../support/prefill';

const RATE = 200;
const DURATION_S = QUICK ? 5 : 30;

interface Run {
  p50: number;
  p99: number;
  max: number;
  ok: number;
  failed: number;
  flushes: number[];
}

async function run(args: string[]): Promise<Run> {
  const server = await startServer(args);
  try {
    await fixedRate(server.port, ONE_KB_JSON, RATE, 1); // warm-up
    await server.flushes();
    const { latencies, failed } = await fixedRate(server.port, ONE_KB_JSON, RATE, DURATION_S);
    const flushes = (await server.flushes()).sort((a, b) => a - b);
    return {
      p50: percentileOf(latencies, 50),
      p99: percentileOf(latencies, 99),
      max: percentileOf(latencies, 100),
      ok: latencies.length,
      failed,
      flushes,
    };
  } finally {
    await server.stop();
  }
}

export const ackLatency: BenchSection = {
  name: 'ack-latency',
  async run(): Promise<BenchFigures> {
    const dir = await tempDataDir('ack');
    await prefill(dir, 10_000);
    const hooklens = await run(['hooklens', dir, '10000']);
    const bare = await run(['bare']);
    if (hooklens.failed) throw new Error(`${hooklens.failed} captures failed during the ack run`);
    return {
      ack_p50_ms: hooklens.p50,
      ack_p99_ms: hooklens.p99,
      ack_max_ms: hooklens.max,
      ack_requests: hooklens.ok,
      // The store's own batch times during the same run (journal write + fdatasync): the disk's share.
      ack_run_flush_p50_ms: percentileOf(hooklens.flushes, 50),
      ack_run_flush_p99_ms: percentileOf(hooklens.flushes, 99),
      ack_run_flush_max_ms: percentileOf(hooklens.flushes, 100),
      ack_run_batches: hooklens.flushes.length,
      ack_bare_node_p50_ms: bare.p50,
      ack_bare_node_p99_ms: bare.p99,
      ack_rate_per_s: RATE,
      ack_duration_s: DURATION_S,
    };
  },
};
