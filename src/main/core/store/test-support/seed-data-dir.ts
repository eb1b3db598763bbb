/*
 * Fills a data directory with N captures through the store's own write path, for e2e tests that
 * need many stored captures (N HTTP posts would dominate their time). Run as
 * `node --import tsx seed-data-dir.ts <dataDir> <count> [needleIndex]`: capture n has URL
 * `/bulk/<n>` and body `{"n":n,"tag":"hay"}` ("needle" for needleIndex), arriving in order of n.
 */
import { openCaptureStore } from '../index';
import { makeRecord } from './records';

export async function seedDataDir(dataDir: string, count: number, needle = -1): Promise<void> {
  const store = await openCaptureStore({ dataDir, maxCaptures: Math.max(count, 10_000) });
  const start = Date.now() - count * 1000;
  const chunk = 1000;
  for (let done = 0; done < count; done += chunk) {
    // One chunk at a time keeps arrival order (the list's order) equal to n.
    await Promise.all(
      Array.from({ length: Math.min(chunk, count - done) }, (_, k) => {
        const n = done + k;
        const body = JSON.stringify({ n, tag: n === needle ? 'needle' : 'hay' });
        return store.add(makeRecord(body, { url: `/bulk/${n}`, receivedAt: new Date(start + n * 1000).toISOString() }));
      }),
    );
  }
  await store.close();
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const [dataDir, count, needle] = process.argv.slice(2);
  await seedDataDir(dataDir, Number(count), needle === undefined ? -1 : Number(needle));
}
