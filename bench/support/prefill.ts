/*
 * Fills a fresh data directory with N stored captures (1 KB JSON bodies, headers like a real
 * webhook) through the store's own write path, then closes it so the index is saved.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openCaptureStore } from '../../src/main/core/store';
import { jsonBody, makeRecord } from '../../src/main/core/store/test-support/records';

const made: string[] = [];

export async function tempDataDir(label: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `hooklens-bench-${label}-`));
  made.push(dir);
  return dir;
}

/** Removes every directory tempDataDir made; run.ts calls it after each section. */
export async function removeTempDirs(): Promise<void> {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
}

export async function prefill(dataDir: string, count: number, maxCaptures = Math.max(count, 10_000)): Promise<void> {
  const store = await openCaptureStore({ dataDir, maxCaptures });
  const chunk = 2000;
  for (let done = 0; done < count; done += chunk) {
    const n = Math.min(chunk, count - done);
    await Promise.all(Array.from({ length: n }, () => store.add(makeRecord(jsonBody(1024)))));
  }
  await store.close();
}

/** A 1 KB JSON body, the size the capture figures are defined for. */
export const ONE_KB_JSON = jsonBody(1024);
