/*
 * Signature checks: a valid Stripe check and a failing one (which runs the re-encoding diagnosis
 * over secret and body variants) on a 2 KB and a ~100 KB / ~500 KB JSON event, plus detection over
 * the whole registry. Medians of repeated runs, in milliseconds.
 */
import { performance } from 'node:perf_hooks';
import { QUICK, type BenchSection } from '../section';
import { stripe } from '../../src/main/core/signatures/providers/stripe';
import { detectProviders } from '../../src/main/core/signatures/registry';
import type { SignedRequest } from '../../src/main/core/signatures/types';

const SECRET = 'whsec_bench_0123456789abcdef';

function event(items: number): Buffer {
  const lines = Array.from({ length: items }, (_, i) => ({
    id: `il_${i}`,
    amount: 1000 + i,
    description: `Seat ${i} — Pro plan`,
    metadata: { seat: String(i) },
  }));
  return Buffer.from(
    JSON.stringify({ id: 'evt_bench', object: 'event', type: 'invoice.paid', data: { object: { lines } } }),
  );
}

function signed(body: Buffer): SignedRequest {
  const headers = stripe.sign!({ secret: SECRET, body, timestamp: 1_700_000_000 });
  return { method: 'POST', headers: [['Content-Type', 'application/json'], ...headers], body };
}

function median(runs: number, f: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return Number(times[Math.floor(times.length / 2)].toFixed(3));
}

export const section: BenchSection = {
  name: 'signatures',
  async run() {
    const runs = QUICK ? 5 : 25;
    const small = signed(event(15));
    const medium = signed(event(1000));
    const large = signed(event(5000));
    const opts = { secret: SECRET, now: 1_700_000_000 };
    const wrong = { secret: 'whsec_wrong', now: 1_700_000_000 };
    return {
      signatures_small_body_bytes: small.body.length,
      signatures_medium_body_bytes: medium.body.length,
      signatures_large_body_bytes: large.body.length,
      signatures_verify_valid_small_ms: median(runs * 10, () => stripe.verify(small, opts)),
      signatures_verify_valid_medium_ms: median(runs, () => stripe.verify(medium, opts)),
      signatures_verify_mismatch_small_ms: median(runs * 10, () => stripe.verify(small, wrong)),
      signatures_verify_mismatch_medium_ms: median(runs, () => stripe.verify(medium, wrong)),
      signatures_verify_mismatch_large_ms: median(QUICK ? 3 : 9, () => stripe.verify(large, wrong)),
      signatures_detect_all_providers_ms: median(runs * 10, () => detectProviders(small)),
    };
  },
};
