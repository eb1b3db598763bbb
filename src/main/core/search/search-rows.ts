/*
 * The search entries in the store's order (oldest first, so a new capture is a push), with an id
 * map for removals. A search walks the store's summaries newest first and this list alongside, so
 * each row's entry is the one under a cursor: an id comparison instead of a map lookup per row,
 * which at 100,000 captures was most of a search's time. The walk never trusts the order blindly:
 * a row whose entry is not under the cursor is looked up by id, and the list is put back in the
 * store's order after that search.
 */
import type { CaptureSummary } from '../../../shared/capture';
import type { SearchEntry } from '../../../shared/search/capture-search';
import type { SummaryScan } from '../store/capture-index';

interface Row {
  entry: SearchEntry;
  live: boolean;
}

/** Looks up the entry of each summary of one newest-first walk of the store. */
export interface RowWalk {
  entryFor(summary: CaptureSummary): SearchEntry | undefined;
  /** Whether some entry was not where the store's order put it (then `reorder` fixes the list). */
  readonly disordered: boolean;
}

/** Removed rows stay as holes until this many pile up and make at least half the list. */
const COMPACT_HOLES = 1024;

export class SearchRows {
  private readonly byId = new Map<string, Row>();
  private order: Row[] = [];
  private holes = 0;

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** A capture's entry: a new one goes at the newest end, a known one is replaced where it is. */
  put(entry: SearchEntry): void {
    const known = this.byId.get(entry.id);
    if (known) {
      known.entry = entry;
      return;
    }
    const row: Row = { entry, live: true };
    this.byId.set(entry.id, row);
    this.order.push(row);
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      const row = this.byId.get(id);
      if (!row) continue;
      this.byId.delete(id);
      row.live = false;
      this.holes += 1;
    }
    if (this.holes > COMPACT_HOLES && this.holes * 2 > this.order.length) this.compact();
  }

  clear(): void {
    this.byId.clear();
    this.order = [];
    this.holes = 0;
  }

  /** Puts the list in the store's order; entries of captures the store no longer has are dropped. */
  reorder(store: SummaryScan): void {
    const newest: Row[] = [];
    const seen = new Set<Row>();
    store.scanNewest((summary) => {
      const row = this.byId.get(summary.id);
      if (row) {
        newest.push(row);
        seen.add(row);
      }
      return true;
    });
    for (const [id, row] of this.byId) if (!seen.has(row)) this.byId.delete(id);
    this.order = newest.reverse();
    this.holes = 0;
  }

  /**
   * One newest-first walk alongside the store's. `isStored` tells an entry whose removal has not
   * been announced yet (passed over) from one out of place (looked up by id, and reported).
   */
  walk(isStored: (id: string) => boolean): RowWalk {
    const { order, byId } = this;
    let k = order.length - 1;
    let disordered = false;
    return {
      get disordered() {
        return disordered;
      },
      entryFor(summary) {
        for (; k >= 0; k -= 1) {
          const row = order[k];
          if (!row.live) continue;
          if (row.entry.id === summary.id) {
            k -= 1;
            return row.entry;
          }
          if (isStored(row.entry.id)) break;
        }
        const row = byId.get(summary.id);
        if (row) disordered = true;
        return row?.entry;
      },
    };
  }

  private compact(): void {
    this.order = this.order.filter((row) => row.live);
    this.holes = 0;
  }
}
