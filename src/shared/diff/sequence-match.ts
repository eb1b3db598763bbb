/*
 * Longest common subsequence of two key sequences (Myers' O((N+M)·D) algorithm), used for array
 * items and text lines. An insertion in the middle of a long sequence costs D = 1, so it shows as
 * one `added` instead of a cascade of changes. When the sequences differ in more than `maxCost`
 * places the middle is left unmatched (reported as one replaced block) to bound time and memory.
 */

export interface SequenceMatch {
  /** Matched index pairs, increasing on both sides. */
  left: number[];
  right: number[];
  /** False when the cost cap was hit and the middle was not aligned. */
  exact: boolean;
}

export const DEFAULT_MAX_COST = 2000;

export function matchSequences(a: ArrayLike<number>, b: ArrayLike<number>, maxCost = DEFAULT_MAX_COST): SequenceMatch {
  const left: number[] = [];
  const right: number[] = [];
  let prefix = 0;
  const minLen = Math.min(a.length, b.length);
  while (prefix < minLen && a[prefix] === b[prefix]) {
    left.push(prefix);
    right.push(prefix);
    prefix++;
  }
  let suffix = 0;
  while (suffix < minLen - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const n = a.length - prefix - suffix;
  const m = b.length - prefix - suffix;
  let exact = true;
  if (n > 0 && m > 0) {
    const middle = myers(a, b, prefix, n, m, maxCost);
    if (middle) {
      for (let i = 0; i < middle.length; i += 2) {
        left.push(prefix + middle[i]);
        right.push(prefix + middle[i + 1]);
      }
    } else exact = false;
  }
  for (let i = suffix; i > 0; i--) {
    left.push(a.length - i);
    right.push(b.length - i);
  }
  return { left, right, exact };
}

/** Returns matched pairs [x0, y0, x1, y1, …] relative to `off`, or null past the cost cap. */
function myers(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  off: number,
  n: number,
  m: number,
  maxCost: number,
): number[] | null {
  const maxD = Math.min(n + m, maxCost);
  const size = 2 * maxD + 3;
  const center = maxD + 1;
  const v = new Int32Array(size);
  const trace: Int32Array[] = [];
  let found = -1;
  outer: for (let d = 0; d <= maxD; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[center + k - 1] < v[center + k + 1]) ? v[center + k + 1] : v[center + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[off + x] === b[off + y]) {
        x++;
        y++;
      }
      v[center + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(center - d, center + d + 1));
        found = d;
        break outer;
      }
    }
    trace.push(v.slice(center - d, center + d + 1));
  }
  if (found < 0) return null;
  const pairs: number[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1];
    const at = (k: number): number => prev[k + d - 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      pairs.push(y, x);
    }
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    pairs.push(y, x);
  }
  pairs.reverse();
  return pairs;
}
