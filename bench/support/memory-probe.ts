/*
 * Where the core's memory goes when large captures arrive:
 * `node --expose-gc --import tsx bench/support/memory-probe.ts [stored] [snapshotDir]` starts the
 * core on a temporary data directory with `stored` small captures, builds the search index, posts
 * three 25 MB JSON captures, reads each back as the UI does (getCapture), and prints the heap,
 * external memory and resident size after a GC at each step. With a snapshot directory, a heap
 * snapshot is written there. Last, the store is reopened and the search index built from disk, with
 * the peak of heap and external memory while it reads.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { createHooklensCore, type HooklensCore } from '../../src/main/core/hooklens-core';
import { openSettingsStore } from '../../src/main/core/settings/settings-store';
import { startControlServer } from '../../src/main/serve';
import { createCoreEvents } from '../../src/main/core/events';
import { createSearchIndex } from '../../src/main/core/search/search-index';
import { openCaptureStore } from '../../src/main/core/store';
import { seedDataDir } from '../../src/main/core/store/test-support/seed-data-dir';

const stored = Number(process.argv[2] ?? 0);
const snapshotDir = process.argv[3];
const BIG = 25 * 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (n: number): number => Math.round((n / 1024 / 1024) * 10) / 10;

async function settle(): Promise<void> {
  // Background work (health checks, the index following captures) gets a moment, then a full GC.
  for (let i = 0; i < 5; i += 1) await new Promise((r) => setTimeout(r, 100));
  gc();
  gc();
}

async function step(label: string): Promise<void> {
  await settle();
  const m = process.memoryUsage();
  console.log(
    `${label.padEnd(28)} heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} MB  external ${mb(m.external)} MB  arrayBuffers ${mb(m.arrayBuffers)} MB  rss ${mb(m.rss)} MB`,
  );
}

function bigJson(mark: string): string {
  const head = `{"action":"opened","delivery":"${mark}","items":[`;
  const item = '{"id":1234567,"name":"hooklens"},';
  const items = item.repeat(Math.floor((BIG - head.length - 40) / item.length)).slice(0, -1);
  const body = `${head}${items}],"pad":"`;
  return body + 'x'.repeat(BIG - body.length - 2) + '"}';
}

/** In a function of its own so no record stays reachable from the caller's frame. */
async function readBack(core: HooklensCore, id: string): Promise<void> {
  const record = await core.api.getCapture(id);
  if (record.body.size !== BIG) throw new Error('short body');
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-memory-probe-'));
try {
  if (stored > 0) await seedDataDir(dir, stored, 1);
  await (await openSettingsStore(dir)).update('capture', { maxCaptures: stored + 10 });
  const core = await createHooklensCore({ dataDir: dir, mode: 'browser', capturePort: 0, log: () => undefined });
  await step('started');
  await core.api.searchCaptures({ text: 'needle' }, { offset: 0, limit: 200 });
  await step('search index built');
  const ids: string[] = [];
  for (const name of ['big-a', 'big-b', 'big-c']) {
    const res = await fetch(`http://127.0.0.1:${core.listener.port}/github/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bigJson(name),
    });
    if (res.status !== 200) throw new Error(`refused: ${res.status}`);
    await res.arrayBuffer();
    await step(`posted ${name}`);
  }
  const page = await core.api.listCaptures({ offset: 0, limit: 3 });
  for (const c of page.items) ids.push(c.id);
  for (const id of ids) await readBack(core, id);
  await step('each read back');
  const control = await startControlServer({ core, rendererDir: dir });
  for (let round = 0; round < 3; round += 1) {
    for (const id of ids) {
      const res = await fetch(`http://127.0.0.1:${control.port}/api/call/getCapture`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hooklens-token': control.token },
        body: JSON.stringify({ args: [id] }),
      });
      if ((await res.arrayBuffer()).byteLength < BIG) throw new Error('short answer');
    }
    await step(`read over HTTP, round ${round + 1}`);
  }
  await control.close();
  const found = await core.api.searchCaptures({ text: 'big-b' }, { offset: 0, limit: 200 });
  console.log(`search "big-b": ${found.total} found`);
  await step('searched');
  if (snapshotDir) console.log(`snapshot: ${writeHeapSnapshot(path.join(snapshotDir, 'core.heapsnapshot'))}`);
  await core.close();
  // As after a restart: the index is built from disk, large bodies included.
  const store = await openCaptureStore({ dataDir: dir, maxCaptures: stored + 10 });
  const index = createSearchIndex({ store, events: createCoreEvents() });
  await step('reopened');
  let peak = 0;
  const sampler = setInterval(
    () => (peak = Math.max(peak, process.memoryUsage().heapUsed + process.memoryUsage().external)),
    1,
  );
  await index.warm();
  clearInterval(sampler);
  console.log(`index built from disk: heap+external peak ${mb(peak)} MB (sampled every ms)`);
  await step('index built from disk');
  index.close();
  await store.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
