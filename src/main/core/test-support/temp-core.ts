/*
 * A real core in browser mode over a fresh data directory per test: capture listener on port 0,
 * no tunnel. Opened on demand (a test may write into the directory first) and reopenable, to show
 * what survives a restart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createHooklensCore, type HooklensCore } from '../hooklens-core';

export interface TempCore {
  /** The data directory, made before and removed after each test. */
  readonly dir: string;
  /** Starts a core over `dir`; it is closed after the test unless closed before. */
  open(): Promise<HooklensCore>;
  /** Closes the core last opened, so the next `open` starts again from what is on disk. */
  close(): Promise<void>;
}

/** Registers the hooks; `prefix` names the temporary directory. */
export function useTempCore(prefix: string): TempCore {
  let dir = '';
  let core: HooklensCore | null = null;
  const close = async (): Promise<void> => {
    const closing = core;
    core = null;
    await closing?.close();
  };
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  });
  afterEach(async () => {
    await close();
    await rm(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    open: async () =>
      (core = await createHooklensCore({ dataDir: dir, mode: 'browser', capturePort: 0, tunnel: { enabled: false } })),
    close,
  };
}
