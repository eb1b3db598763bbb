import { describe, expect, it } from 'vitest';
import { checkTimestamp, describeSkew, describeWindow, parseUnixSeconds, toleranceHints } from './timestamps';

describe('timestamps', () => {
  it('parses only whole unix seconds', () => {
    expect(parseUnixSeconds(' 1700000000 ')).toBe(1700000000);
    for (const bad of [undefined, '', '-5', '1.5', '1e9', 'soon', '1700000000000000'])
      expect(parseUnixSeconds(bad)).toBeUndefined();
  });

  it('reports skew and direction against the tolerance', () => {
    expect(checkTimestamp('p', 1000, { now: 1100 }, 300)).toEqual({ skewSec: -100, toleranceSec: 300 });
    const old = checkTimestamp('p', 1000, { now: 1400 }, 300);
    expect(old.failure).toMatchObject({ valid: false, failure: 'timestamp_out_of_tolerance', skewSec: -400 });
    expect(old.failure?.reason).toContain('400 s old');
    const ahead = checkTimestamp('p', 2000, { now: 1000 }, 300);
    expect(ahead.failure?.reason).toContain('1000 s in the future');
    expect(checkTimestamp('p', 1000, { now: 1400, toleranceSec: 500 }, 300).failure).toBeUndefined();
    expect(checkTimestamp('p', 1000, { now: 99999, toleranceSec: 0 }, 300).failure).toBeUndefined();
  });

  it('words skew, window and the extra tolerance hint', () => {
    expect([describeSkew(0), describeSkew(-12), describeSkew(3)]).toEqual([
      'current',
      '12 s old',
      '3 s ahead of this clock',
    ]);
    const old = checkTimestamp('p', 1000, { now: 1400 }, 300);
    expect(toleranceHints(old)).toEqual(['the timestamp is also outside the 300 s tolerance (skew -400 s)']);
    expect(toleranceHints(checkTimestamp('p', 1000, { now: 1100 }, 300))).toEqual([]);
    expect(describeWindow(old)).toBe('timestamp within 300 s');
    expect(describeWindow(checkTimestamp('p', 1000, { now: 1400, toleranceSec: 0 }, 300))).toBe(
      'timestamp not checked (tolerance 0)',
    );
  });
});
