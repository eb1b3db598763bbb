/*
 * Search speed over 10k stored captures (1 KB JSON bodies, realistic headers): the first search
 * reads every body from disk to build the in-memory index (`search_10k_index_build_ms`); after that
 * a word search over method, path, headers and body (`search_10k_ms`, median) and a search with
 * filters (`search_10k_filtered_ms`) touch memory only.
 */
import { createSearchIndex } from '../../src/main/core/search/search-index';
import { createCoreEvents } from '../../src/main/core/events';
import { openCaptureStore } from '../../src/main/core/store';
import { prefill, tempDataDir } from '../support/prefill';
import { QUICK, type BenchFigures } from '../section';
import { median } from '../support/median';

const COUNT = 10_000;
const RUNS = QUICK ? 5 : 21;

/** The median, to 0.01 ms. */
function medianMs(xs: number[]): number {
  return Math.round(median(xs) * 100) / 100;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export default {
  name: 'search',
  async run(): Promise<BenchFigures> {
    const dir = await tempDataDir('search');
    await prefill(dir, COUNT);
    const store = await openCaptureStore({ dataDir: dir, maxCaptures: COUNT });
    const index = createSearchIndex({ store, events: createCoreEvents() });
    try {
      const build = await timed(() => index.warm());
      const words: number[] = [];
      const filtered: number[] = [];
      let hits = 0;
      for (let i = 0; i < RUNS; i++) {
        // A word that is in no body makes every haystack be scanned to the end: the worst case.
        words.push(
          await timed(async () => (hits = (await index.search({ text: `invoice.paid nomatch${i}` })).ids.length)),
        );
        filtered.push(await timed(() => index.search({ text: 'x-dup', method: 'POST', status: '2xx', range: '24h' })));
      }
      if (hits !== 0) throw new Error('search bench: the miss query matched');
      return {
        search_10k_ms: medianMs(words),
        search_10k_filtered_ms: medianMs(filtered),
        search_10k_index_build_ms: Math.round(build),
      };
    } finally {
      index.close();
      await store.close();
    }
  },
};
