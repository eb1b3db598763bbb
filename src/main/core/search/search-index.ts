/*
 * Search over captures in memory. Bodies live on disk, so each capture is read once and reduced to a
 * lowercase haystack (../../../shared/search); the index is built lazily on the first search and then
 * follows new captures (`add`, from the listener's record) and removal events, so later searches
 * touch no disk and stay well under 100 ms at 10k.
 */
import type { CaptureQuery, CaptureSearchResult } from '../../../shared/api/search';
import type { CaptureRecord } from '../../../shared/capture';
import { compileQuery, entryOf, type SearchEntry } from '../../../shared/search/capture-search';
import { pageOf, type WindowBounds } from '../capture/capture-window';
import type { CoreEvents } from '../events';
import { detectByShape } from '../signatures/detect-by-shape';
import type { CaptureStore } from '../store/types';

export interface SearchIndex {
  search(query: CaptureQuery, bounds?: WindowBounds): Promise<CaptureSearchResult>;
  /** Reads every capture not yet indexed (the first search does this on its own). */
  warm(): Promise<void>;
  /** A capture just stored: indexed from the record in hand, without reading it back from disk. */
  add(record: CaptureRecord): void;
  close(): void;
}

const READ_BATCH = 64;

/** Remembered per header shape, shared with health's classification: this runs for every new capture. */
export function providersOf(record: CaptureRecord): string[] {
  return detectByShape(record.method, record.headers).map((p) => p.id);
}

export function createSearchIndex(deps: { store: CaptureStore; events: CoreEvents }): SearchIndex {
  const entries = new Map<string, SearchEntry>();
  let built = false;
  let building: Promise<void> | null = null;

  async function indexOne(id: string): Promise<void> {
    const record = await deps.store.get(id).catch(() => undefined);
    // Deleted while it was being read: do not resurrect it.
    if (record && deps.store.has(id)) entries.set(id, entryOf(record, providersOf(record)));
  }

  async function fill(): Promise<void> {
    const missing = deps.store
      .list()
      .filter((c) => !entries.has(c.id))
      .map((c) => c.id);
    for (let i = 0; i < missing.length; i += READ_BATCH)
      await Promise.all(missing.slice(i, i + READ_BATCH).map(indexOne));
  }

  function warm(): Promise<void> {
    // Built, new captures come through `add` and removals through events: a walk of every stored
    // capture (a list copy at 100,000) is only needed when some arrived another way.
    if (built) return entries.size === deps.store.count() ? Promise.resolve() : fill();
    building ??= fill().then(() => {
      built = true;
    });
    return building;
  }

  const offs = [
    deps.events.on('capture:removed', ({ ids }) => ids.forEach((id) => entries.delete(id))),
    deps.events.on('capture:cleared', () => entries.clear()),
  ];

  return {
    warm,
    add(record) {
      // Before the first build the capture is picked up by fill(), like every stored one.
      if (built || building) entries.set(record.id, entryOf(record, providersOf(record)));
    },
    async search(query, bounds = { offset: 0, limit: Infinity, health: null }) {
      await warm();
      const started = performance.now();
      const test = compileQuery(query);
      const page = pageOf(
        deps.store.newest(),
        (c) => {
          const e = entries.get(c.id);
          return e !== undefined && test(e);
        },
        bounds,
      );
      return { ...page, ids: page.items.map((c) => c.id), ms: Math.round((performance.now() - started) * 100) / 100 };
    },
    close() {
      offs.forEach((off) => off());
    },
  };
}
