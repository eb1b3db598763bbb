/*
 * The comparison job as the compare view uses it. Node has no Web Worker, so these run the
 * cooperative path (the one a page takes where no worker can start); the worker path is driven in
 * Chromium by e2e/diff-cancel.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { compareCaptures, DiffCancelledError, type DiffPhase, type DiffProgress } from '../../../../shared/diff';
import { jsonRecord } from '../../../../shared/diff/test-helpers';
import { startComparison } from './compare-runner';

const PHASES: DiffPhase[] = ['reading', 'parsing', 'comparing', 'formatting'];

function orders(count: number, tag: string): string {
  const items = Array.from({ length: count }, (_, i) => ({
    id: i,
    sku: `sku-${i}`,
    qty: i % 7,
    tag: i % 500 === 0 ? tag : 'same',
    lines: [{ price: i * 3, currency: 'usd' }],
  }));
  return JSON.stringify({ type: 'orders.synced', data: items });
}

// About 1.2 MB each, with differences every 500 items: long enough to report inside each phase.
const left = jsonRecord('left', orders(14_000, 'left'));
const right = jsonRecord('right', orders(14_000, 'right'));

function expectForward(events: DiffProgress[]): void {
  for (let i = 1; i < events.length; i++) {
    const [a, b] = [events[i - 1], events[i]];
    expect(PHASES.indexOf(b.phase)).toBeGreaterThanOrEqual(PHASES.indexOf(a.phase));
    expect(b.percent).toBeGreaterThanOrEqual(a.percent);
    expect(b.percent > a.percent || b.phase !== a.phase).toBe(true);
  }
}

describe('startComparison', () => {
  it('reports progress forward through every phase to 100 %, then gives the same result as compareCaptures', async () => {
    const events: DiffProgress[] = [];
    const job = startComparison(left, right, (p) => events.push(p));
    const comparison = await job.result;
    expectForward(events);
    expect(events[0]).toEqual({ phase: 'reading', percent: 0 });
    expect(events.at(-1)?.percent).toBe(100);
    expect(new Set(events.map((e) => e.phase))).toEqual(new Set(PHASES));
    // Progress inside the long phases, not only at their edges.
    expect(events.filter((e) => e.phase === 'parsing').length).toBeGreaterThan(5);
    expect(events.filter((e) => e.phase === 'formatting').length).toBeGreaterThan(5);
    expect(comparison).toEqual(compareCaptures(left, right));
    expect(comparison.body.kind).toBe('json');
  });

  it('stops where a cancel lands: the result rejects as cancelled and no progress follows', async () => {
    const events: DiffProgress[] = [];
    let atCancel = -1;
    const job = startComparison(left, right, (p) => {
      events.push(p);
      if (atCancel < 0 && p.phase === 'parsing' && p.percent > 5) {
        atCancel = events.length;
        job.cancel();
      }
    });
    await expect(job.result).rejects.toBeInstanceOf(DiffCancelledError);
    expect(atCancel).toBeGreaterThan(0);
    expect(events.length).toBe(atCancel);
    expect(events.at(-1)?.percent).toBeLessThan(100);
  });

  it('a cancel from outside the work (a click) lands at the next step', async () => {
    const events: DiffProgress[] = [];
    let heard: () => void = () => {};
    const parsing = new Promise<void>((resolve) => (heard = resolve));
    const job = startComparison(left, right, (p) => {
      events.push(p);
      if (p.phase === 'parsing') heard();
    });
    await parsing;
    job.cancel();
    const seen = events.length;
    await expect(job.result).rejects.toBeInstanceOf(DiffCancelledError);
    expect(events.length).toBe(seen);
    expect(events.at(-1)?.phase).toBe('parsing');
  });

  it('a job cancelled before it starts reports nothing', async () => {
    const events: DiffProgress[] = [];
    const job = startComparison(left, right, (p) => events.push(p));
    job.cancel();
    await expect(job.result).rejects.toBeInstanceOf(DiffCancelledError);
    expect(events).toEqual([]);
  });

  it('a small pair reports forward to 100 % too', async () => {
    const a = jsonRecord('a', '{"n":1}');
    const b = jsonRecord('b', '{"n":2}');
    const events: DiffProgress[] = [];
    const comparison = await startComparison(a, b, (p) => events.push(p)).result;
    expectForward(events);
    expect(events.at(-1)?.percent).toBe(100);
    expect(comparison.body.kind === 'json' && comparison.body.changes.map((c) => c.path)).toEqual(['n']);
  });
});
