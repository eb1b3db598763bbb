/*
 * The aggregates over a generated day of traffic (a fixed-seed generator, a clock the test moves):
 * every per-minute count matches what was sent, percentiles are within the histogram's ±5 %, and
 * memory stays bounded as the window slides.
 */
import { describe, expect, it } from 'vitest';
import type { SignatureVerdict } from '../../../shared/health';
import { HealthAggregates, WINDOW_MINUTES, type ForwardOutcome } from './aggregates';

const MINUTE = 60_000;
const DAY_START = Date.UTC(2026, 0, 5, 0, 0, 0);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function exactPercentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(p * sorted.length) - 1];
}

describe('health aggregates over a day', () => {
  it('match the generated traffic minute by minute and stay bounded as the window slides', () => {
    let now = DAY_START;
    const agg = new HealthAggregates(() => now);
    const random = rng(19);
    const verdicts: SignatureVerdict[] = ['valid', 'invalid', 'no-secret', 'unsigned'];
    const outcomes: ForwardOutcome[] = ['delivered', 'retried', 'failed'];
    const sent = {
      deliveries: new Array<number>(WINDOW_MINUTES).fill(0),
      invalid: new Array<number>(WINDOW_MINUTES).fill(0),
    };
    const perEndpoint = { stripe: 0, github: 0 };
    const totals = {
      valid: 0,
      invalid: 0,
      noSecret: 0,
      unsigned: 0,
      duplicates: 0,
      delivered: 0,
      retried: 0,
      failed: 0,
      refusals: 0,
    };
    const latencies: number[] = [];
    const hourLatencies: number[] = [];

    for (let m = 0; m < WINDOW_MINUTES; m += 1) {
      now = DAY_START + m * MINUTE;
      // Busier during the day, quiet at night.
      const n = Math.floor(random() * (m > 480 && m < 1080 ? 40 : 6));
      for (let i = 0; i < n; i += 1) {
        const at = now + Math.floor(random() * MINUTE);
        const endpointId = random() < 0.7 ? 'stripe' : 'github';
        const verdict = verdicts[Math.floor(random() * (random() < 0.9 ? 1 : 4))];
        const duplicate = random() < 0.05;
        agg.delivery({ at, endpointId, verdict, duplicate });
        sent.deliveries[m] += 1;
        perEndpoint[endpointId as 'stripe' | 'github'] += 1;
        if (verdict === 'invalid') sent.invalid[m] += 1;
        totals[verdict === 'no-secret' ? 'noSecret' : verdict] += 1;
        if (duplicate) totals.duplicates += 1;
        if (random() < 0.5) {
          const outcome = outcomes[random() < 0.85 ? 0 : random() < 0.5 ? 1 : 2];
          const latency = outcome === 'failed' ? null : 2 + random() ** 3 * 800;
          agg.forward(endpointId, at, outcome, latency);
          totals[outcome] += 1;
          if (latency !== null) {
            latencies.push(latency);
            if (m >= WINDOW_MINUTES - 60) hourLatencies.push(latency);
          }
        }
      }
      if (random() < 0.02) {
        agg.refusal({
          at: new Date(now).toISOString(),
          status: 413,
          error: 'payload_too_large',
          message: 'Body larger than the limit',
          via: 'local',
        });
        totals.refusals += 1;
      }
    }
    now = DAY_START + (WINDOW_MINUTES - 1) * MINUTE + 30_000;

    const day = agg.report(null, WINDOW_MINUTES);
    expect(day.series.deliveries).toEqual(sent.deliveries);
    expect(day.series.invalid).toEqual(sent.invalid);
    expect(day.series.minute[0]).toBe(DAY_START);
    expect(day.totals).toMatchObject({
      deliveries: perEndpoint.stripe + perEndpoint.github,
      valid: totals.valid,
      invalid: totals.invalid,
      noSecret: totals.noSecret,
      unsigned: totals.unsigned,
      duplicates: totals.duplicates,
      forwardDelivered: totals.delivered,
      forwardRetried: totals.retried,
      forwardFailed: totals.failed,
      refusals: totals.refusals,
    });
    expect(totals.invalid).toBeGreaterThan(0);
    expect(day.refusalsByReason).toEqual([
      { status: 413, error: 'payload_too_large', count: totals.refusals, message: 'Body larger than the limit' },
    ]);
    for (const [p, got] of [
      [0.5, day.totals.latencyP50],
      [0.95, day.totals.latencyP95],
    ] as const) {
      const exact = exactPercentile(latencies, p);
      expect(Math.abs(got! - exact) / exact).toBeLessThan(0.06);
    }
    expect(agg.report('stripe', WINDOW_MINUTES).totals.deliveries).toBe(perEndpoint.stripe);
    expect(agg.report('github', WINDOW_MINUTES).totals.deliveries).toBe(perEndpoint.github);

    const hour = agg.report(null, 60);
    expect(hour.series.deliveries).toEqual(sent.deliveries.slice(-60));
    expect(
      Math.abs(hour.totals.latencyP95! - exactPercentile(hourLatencies, 0.95)) / exactPercentile(hourLatencies, 0.95),
    ).toBeLessThan(0.06);

    // Bounded: at most one bucket per minute of the window per scope (ALL + 2 endpoints).
    expect(agg.bucketCount()).toBeLessThanOrEqual(3 * WINDOW_MINUTES);
    // Two hours later, new traffic pushes the oldest buckets out.
    now += 120 * MINUTE;
    agg.delivery({ at: now, endpointId: 'stripe', verdict: 'valid', duplicate: false });
    agg.delivery({ at: now, endpointId: 'github', verdict: 'valid', duplicate: false });
    expect(agg.bucketCount()).toBeLessThanOrEqual(3 * (WINDOW_MINUTES - 120 + 1));
    const slid = agg.report(null, WINDOW_MINUTES);
    expect(slid.totals.deliveries).toBe(sent.deliveries.slice(120).reduce((a, b) => a + b, 0) + 2);
  });

  it('reports every bucket a delivery touched since the last change event, a burst in one minute included', () => {
    const now = DAY_START + 10 * MINUTE;
    const agg = new HealthAggregates(() => now);
    agg.takeChanges();
    for (let i = 0; i < 3; i += 1) agg.delivery({ at: now, endpointId: 'e', verdict: 'valid', duplicate: false });
    const first = agg.takeChanges().buckets;
    expect(first.map((b) => [b.scope, b.bucket.counts[0]]).sort()).toEqual([
      ['*', 3],
      ['e', 3],
    ]);
    // The same minute and endpoint again, after the event: still reported, with the running count.
    agg.delivery({ at: now, endpointId: 'e', verdict: 'invalid', duplicate: true });
    const second = agg.takeChanges().buckets;
    expect(second.map((b) => [b.scope, b.bucket.counts[0]]).sort()).toEqual([
      ['*', 4],
      ['e', 4],
    ]);
    agg.delivery({ at: now, endpointId: 'f', verdict: 'valid', duplicate: false });
    agg.delivery({ at: now + MINUTE, endpointId: 'f', verdict: 'valid', duplicate: false });
    expect(
      agg
        .takeChanges()
        .buckets.map((b) => `${b.scope}@${b.minute - now / MINUTE}`)
        .sort(),
    ).toEqual(['*@0', '*@1', 'f@0', 'f@1']);
    expect(agg.report('e', 5).totals).toMatchObject({ deliveries: 4, valid: 3, invalid: 1, duplicates: 1 });
  });

  it('moves a count when a verdict is recomputed, and ignores what is out of the window', () => {
    const now = DAY_START + 10 * MINUTE;
    const agg = new HealthAggregates(() => now);
    agg.delivery({ at: now - MINUTE, endpointId: 'e', verdict: 'no-secret', duplicate: false });
    agg.reverdict('e', now - MINUTE, 'no-secret', 'invalid');
    expect(agg.report('e', 5).totals).toMatchObject({ noSecret: 0, invalid: 1, deliveries: 1 });
    agg.delivery({ at: now - 2 * WINDOW_MINUTES * MINUTE, endpointId: 'e', verdict: 'valid', duplicate: false });
    agg.reverdict('e', now - 2 * WINDOW_MINUTES * MINUTE, 'valid', 'invalid');
    expect(agg.report('e', WINDOW_MINUTES).totals).toMatchObject({ valid: 0, invalid: 1, deliveries: 1 });
    expect(agg.bucketCount()).toBe(2);
  });
});
