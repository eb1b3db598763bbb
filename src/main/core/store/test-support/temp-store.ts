/*
 * Capture stores over a fresh data directory per test. Every store opened is closed after the
 * test, so a test can open, close and reopen freely to show what survives.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openCaptureStore, type JournalStore, type OpenCaptureStoreOptions } from '../capture-store';

export interface TempStore {
  /** The data directory, made before and removed after each test. */
  readonly dir: string;
  openStore(opts?: Partial<OpenCaptureStoreOptions>): Promise<JournalStore>;
  /** Closes `store` and opens the directory again. */
  reopen(store: JournalStore, opts?: Partial<OpenCaptureStoreOptions>): Promise<JournalStore>;
  /** Leaves the stores opened so far out of the closing after the test (the test closed them). */
  forgetOpened(): void;
}

/**
 * Registers the hooks; `prefix` names the temporary directory. Recovery tests leave stores broken
 * on purpose, so they may ask that a failing close after the test is not an error.
 */
export function useTempStore(prefix: string, opts: { ignoreCloseErrors?: boolean } = {}): TempStore {
  let dir = '';
  const open: JournalStore[] = [];
  const openStore = async (opts: Partial<OpenCaptureStoreOptions> = {}): Promise<JournalStore> => {
    const store = await openCaptureStore({ dataDir: dir, ...opts });
    open.push(store);
    return store;
  };
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  });
  afterEach(async () => {
    for (const s of open.splice(0)) {
      if (opts.ignoreCloseErrors) await s.close().catch(() => undefined);
      else await s.close();
    }
    await rm(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    openStore,
    forgetOpened: () => void open.splice(0),
    reopen: async (store, opts = {}) => {
      await store.close();
      return openStore(opts);
    },
  };
}
