import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

const opts = (r: number) => ({ baseMs: 1_000, capMs: 30_000, random: () => r });

describe('backoffDelay', () => {
  it('doubles from one second without jitter at the midpoint', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, opts(0.5)))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('never exceeds the 30 s cap, even for huge attempt counts', () => {
    for (const n of [6, 7, 50, 10_000]) {
      for (const r of [0, 0.5, 0.999]) expect(backoffDelay(n, opts(r))).toBeLessThanOrEqual(30_000);
    }
    expect(backoffDelay(10_000, opts(0))).toBe(24_000);
  });

  it('spreads retries by ±20 %', () => {
    expect(backoffDelay(3, opts(0))).toBe(3_200);
    expect(backoffDelay(3, opts(0.999))).toBe(4_798);
  });

  it('treats attempt 0 or garbage as the first retry', () => {
    expect(backoffDelay(0, opts(0.5))).toBe(1_000);
    expect(backoffDelay(-3, opts(0.5))).toBe(1_000);
  });

  it('varies with the default random source', () => {
    const seen = new Set(Array.from({ length: 20 }, () => backoffDelay(4)));
    expect(seen.size).toBeGreaterThan(1);
    for (const d of seen) {
      expect(d).toBeGreaterThanOrEqual(6_400);
      expect(d).toBeLessThanOrEqual(9_600);
    }
  });
});
