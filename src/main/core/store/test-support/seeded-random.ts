/*
 * A small seeded generator (mulberry32) for tests that draw at random: the test prints its seed,
 * and the same seed draws the same bodies and kill delays again. What the operating system does
 * with timing (which batch a kill lands in) still varies from run to run.
 */
export interface SeededRandom {
  readonly seed: number;
  /** An integer in [min, max). */
  int(min: number, max: number): number;
  bytes(n: number): Buffer;
}

export function seedFrom(env: string | undefined): number {
  if (env !== undefined && env.trim() !== '') {
    const n = Number(env);
    if (!Number.isSafeInteger(n) || n < 0 || n > 0xffffffff)
      throw new Error(`Seed must be an integer from 0 to 4294967295, got "${env}".`);
    return n;
  }
  return Math.floor(Math.random() * 0x1_0000_0000);
}

export function seededRandom(seed: number): SeededRandom {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
  return {
    seed,
    int: (min, max) => min + Math.floor(next() * (max - min)),
    bytes(n) {
      const out = Buffer.allocUnsafe(n);
      for (let i = 0; i < n; i++) out[i] = Math.floor(next() * 256);
      return out;
    },
  };
}
