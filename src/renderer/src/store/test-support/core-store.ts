/*
 * Slice tests run against a real core (real store files, a real capture listener on port 0) in a
 * fresh data directory. The client crosses the same boundary as the real adapters: every call goes
 * through `dispatchApiCall` with JSON arguments and comes back through `unwrapOutcome`; events are
 * JSON-copied and delivered on a later task, as server-sent events are. Calls are counted per
 * method so a test can show that an event was used instead of a re-query.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StoreApi } from 'zustand/vanilla';
import { API_METHOD_NAMES, type ApiMethodName, type HooklensClient } from '../../../../shared/api';
import { dispatchApiCall } from '../../../../main/api-dispatch';
import { createHooklensCore, type HooklensCore } from '../../../../main/core/hooklens-core';
import { openCaptureStore } from '../../../../main/core/store';
import type { CaptureRecord } from '../../../../shared/capture';
import { unwrapOutcome } from '../../api/unwrap';
import { createAppStore, type AppState } from '../app-state';
import { connectStore } from '../event-table';

export interface CoreStore {
  core: HooklensCore;
  /** A connected store (events subscribed, initial state loaded). */
  store: StoreApi<AppState>;
  /** Calls per method made by `store` since the last `resetCalls()`. */
  calls: Partial<Record<ApiMethodName, number>>;
  resetCalls(): void;
  /** A second window on the same core, with its own store and no counting. */
  openSecondStore(): Promise<StoreApi<AppState>>;
  /** Posts a webhook to the real capture listener; resolves with the capture id. */
  capture(pathAndQuery: string, body?: string, headers?: Record<string, string>): Promise<string>;
  close(): Promise<void>;
}

function clientFor(core: HooklensCore, count?: (method: ApiMethodName) => void): HooklensClient {
  const client: Record<string, unknown> = {
    on: (event: string, listener: (payload: unknown) => void) =>
      core.events.on(event as never, (payload: unknown) => {
        const copy: unknown = JSON.parse(JSON.stringify(payload));
        setTimeout(() => listener(copy), 0);
      }),
  };
  for (const method of API_METHOD_NAMES) {
    client[method] = async (...args: unknown[]) => {
      count?.(method);
      const outcome = await dispatchApiCall(core.api, method, JSON.parse(JSON.stringify(args)));
      return unwrapOutcome(JSON.parse(JSON.stringify(outcome)));
    };
  }
  return client as unknown as HooklensClient;
}

async function connected(client: HooklensClient): Promise<{ store: StoreApi<AppState>; off: () => void }> {
  const store = createAppStore(client);
  const off = connectStore(client, store);
  await store.getState().loadAll();
  return { store, off };
}

export interface CoreStoreOptions {
  /** Files written into the data directory before the core starts. */
  files?: Record<string, string>;
  /** Captures stored through the store's own write path before the core starts (oldest first). */
  records?: CaptureRecord[];
}

export async function openCoreStore(options: CoreStoreOptions = {}): Promise<CoreStore> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-slices-'));
  for (const [name, text] of Object.entries(options.files ?? {})) await writeFile(path.join(dataDir, name), text);
  if (options.records?.length) {
    const seed = await openCaptureStore({ dataDir });
    for (const record of options.records) await seed.add(record);
    await seed.close();
  }
  const core = await createHooklensCore({ dataDir, mode: 'browser', capturePort: 0, tunnel: { enabled: false } });
  const calls: CoreStore['calls'] = {};
  const { store, off } = await connected(clientFor(core, (m) => (calls[m] = (calls[m] ?? 0) + 1)));
  const offs = [off];
  return {
    core,
    store,
    calls,
    resetCalls() {
      for (const key of Object.keys(calls)) delete calls[key as ApiMethodName];
    },
    async openSecondStore() {
      const second = await connected(clientFor(core));
      offs.push(second.off);
      return second.store;
    },
    async capture(pathAndQuery, body = '{}', headers = { 'Content-Type': 'application/json' }) {
      const res = await fetch(new URL(pathAndQuery, core.status().captureUrl), { method: 'POST', body, headers });
      return ((await res.json()) as { id: string }).id;
    },
    async close() {
      offs.forEach((o) => o());
      await core.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves once `predicate` holds for the store's state (events arrive on later tasks). */
export function until(
  store: StoreApi<AppState>,
  predicate: (s: AppState) => boolean,
  timeoutMs = 5_000,
): Promise<AppState> {
  return new Promise((resolve, reject) => {
    if (predicate(store.getState())) return resolve(store.getState());
    const timer = setTimeout(() => {
      off();
      reject(new Error('The store never reached the expected state.'));
    }, timeoutMs);
    const off = store.subscribe((s) => {
      if (!predicate(s)) return;
      clearTimeout(timer);
      off();
      resolve(s);
    });
  });
}
