/*
 * The capture store. Writes go through one queue with group commit: everything that arrives while
 * a batch is being made durable goes into the next batch, one journal write and one fdatasync for
 * all of it, and each caller's promise settles with its batch. A batch that fails is rejected as a
 * whole and its bytes are cut off the journal before the next one is written.
 *
 * Every so often (tuning.rollBytes / rollOps, scaled up once the store is large) the journal
 * segment is sealed and the in-memory index is written to captures.json through lowdb; sealed
 * segments holding nothing live are then removed,
 * and mostly-dead ones are compacted by re-writing their live captures to the current segment.
 * See docs/architecture.md, "How captures are stored".
 */
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Low } from 'lowdb';
import type { CaptureRecord, CaptureSummary } from '../../../shared/capture';
import type { StoreNotice } from '../../../shared/api/status';
import { HooklensError } from '../../../shared/errors';
import { BlobDir } from './blobs';
import type { CaptureIndex, SummaryScan } from './capture-index';
import { CaptureReader } from './capture-reader';
import { fsyncDir } from '../durable-file';
import { encodeOps, segmentName, SegmentWriter } from './journal';
import { isCaptureRecord, type HealthUpdate, type JournalOp } from './record-shape';
import { buildOps, settle, type Waiter, type WorkItem } from './work-batch';
import type { SnapshotDoc } from './snapshot';
import { applyOp, loadStore, type StorePaths } from './store-loader';
import { DEFAULT_TUNING, movesWorthMaking, rollScale, type BatchStats, type StoreTuning } from './store-tuning';
import type { StoreLock } from './store-lock';
import { createNoticeBoard, type NoticeBoard } from '../notice-board';
import type { CaptureStore, CaptureStoreOptions } from './types';

export const DEFAULT_MAX_CAPTURES = 10_000;

class JournalCaptureStore implements CaptureStore {
  /** Called after every durable batch; the bench reads flush times from it. */
  onBatch?: (stats: BatchStats) => void;

  private pending: WorkItem[] = [];
  private loop: Promise<void> | null = null;
  private writer: SegmentWriter | null = null;
  private closed = false;
  private readonly compacting = new Set<number>();
  private snapshotting: Promise<void> | null = null;
  private readonly blobs: BlobDir;
  private readonly reader: CaptureReader;

  constructor(
    private readonly paths: StorePaths,
    private readonly lock: StoreLock,
    private readonly db: Low<SnapshotDoc>,
    private readonly index: CaptureIndex,
    private readonly board: NoticeBoard,
    private readonly maxCaptures: number,
    private readonly onEvicted: ((ids: string[]) => void) | undefined,
    private readonly tuning: StoreTuning,
    private activeSeg: number,
    private activeSize: number,
    private opsSinceSnapshot: number,
    private readonly segSizes: Map<number, number>,
  ) {
    this.blobs = new BlobDir(paths.blobs);
    this.reader = new CaptureReader(paths.journal, index, this.blobs, board, (record) => this.add(record));
  }

  get notices(): StoreNotice[] {
    return this.board.list();
  }

  // ---- reads (memory, or one positional read) ----

  list(): CaptureSummary[] {
    return this.index.newestFirst();
  }

  newest(): SummaryScan {
    return this.index;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  count(): number {
    return this.index.size;
  }

  get(id: string): Promise<CaptureRecord | undefined> {
    return this.reader.get(id);
  }

  // ---- writes (queued, group-committed) ----

  add(record: CaptureRecord): Promise<void> {
    if (!isCaptureRecord(record)) return Promise.reject(new HooklensError('invalid_argument', 'Not a capture record.'));
    return this.enqueue<void>((waiter) => ({ kind: 'add', record, waiter }));
  }

  delete(ids: string[]): Promise<void> {
    const known = ids.filter((id) => this.index.has(id));
    if (known.length === 0) return this.closed ? this.rejectClosed() : Promise.resolve();
    return this.enqueue<void>((waiter) => ({ kind: 'delete', ids: known, waiter }));
  }

  clear(): Promise<void> {
    return this.enqueue<void>((waiter) => ({ kind: 'clear', waiter }));
  }

  setPinned(id: string, pinned: boolean): Promise<CaptureSummary | undefined> {
    if (!this.index.has(id)) return this.closed ? this.rejectClosed() : Promise.resolve(undefined);
    return this.enqueue<CaptureSummary | undefined>((waiter) => ({ kind: 'pin', id, pinned, waiter }));
  }

  setHealth(updates: HealthUpdate[]): Promise<CaptureSummary[]> {
    const known = updates.filter(([id]) => this.index.has(id));
    if (known.length === 0) return this.closed ? this.rejectClosed() : Promise.resolve([]);
    return this.enqueue<CaptureSummary[]>((waiter) => ({ kind: 'health', updates: known, waiter }));
  }

  private rejectClosed<T>(): Promise<T> {
    return Promise.reject(new HooklensError('store_failed', 'The capture store is closed.'));
  }

  private enqueue<T>(make: (waiter: Waiter<T>) => WorkItem): Promise<T> {
    if (this.closed) return this.rejectClosed();
    return new Promise<T>((resolve, reject) => {
      this.pending.push(make({ resolve, reject }));
      this.kick();
    });
  }

  private kick(): void {
    if (this.loop) return;
    // setImmediate lets every request already parsed in this turn join the first batch.
    this.loop = new Promise<void>((r) => setImmediate(r))
      .then(() => this.drain())
      .finally(() => {
        this.loop = null;
        if (this.pending.length > 0) this.kick();
      });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.tuning.maxBatch);
      await this.writeBatch(batch);
      if (!this.snapshotting) {
        const roll = rollScale(this.index.size, this.tuning);
        if (this.activeSize >= this.tuning.rollBytes * roll || this.opsSinceSnapshot >= this.tuning.rollOps * roll)
          void this.startSnapshot();
      }
    }
  }

  /** Runs queued work now (opening the store uses it before anyone else can queue). */
  async flushNow(): Promise<void> {
    while (this.loop || this.pending.length > 0) {
      if (!this.loop) this.kick();
      await this.loop;
    }
  }

  private async writeBatch(items: WorkItem[]): Promise<void> {
    const started = performance.now();
    try {
      const { ops, removed, cleared, wroteBlob } = await buildOps(items, {
        index: this.index,
        blobs: this.blobs,
        readLine: (entry) => this.reader.readLine(entry),
      });
      // Retention rides in the same write as the captures that push the count over the cap.
      const evicted = cleared || removed.size > 0 ? [] : this.evictionsFor(ops);
      if (evicted.length > 0) ops.push({ op: 'delete', ids: evicted });
      if (wroteBlob) await fsyncDir(this.paths.blobs);
      if (ops.length === 0) return settle(items, this.index);
      const writer = await this.activeWriter();
      const { data, ranges } = encodeOps(ops);
      const base = await writer.append(data);
      this.activeSize = writer.size;
      this.opsSinceSnapshot += ops.length;

      const freed: string[] = [];
      ops.forEach((op, i) => freed.push(...applyOp(this.index, op, writer.seg, base + ranges[i].off, ranges[i].len)));
      for (const item of items) if (item.kind === 'delete' && item.freed) freed.push(...item.freed);
      settle(items, this.index);
      this.onBatch?.({ items: items.length, bytes: data.length, ms: performance.now() - started });
      if (evicted.length > 0) this.notifyEvicted(evicted);
      this.enforceRetention();
      await this.removeBlobs(freed);
    } catch (err) {
      const failure = new HooklensError('store_failed', `Captures could not be written: ${(err as Error).message}`);
      this.noteFailure(
        'A write to the captures journal failed; until one succeeds captures are not acknowledged, so senders retry',
        err,
      );
      for (const item of items) if ('waiter' in item) item.waiter?.reject(failure);
    }
  }

  private async activeWriter(): Promise<SegmentWriter> {
    if (!this.writer) this.writer = await SegmentWriter.open(this.paths.journal, this.activeSeg, this.activeSize);
    return this.writer;
  }

  private evictionsFor(ops: JournalOp[]): string[] {
    const incoming = new Set<string>();
    for (const op of ops) if (op.op === 'add' && !this.index.has(op.record.id)) incoming.add(op.record.id);
    if (this.index.size + incoming.size <= this.maxCaptures) return [];
    return this.index.pickEvictions(this.maxCaptures, incoming.size, incoming);
  }

  private notifyEvicted(ids: string[]): void {
    try {
      this.onEvicted?.(ids);
    } catch {
      // A listener's failure must not fail the batch that was already written.
    }
  }

  /** Evicts what is still beyond the cap (a lowered cap, a batch that also deleted); the removal rides on the next batch. */
  private enforceRetention(): void {
    if (this.index.size <= this.maxCaptures) return;
    const ids = this.index.pickEvictions(this.maxCaptures, 0, new Set());
    if (ids.length === 0) return;
    const freed = this.index.remove(ids);
    // Blob files go only once the removal is durable, or a crash would bring back bodiless captures.
    this.pending.push({ kind: 'delete', ids, freed });
    this.notifyEvicted(ids);
  }

  private async removeBlobs(hashes: string[]): Promise<void> {
    for (const hash of hashes) if (!this.index.blobInUse(hash)) await this.blobs.remove(hash).catch(() => undefined);
  }

  private noteFailure(what: string, err: unknown): void {
    this.board.add({ kind: 'write-failed', message: `${what}: ${(err as Error)?.message ?? String(err)}` });
  }

  // ---- sealing, snapshot, collection ----

  /**
   * Seals the active segment and saves the index through lowdb. Only the sealing holds up the
   * queue; the index is written while later batches go to the next segment. Once it is durable,
   * segments before it that hold nothing live are deleted and mostly-dead ones compacted.
   */
  private startSnapshot(): Promise<void> {
    if (this.snapshotting) return this.snapshotting;
    const old = this.writer;
    if (old) {
      this.segSizes.set(this.activeSeg, old.size);
      this.writer = null;
    }
    if (this.segSizes.has(this.activeSeg)) {
      this.activeSeg += 1;
      this.activeSize = 0;
    }
    const replayFrom = this.activeSeg;
    const captured = this.opsSinceSnapshot;
    this.opsSinceSnapshot = 0;
    this.db.data = { kind: 'v2', savedAt: new Date().toISOString(), replayFrom, captures: this.index.oldestFirst() };
    const write = this.db.write();
    this.snapshotting = (async () => {
      try {
        await old?.close();
        await write;
        await this.collect(replayFrom);
      } catch (err) {
        // The journal still holds everything; the next snapshot covers these operations too.
        this.opsSinceSnapshot += captured;
        this.noteFailure('The captures index could not be saved', err);
      } finally {
        this.snapshotting = null;
      }
    })();
    return this.snapshotting;
  }

  /** Waits for any snapshot in progress, then takes one now. */
  async snapshot(): Promise<void> {
    await this.flushNow();
    await this.snapshotting;
    await this.startSnapshot();
  }

  private async collect(replayFrom: number): Promise<void> {
    let planned = false;
    for (const [seg, size] of this.segSizes) {
      if (seg >= replayFrom) continue;
      const use = this.index.segmentUse(seg);
      if (use.live === 0) {
        this.reader.dropReader(seg);
        await unlink(path.join(this.paths.journal, segmentName(seg))).catch(() => undefined);
        this.segSizes.delete(seg);
        this.compacting.delete(seg);
      } else if (!this.closed && !this.compacting.has(seg) && use.liveBytes * 2 < size) {
        // Mostly dead: re-write its live captures forward so the whole file can go next time.
        const moves = movesWorthMaking(this.index, seg, this.maxCaptures, this.tuning);
        if (moves.length === 0) continue;
        this.compacting.add(seg);
        for (const e of moves) this.pending.push({ kind: 'move', id: e.summary.id, seg, off: e.off });
        planned = true;
      }
    }
    if (planned) this.kick();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    while (this.loop || this.pending.length > 0 || this.snapshotting) {
      await this.flushNow();
      await this.snapshotting;
    }
    this.closed = true;
    try {
      if (this.opsSinceSnapshot > 0) await this.startSnapshot();
    } finally {
      this.pending = [];
      await this.writer?.close();
      this.writer = null;
      this.reader.closeAll();
      await this.lock.release();
    }
  }

  /** Opening: evict beyond the cap, write recovery's removals, save a fresh index if needed. */
  async settleOpen(pendingDeletes: string[], pendingAdds: CaptureRecord[], needSnapshot: boolean): Promise<void> {
    if (pendingDeletes.length) this.pending.push({ kind: 'delete', ids: pendingDeletes });
    const failures: unknown[] = [];
    for (const record of pendingAdds)
      this.pending.push({ kind: 'add', record, waiter: { resolve: () => undefined, reject: (e) => failures.push(e) } });
    this.enforceRetention();
    await this.flushNow();
    if (failures.length > 0) throw failures[0];
    if (needSnapshot) await this.snapshot();
    await this.flushNow();
    await this.snapshotting;
  }
}

export interface OpenCaptureStoreOptions extends CaptureStoreOptions {
  tuning?: Partial<StoreTuning>;
}

export type JournalStore = CaptureStore & { onBatch?: (stats: BatchStats) => void; snapshot(): Promise<void> };

export async function openCaptureStore(opts: OpenCaptureStoreOptions): Promise<JournalStore> {
  const max = opts.maxCaptures ?? DEFAULT_MAX_CAPTURES;
  if (!Number.isSafeInteger(max) || max < 1)
    throw new HooklensError('invalid_argument', 'maxCaptures must be a positive integer.');
  const loaded = await loadStore(opts.dataDir);
  const board = opts.notices ?? createNoticeBoard();
  for (const notice of loaded.notices) board.add(notice);
  const store = new JournalCaptureStore(
    loaded.paths,
    loaded.lock,
    loaded.db,
    loaded.index,
    board,
    max,
    opts.onEvicted,
    { ...DEFAULT_TUNING, ...opts.tuning },
    loaded.activeSeg,
    loaded.activeSize,
    loaded.opsSinceSnapshot,
    loaded.segSizes,
  );
  try {
    await store.settleOpen(loaded.pendingDeletes, loaded.pendingAdds, loaded.needSnapshot);
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}
