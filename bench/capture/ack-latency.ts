/*
 * Acknowledgement latency: time from sending a webhook to its 2xx (which the listener sends only
 * once the capture is durable) at a steady 200 requests/s with 10,000 captures stored, the
 * retention cap evicting as new ones arrive. autocannon corrects for coordinated omission.
 */
import autocannon from 'autocannon';
import { QUICK, type BenchFigures, type BenchSection } from '../section';
import { startServer } from '../support/child';
import { ONE_KB_JSON, prefill, tempDataDir } from '../support/prefill';

const RATE = 200;
const DURATION_S = QUICK ? 5 : 30;

export const ackLatency: BenchSection = {
  name: 'ack-latency',
  async run(): Promise<BenchFigures> {
    const dir = await tempDataDir('ack');
    await prefill(dir, 10_000);
    const server = await startServer(['hooklens', dir, '10000']);
    try {
      const result = await autocannon({
        url: `http://127.0.0.1:${server.port}/hooks/bench`,
        method: 'POST',
        body: ONE_KB_JSON,
        headers: { 'content-type': 'application/json' },
        connections: 20,
        overallRate: RATE,
        duration: DURATION_S,
      });
      if (result.errors || result.non2xx) throw new Error(`ack run saw ${result.errors} errors, ${result.non2xx} non-2xx`);
      return {
        ack_p50_ms: result.latency.p50,
        ack_p90_ms: result.latency.p90,
        ack_p99_ms: result.latency.p99,
        ack_max_ms: result.latency.max,
        ack_requests: result.requests.total,
        ack_duration_s: DURATION_S,
      };
    } finally {
      await server.stop();
    }
  },
};
