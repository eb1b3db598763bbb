/*
 * Times the core's text search over a filled store, outside the UI:
 * `node --expose-gc --import tsx bench/support/search-probe.ts [count]` fills a temporary data
 * directory (`/bulk/<n>` captures, one body with "needle"), builds the search index, then prints
 * the median of 20 searches for that word (a page of 200, as the list asks) and the heap before
 * and after the index was built.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCoreEvents } from '../../src/main/core/events';
import { createSearchService } from '../../src/main/core/search/search-service';
import { openCaptureStore } from '../../src/main/core/store';
import { seedDataDir } from '../../src/main/core/store/test-support/seed-data-dir';

const count = Number(process.argv[2] ?? 100_000);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (n: number): number => Math.round((n / 1024 / 1024) * 10) / 10;
const memory = (): { heap: number; rss: number } => {
  gc();
  const m = process.memoryUsage();
  return { heap: mb(m.heapUsed), rss: mb(m.rss) };
};

const dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-search-probe-'));
try {
  await seedDataDir(dir, count, Math.floor(count * 0.37));
  const store = await openCaptureStore({ dataDir: dir, maxCaptures: count });
  const events = createCoreEvents();
  const before = memory();
  const service = createSearchService({ store, events });
  const search = service.handlers.searchCaptures;
  const built = performance.now();
  const first = await search({ text: 'needle' }, { offset: 0, limit: 200 });
  const buildMs = performance.now() - built;
  const after = memory();
  const times: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const started = performance.now();
    const page = await search({ text: i % 2 ? 'needle' : 'NEEDLE' }, { offset: 0, limit: 200 });
    times.push(performance.now() - started);
    if (page.total !== 1) throw new Error(`expected one match, got ${page.total}`);
  }
  const wide = performance.now();
  const all = await search({ text: 'hay' }, { offset: 0, limit: 200 });
  const wideMs = performance.now() - wide;
  times.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      count,
      firstSearchMs: Math.round(buildMs),
      firstTotal: first.total,
      medianMs: Math.round(times[10] * 10) / 10,
      minMs: Math.round(times[0] * 10) / 10,
      maxMs: Math.round(times[19] * 10) / 10,
      wideMs: Math.round(wideMs * 10) / 10,
      wideTotal: all.total,
      heapBeforeIndexMb: before.heap,
      heapAfterIndexMb: after.heap,
      rssAfterMb: after.rss,
    }),
  );
  await service.close?.();
  await store.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
