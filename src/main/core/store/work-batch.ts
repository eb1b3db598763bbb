/*
 * What the write queue holds, and how one batch of it becomes journal operations. Kept apart from
 * the queue itself: this part decides *what* is written (blob spilling, which compaction moves are
 * still valid), the store decides *when* and settles the callers.
 */
import type { CaptureRecord, CaptureSummary } from '../../../shared/capture';
import { assertNever } from '../../../shared/errors';
import { blobHash, spillableBytes, type BlobDir } from './blobs';
import type { CaptureIndex, IndexEntry } from './capture-index';
import type { HealthUpdate, JournalOp, StoredRecord } from './record-shape';

export interface Waiter<T> {
  resolve(value: T): void;
  reject(err: unknown): void;
}

export type WorkItem =
  | { kind: 'add'; record: CaptureRecord; waiter: Waiter<void> }
  /** `waiter` is absent for removals the store decides itself (retention); `freed` are blobs to delete once durable. */
  | { kind: 'delete'; ids: string[]; waiter?: Waiter<void>; freed?: string[] }
  | { kind: 'clear'; waiter: Waiter<void> }
  | { kind: 'pin'; id: string; pinned: boolean; waiter: Waiter<CaptureSummary | undefined> }
  | { kind: 'health'; updates: HealthUpdate[]; waiter: Waiter<CaptureSummary[]> }
  /** Compaction: re-write a live capture's line into the current segment. */
  | { kind: 'move'; id: string; seg: number; off: number };

export interface BuiltBatch {
  ops: JournalOp[];
  /** Ids this batch deletes; `cleared` when it clears everything. */
  removed: Set<string>;
  cleared: boolean;
  /** A blob file was written: its directory needs an fsync before the journal line refers to it. */
  wroteBlob: boolean;
}

export interface BatchContext {
  index: CaptureIndex;
  blobs: BlobDir;
  readLine(entry: IndexEntry): Promise<Buffer>;
}

export async function buildOps(items: readonly WorkItem[], ctx: BatchContext): Promise<BuiltBatch> {
  const ops: JournalOp[] = [];
  const removed = new Set<string>();
  let cleared = false;
  let wroteBlob = false;
  for (const item of items) {
    switch (item.kind) {
      case 'add': {
        const bytes = spillableBytes(item.record.body);
        let record: StoredRecord = item.record;
        if (bytes) {
          const hash = blobHash(bytes);
          await ctx.blobs.write(hash, bytes);
          wroteBlob = true;
          record = {
            ...item.record,
            body: { size: item.record.body.size, encoding: item.record.body.encoding, blob: hash },
          };
        }
        ops.push({ op: 'add', record });
        removed.delete(item.record.id);
        break;
      }
      case 'delete':
        ops.push({ op: 'delete', ids: item.ids });
        for (const id of item.ids) removed.add(id);
        break;
      case 'clear':
        ops.push({ op: 'clear' });
        cleared = true;
        break;
      case 'pin':
        ops.push({ op: 'pin', id: item.id, pinned: item.pinned });
        break;
      case 'health': {
        const live = item.updates.filter(([id]) => !cleared && !removed.has(id) && ctx.index.has(id));
        if (live.length > 0) ops.push({ op: 'health', updates: live });
        break;
      }
      case 'move': {
        const entry = ctx.index.get(item.id);
        // Moving a capture deleted since it was planned would bring it back on replay.
        if (cleared || removed.has(item.id) || !entry || entry.seg !== item.seg || entry.off !== item.off) break;
        // Compaction is optional: a line that cannot be read stays where it is, the batch goes on.
        const stored = await ctx
          .readLine(entry)
          .then((buf) => (JSON.parse(buf.toString('utf8')) as { record: StoredRecord }).record)
          .catch(() => null);
        if (!stored) break;
        // Pin and health changed by later operations live in the summary: the moved line carries them.
        const { pinned: _p, health: _h, ...rest } = stored;
        const { pinned, health } = entry.summary;
        ops.push({
          op: 'add',
          record: { ...rest, ...(pinned ? { pinned: true } : {}), ...(health ? { health } : {}) },
        });
        break;
      }
      default:
        assertNever(item, 'store work item');
    }
  }
  return { ops, removed, cleared, wroteBlob };
}

/** Resolves each caller once its batch is durable and applied to the index. */
export function settle(items: readonly WorkItem[], index: CaptureIndex): void {
  for (const item of items) {
    switch (item.kind) {
      case 'pin':
        item.waiter.resolve(index.get(item.id)?.summary);
        break;
      case 'health': {
        const out: CaptureSummary[] = [];
        for (const [id] of item.updates) {
          const summary = index.get(id)?.summary;
          if (summary) out.push(summary);
        }
        item.waiter.resolve(out);
        break;
      }
      case 'add':
      case 'clear':
        item.waiter.resolve();
        break;
      case 'delete':
        item.waiter?.resolve();
        break;
      case 'move':
        break;
      default:
        assertNever(item, 'store work item');
    }
  }
}
