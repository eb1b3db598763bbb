/*
 * Handler check: a full `hooklens check` (every probe except the slow large-body one: 17 requests,
 * 5 of them concurrent) against a local handler that verifies with Stripe's SDK and keeps a
 * seen-ids set. `check_run_ms` is the median wall time of the run; the target is at most 1,000 ms.
 */
import { QUICK, type BenchSection } from '../section';
import { runCheck } from '../../src/main/core/check/run-check';
import { startCorrectHandler } from '../../src/main/core/check/test-support/handlers';

const SECRET = 'whsec_bench_check_0123456789';

export const section: BenchSection = {
  name: 'check',
  async run() {
    const handler = await startCorrectHandler('stripe', SECRET);
    try {
      const times: number[] = [];
      let requests = 0;
      let failed = 0;
      for (let i = 0; i < (QUICK ? 3 : 11); i++) {
        const outcome = await runCheck({ target: handler.url, providerId: 'stripe', secret: SECRET, fast: true });
        if (outcome.kind !== 'report') throw new Error(outcome.message);
        times.push(outcome.report.summary.ms);
        requests = outcome.report.probes.reduce((n, p) => n + p.attempts.length, 0);
        failed += outcome.report.summary.fail;
      }
      times.sort((a, b) => a - b);
      return {
        check_run_ms: times[Math.floor(times.length / 2)]!,
        check_run_max_ms: times[times.length - 1]!,
        check_requests_per_run: requests,
        check_failed_probes: failed,
      };
    } finally {
      await handler.close();
    }
  },
};
