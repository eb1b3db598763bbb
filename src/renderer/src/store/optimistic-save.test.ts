import { describe, expect, it } from 'vitest';
import { createOptimisticSaver } from './optimistic-save';

interface Pending {
  patch: number;
  resolve(value: number): void;
  reject(err: Error): void;
}

/** A saver over one number whose sends the test answers by hand, in any order. */
function harness(initial: number) {
  let shown: number | null = null;
  const pending: Pending[] = [];
  const saver = createOptimisticSaver<number, number>({
    read: () => shown,
    write: (v) => (shown = v),
    apply: (_v, patch) => patch,
    send: (patch) => new Promise<number>((resolve, reject) => pending.push({ patch, resolve, reject })),
  });
  saver.received(initial);
  return { saver, pending, shown: () => shown };
}

describe('optimistic save with sequence', () => {
  it('shows the change at once and the answer of the latest save, whatever order answers come in', async () => {
    const h = harness(1);
    const first = h.saver.save(2);
    const second = h.saver.save(3);
    expect(h.shown()).toBe(3);
    h.pending[1].resolve(3);
    await second;
    h.pending[0].resolve(2);
    await first;
    expect(h.shown()).toBe(3);
  });

  it('notes an event that arrives during a save without letting it undo the optimistic value', async () => {
    const h = harness(1);
    const saving = h.saver.save(5);
    h.saver.received(1);
    expect(h.shown()).toBe(5);
    h.pending[0].resolve(5);
    await saving;
    expect(h.shown()).toBe(5);
    h.saver.received(7);
    expect(h.shown()).toBe(7);
  });

  it('falls back to the last confirmed value when the latest save is refused, and rejects', async () => {
    const h = harness(1);
    const saving = h.saver.save(99);
    expect(h.shown()).toBe(99);
    h.pending[0].reject(new Error('maxAttempts: must be 1 to 20'));
    await expect(saving).rejects.toThrow('must be 1 to 20');
    expect(h.shown()).toBe(1);
  });

  it('ends on what the core kept when an earlier save is confirmed after the latest was refused', async () => {
    const h = harness(1);
    const first = h.saver.save(2);
    const second = h.saver.save(99);
    h.pending[1].reject(new Error('refused'));
    await expect(second).rejects.toThrow('refused');
    h.pending[0].resolve(2);
    await first;
    expect(h.shown()).toBe(2);
  });
});
