import { describe, expect, it } from 'vitest';
import { newCaptureId } from './capture-id';

describe('capture ids', () => {
  it('sort by arrival, also within one millisecond, and do not repeat', () => {
    const ids = [newCaptureId(1_000), newCaptureId(1_000), newCaptureId(1_001), newCaptureId(2_000_000_000_000)];
    expect([...ids].sort()).toEqual(ids);
    const many = new Set(Array.from({ length: 5_000 }, () => newCaptureId()));
    expect(many.size).toBe(5_000);
  });

  it('end in 10 random hex characters that differ between ids', () => {
    const tails = Array.from({ length: 1_000 }, () => newCaptureId(5).slice(-10));
    for (const t of tails) expect(t).toMatch(/^[0-9a-f]{10}$/);
    expect(new Set(tails).size).toBe(1_000);
  });
});
