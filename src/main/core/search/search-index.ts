/*
 * Search over captures in memory. Bodies live on disk, so each capture is read once and reduced to a
 * lowercase haystack (../../../shared/search); the index is built lazily on the first search and then
 * follows new captures (`add`, from the listener's record) and removal events, so later searches
 * touch no disk. The entries are kept in the store's order (./search-rows), so a search over
 * 100,000 captures is one walk of both lists with no lookup by id per row.
 */
import type { CaptureQuery, CaptureSearchResult } from '../../../shared/api/search';
import type { CaptureRecord } from '../../../shared/capture';
import { compileQuery, entryOf } from '../../../shared/search/capture-search';
import { passesHealthFilters } from '../../../shared/health-filters';
import { pageOf, type WindowBounds } from '../capture/capture-window';
import type { CoreEvents } from '../events';
import { detectByShape } from '../signatures/detect-by-shape';
import type { CaptureStore } from '../store/types';
import { SearchRows } from './search-rows';

export interface SearchIndex {
  search(query: CaptureQuery, bounds?: WindowBounds): Promise<CaptureSearchResult>;
  /** Reads every capture not yet indexed (the first search does this on its own). */
  warm(): Promise<void>;
  /** A capture just stored: indexed from the record in hand, without reading it back from disk. */
  add(record: CaptureRecord): void;
  close(): void;
}

const READ_BATCH = 64;
/** Body bytes read at once while building the index (a single larger body is read alone). */
export const READ_BATCH_BYTES = 32 * 1024 * 1024;

/** Remembered per header shape, shared with health's classification: this runs for every new capture. */
export function providersOf(record: CaptureRecord): string[] {
  return detectByShape(record.method, record.headers).map((p) => p.id);
}

export function createSearchIndex(deps: {
  store: CaptureStore;
  events: CoreEvents;
  /** READ_BATCH_BYTES unless a test asks for less. */
  readBatchBytes?: number;
}): SearchIndex {
  const readBatchBytes = deps.readBatchBytes ?? READ_BATCH_BYTES;
  const entries = new SearchRows();
  let built = false;
  let building: Promise<void> | null = null;

  async function indexOne(id: string): Promise<void> {
    const record = await deps.store.get(id).catch(() => undefined);
    // Deleted while it was being read: do not resurrect it.
    if (record && deps.store.has(id)) entries.put(entryOf(record, providersOf(record)));
  }

  async function fill(): Promise<void> {
    const missing = deps.store.list().filter((c) => !entries.has(c.id));
    // Each read holds a whole record: large bodies are read a few at a time, not 64 together.
    let batch: string[] = [];
    let bytes = 0;
    for (const c of missing) {
      if (batch.length >= READ_BATCH || (batch.length > 0 && bytes + c.size > readBatchBytes)) {
        await Promise.all(batch.map(indexOne));
        batch = [];
        bytes = 0;
      }
      batch.push(c.id);
      bytes += c.size;
    }
    await Promise.all(batch.map(indexOne));
    // Reads finish in any order: put the entries back in the store's.
    if (missing.length > 0) entries.reorder(deps.store.newest());
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
    deps.events.on('capture:removed', ({ ids }) => entries.remove(ids)),
    deps.events.on('capture:cleared', () => entries.clear()),
  ];

  return {
    warm,
    add(record) {
      // Before the first build the capture is picked up by fill(), like every stored one.
      if (built || building) entries.put(entryOf(record, providersOf(record)));
    },
    async search(query, bounds = { offset: 0, limit: Infinity, health: null }) {
      await warm();
      const started = performance.now();
      const test = compileQuery(query);
      const { health } = bounds;
      const walk = entries.walk((id) => deps.store.has(id));
      // The walk must see every row, so the health filters are applied here, after the entry's.
      const page = pageOf(
        deps.store.newest(),
        (c) => {
          const e = walk.entryFor(c);
          return e !== undefined && test(e) && (health === null || passesHealthFilters(c, health));
        },
        { ...bounds, health: null },
      );
      if (walk.disordered) entries.reorder(deps.store.newest());
      return { ...page, ids: page.items.map((c) => c.id), ms: Math.round((performance.now() - started) * 100) / 100 };
    },
    close() {
      offs.forEach((off) => off());
    },
  };
}
