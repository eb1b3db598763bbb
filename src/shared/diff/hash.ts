/*
 * 32-bit structural hashes. They only decide which subtrees are worth comparing and how array items
 * are matched; equality is always confirmed by a full comparison, so a collision costs time, never
 * correctness.
 */

export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** murmur3's finaliser: spreads bits so that sums of mixed values stay well distributed. */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

export function combine(a: number, b: number): number {
  return mix((Math.imul(a, 31) + b) | 0);
}
