import { describe, expect, it } from 'vitest';
import { describeTextChange, QUOTED_TEXT_MAX_CHARS } from './describe';

describe('describeTextChange', () => {
  it('quotes short texts whole', () => {
    expect(
      describeTextChange({
        kind: 'changed',
        leftLine: 2,
        leftCount: 1,
        rightLine: 2,
        rightCount: 1,
        before: 'a',
        after: 'b',
      }),
    ).toBe('line 2 → line 2: "a" → "b"');
  });

  it('quotes only the start of a huge one-line change, with its length', () => {
    const huge = 'x'.repeat(25 * 1024 * 1024);
    const text = describeTextChange({
      kind: 'added',
      leftLine: 0,
      leftCount: 0,
      rightLine: 1,
      rightCount: 1,
      after: huge,
    });
    expect(text.length).toBeLessThan(QUOTED_TEXT_MAX_CHARS + 80);
    expect(text).toContain('(26,214,400 characters)');
  });
});
