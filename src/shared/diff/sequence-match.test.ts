import { describe, expect, it } from 'vitest';
import { matchSequences } from './sequence-match';

/** Length of a longest common subsequence by dynamic programming, as a reference. */
function lcsLength(a: number[], b: number[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  return dp[0][0];
}

function pseudoRandom(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s >>> 16;
  };
}

describe('matchSequences', () => {
  it('finds a longest common subsequence with valid, increasing pairs', () => {
    const rand = pseudoRandom(7);
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: rand() % 30 }, () => rand() % 5);
      const b = Array.from({ length: rand() % 30 }, () => rand() % 5);
      const m = matchSequences(a, b);
      expect(m.exact).toBe(true);
      expect(m.left.length).toBe(lcsLength(a, b));
      for (let k = 0; k < m.left.length; k++) {
        expect(a[m.left[k]]).toBe(b[m.right[k]]);
        if (k > 0) {
          expect(m.left[k]).toBeGreaterThan(m.left[k - 1]);
          expect(m.right[k]).toBeGreaterThan(m.right[k - 1]);
        }
      }
    }
  });

  it('leaves the middle unmatched past the cost cap', () => {
    const a = [0, 1, 2, 3, 4, 5, 9];
    const b = [0, 5, 4, 3, 2, 1, 9];
    const m = matchSequences(a, b, 2);
    expect(m.exact).toBe(false);
    expect([m.left, m.right]).toEqual([
      [0, 6],
      [0, 6],
    ]);
  });
});
