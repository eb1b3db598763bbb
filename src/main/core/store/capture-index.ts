/*
 * What the store keeps in memory: one small entry per capture (its summary and where its journal
 * line is), in arrival order, plus per-segment and per-blob reference counts so the store knows
 * when a file holds nothing live any more. Bodies are never held here.
 */
import type { CaptureSummary } from '../../../shared/capture';

export interface IndexEntry {
  summary: CaptureSummary;
  /** Journal segment number, byte offset and length of the record's line. */
  seg: number;
  off: number;
  len: number;
  blob?: string;
}

interface Slot {
  entry: IndexEntry;
  live: boolean;
}

/** Summaries newest first, walked where they are instead of copied into a list. */
export interface SummaryScan {
  readonly size: number;
  /** Calls `visit` on each summary newest first, after passing over `skip` of them, until it returns false. */
  scanNewest(visit: (summary: CaptureSummary) => boolean, skip?: number): void;
}

export interface SegmentUse {
  live: number;
  liveBytes: number;
}

export class CaptureIndex implements SummaryScan {
  private readonly byId = new Map<string, Slot>();
  /** Oldest first; removed slots stay until enough pile up to be worth compacting. */
  private order: Slot[] = [];
  private holes = 0;
  /** No live slot before this position: eviction scans start here instead of at the dead prefix. */
  private head = 0;
  private readonly segments = new Map<number, SegmentUse>();
  private readonly blobs = new Map<string, number>();

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): IndexEntry | undefined {
    return this.byId.get(id)?.entry;
  }

  /** Adds a new capture at the newest end, or moves an existing one's location (keeping its place). */
  put(entry: IndexEntry): void {
    this.use(entry, 1);
    const slot = this.byId.get(entry.summary.id);
    if (slot) {
      this.use(slot.entry, -1);
      slot.entry = entry;
      return;
    }
    const fresh: Slot = { entry, live: true };
    this.byId.set(entry.summary.id, fresh);
    this.order.push(fresh);
  }

  setPinned(id: string, pinned: boolean): CaptureSummary | undefined {
    const slot = this.byId.get(id);
    if (!slot) return undefined;
    const { pinned: _old, ...rest } = slot.entry.summary;
    slot.entry = { ...slot.entry, summary: pinned ? { ...rest, pinned: true } : rest };
    return slot.entry.summary;
  }

  /** Replaces a capture's health (undefined removes it); returns the new summary. */
  setHealth(id: string, health: CaptureSummary['health']): CaptureSummary | undefined {
    const slot = this.byId.get(id);
    if (!slot) return undefined;
    const { health: _old, ...rest } = slot.entry.summary;
    slot.entry = { ...slot.entry, summary: health ? { ...rest, health } : rest };
    return slot.entry.summary;
  }

  /** Removes captures; returns blob hashes no longer referenced by anything live. */
  remove(ids: Iterable<string>): string[] {
    const freed: string[] = [];
    for (const id of ids) {
      const slot = this.byId.get(id);
      if (!slot) continue;
      this.byId.delete(id);
      slot.live = false;
      this.holes += 1;
      const hash = this.use(slot.entry, -1);
      if (hash) freed.push(hash);
    }
    while (this.head < this.order.length && !this.order[this.head].live) this.head += 1;
    if (this.holes > 1024 && this.holes * 2 > this.order.length) {
      this.order = this.order.filter((s) => s.live);
      this.holes = 0;
      this.head = 0;
    }
    return freed;
  }

  /** Removes everything; returns every blob hash that was referenced. */
  clear(): string[] {
    const freed = [...this.blobs.keys()];
    this.byId.clear();
    this.order = [];
    this.holes = 0;
    this.head = 0;
    this.segments.clear();
    this.blobs.clear();
    return freed;
  }

  newestFirst(): CaptureSummary[] {
    const out: CaptureSummary[] = new Array(this.byId.size);
    let i = 0;
    for (let k = this.order.length - 1; k >= 0; k -= 1) {
      const slot = this.order[k];
      if (slot.live) out[i++] = slot.entry.summary;
    }
    return out;
  }

  scanNewest(visit: (summary: CaptureSummary) => boolean, skip = 0): void {
    let k = this.order.length - 1;
    // Without removed slots a position is a row number: the skip costs nothing.
    if (this.holes === 0) k -= skip;
    else {
      for (let left = skip; left > 0 && k >= 0; k -= 1) if (this.order[k].live) left -= 1;
    }
    for (; k >= 0; k -= 1) {
      const slot = this.order[k];
      if (slot.live && !visit(slot.entry.summary)) return;
    }
  }

  oldestFirst(): IndexEntry[] {
    const out: IndexEntry[] = [];
    for (const slot of this.order) if (slot.live) out.push(slot.entry);
    return out;
  }

  /** The oldest unpinned captures beyond `max`, never one of `protect` (a batch still being written). */
  pickEvictions(max: number, incoming: number, protect: ReadonlySet<string>): string[] {
    let excess = this.byId.size + incoming - max;
    const out: string[] = [];
    for (let k = this.head; k < this.order.length && excess > 0; k += 1) {
      const slot = this.order[k];
      if (!slot.live || slot.entry.summary.pinned || protect.has(slot.entry.summary.id)) continue;
      out.push(slot.entry.summary.id);
      excess -= 1;
    }
    return out;
  }

  segmentUse(seg: number): SegmentUse {
    return this.segments.get(seg) ?? { live: 0, liveBytes: 0 };
  }

  blobInUse(hash: string): boolean {
    return (this.blobs.get(hash) ?? 0) > 0;
  }

  /** Adjusts reference counts; returns the blob hash when its count dropped to zero. */
  private use(entry: IndexEntry, delta: 1 | -1): string | undefined {
    const seg = this.segments.get(entry.seg) ?? { live: 0, liveBytes: 0 };
    seg.live += delta;
    seg.liveBytes += delta * (entry.len + 1);
    if (seg.live <= 0) this.segments.delete(entry.seg);
    else this.segments.set(entry.seg, seg);
    if (!entry.blob) return undefined;
    const n = (this.blobs.get(entry.blob) ?? 0) + delta;
    if (n <= 0) {
      this.blobs.delete(entry.blob);
      return entry.blob;
    }
    this.blobs.set(entry.blob, n);
    return undefined;
  }
}
