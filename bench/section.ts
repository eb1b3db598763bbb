/*
 * One group of figures printed by `npm run bench`. Files in bench/sections/ export one (as
 * `default` or `section`); bench/run.ts runs them after its own and merges their figures.
 */
export type BenchFigures = Record<string, number | string>;

export interface BenchSection {
  name: string;
  run(): Promise<BenchFigures>;
}

/** `--quick`: shorter runs for development; the figures to report come from a full run. */
export const QUICK = process.argv.includes('--quick');
