/*
 * Startup and memory with 50,000 captures stored, measured in a fresh process: time from opening
 * the store to a listening capture port, and resident memory once the list has been read and a few
 * captures opened.
 */
import { type BenchFigures, type BenchSection } from '../section';
import { startServer } from '../support/child';
import { prefill, tempDataDir } from '../support/prefill';

const STORED = 50_000;
const round1 = (n: number): number => Math.round(n * 10) / 10;

export const startupMemory: BenchSection = {
  name: 'startup-memory',
  async run(): Promise<BenchFigures> {
    const dir = await tempDataDir('startup');
    await prefill(dir, STORED, 100_000);
    const spawned = performance.now();
    const server = await startServer(['startup', dir, '100000'], ['--expose-gc']);
    const readyAfter = performance.now() - spawned;
    const stats = await server.stats;
    await server.stop();
    if (stats.stored !== STORED) throw new Error(`expected ${STORED} stored, the child saw ${stats.stored}`);
    return {
      startup_ms: round1(stats.startup_ms),
      startup_store_open_ms: round1(stats.store_open_ms),
      startup_cpu_ms: round1(stats.startup_cpu_ms),
      startup_process_ms: round1(readyAfter),
      rss_mb: round1(stats.rss_mb),
      rss_after_gc_mb: round1(stats.rss_after_gc_mb),
      heap_used_mb: round1(stats.heap_used_mb),
      stored_for_startup: STORED,
    };
  },
};
