/*
 * Opening the store: read the lowdb index, replay the journal after it, and recover from whatever
 * a crash, a full disk or a hand edit left behind. Nothing unreadable is overwritten or deleted: it
 * is moved or copied aside, everything readable is kept, and a notice says how many captures came
 * back and where the old bytes went.
 */
import { copyFile, open, readdir, readFile, rename, stat, truncate, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { summarize, type CaptureRecord, type CaptureSummary } from '../../../shared/capture';
import { capturedBody } from '../body-buffer';
import type { StoreNotice } from '../../../shared/api/status';
import { assertNever, HooklensError } from '../../../shared/errors';
import { BlobDir, blobHash, spillableBytes } from './blobs';
import { CaptureIndex, type IndexEntry } from './capture-index';
import { DurableTextFile, ensurePrivateDir, fileStamp, fsyncDir, setAside, writeFileDurably } from '../durable-file';
import { encodeOps, listSegments, scanSegment, segmentName, SegmentWriter } from './journal';
import { isBlobBody, type JournalOp, type StoredRecord } from './record-shape';
import { SNAPSHOT_FILE, snapshotCodec, type SnapshotDoc } from './snapshot';
import { lockStore, type StoreLock } from './store-lock';

export const JOURNAL_DIR = 'captures';
export const BLOB_DIR = 'blobs';

export interface StorePaths {
  dataDir: string;
  snapshot: string;
  journal: string;
  blobs: string;
}

export function storePaths(dataDir: string): StorePaths {
  const journal = path.join(dataDir, JOURNAL_DIR);
  return { dataDir, snapshot: path.join(dataDir, SNAPSHOT_FILE), journal, blobs: path.join(journal, BLOB_DIR) };
}

export interface LoadedStore {
  paths: StorePaths;
  lock: StoreLock;
  db: Low<SnapshotDoc>;
  index: CaptureIndex;
  notices: StoreNotice[];
  /** First segment whose operations are not in the snapshot. */
  replayFrom: number;
  /** Segment new writes go to, and its acknowledged length. */
  activeSeg: number;
  activeSize: number;
  /** Operations in the journal since the snapshot. */
  opsSinceSnapshot: number;
  segSizes: Map<number, number>;
  /** Recovery changed what is stored: write a fresh snapshot now. */
  needSnapshot: boolean;
  /** Removals recovery decided on, to be written to the journal at once. */
  pendingDeletes: string[];
  /** Captures recovery re-writes (kept with what survived and a damage mark), written at once. */
  pendingAdds: CaptureRecord[];
}

export function summarizeStored(record: StoredRecord): CaptureSummary {
  // The summary never reads the body's text: only a spilled body needs a stand-in (no copy of every record).
  if (!isBlobBody(record.body)) return summarize(record as CaptureRecord);
  return summarize({ ...record, body: { size: record.body.size, encoding: record.body.encoding, text: '' } });
}

export function entryFor(record: StoredRecord, seg: number, off: number, len: number): IndexEntry {
  const entry: IndexEntry = { summary: summarizeStored(record), seg, off, len };
  if (isBlobBody(record.body)) entry.blob = record.body.blob;
  return entry;
}

export function applyOp(index: CaptureIndex, op: JournalOp, seg: number, off: number, len: number): string[] {
  switch (op.op) {
    case 'add':
      index.put(entryFor(op.record, seg, off, len));
      return [];
    case 'delete':
      return index.remove(op.ids);
    case 'clear':
      return index.clear();
    case 'pin':
      index.setPinned(op.id, op.pinned);
      return [];
    case 'health':
      for (const [id, health] of op.updates) index.setHealth(id, health ?? undefined);
      return [];
    default:
      return assertNever(op, 'journal operation');
  }
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export async function loadStore(dataDir: string): Promise<LoadedStore> {
  const paths = storePaths(dataDir);
  await ensurePrivateDir(dataDir);
  await ensurePrivateDir(paths.journal);
  await ensurePrivateDir(paths.blobs);
  const lock = await lockStore(paths.journal);
  try {
    return await load(paths, lock);
  } catch (err) {
    await lock.release();
    throw err;
  }
}

async function load(paths: StorePaths, lock: StoreLock): Promise<LoadedStore> {
  const { dataDir } = paths;
  const notices: StoreNotice[] = [];
  const index = new CaptureIndex();
  const blobs = new BlobDir(paths.blobs);
  const db = new Low<SnapshotDoc>(new DurableTextFile(paths.snapshot, snapshotCodec), {
    kind: 'v2',
    savedAt: '',
    replayFrom: 1,
    captures: [],
  });
  let segs = await listSegments(paths.journal);
  const segSizes = new Map<number, number>();
  for (const seg of segs) segSizes.set(seg, (await stat(path.join(paths.journal, segmentName(seg)))).size);

  const existed = await stat(paths.snapshot).then(
    () => true,
    () => false,
  );
  try {
    await db.read();
  } catch (err) {
    // A directory (or another non-file) where the index should be: move it aside like a foreign file.
    if ((err as NodeJS.ErrnoException).code !== 'EISDIR')
      throw new HooklensError('store_failed', `${paths.snapshot} could not be opened: ${(err as Error).message}`);
    db.data = { kind: 'unreadable', reason: 'it is a directory, not a file', setAsideAs: 'foreign' };
  }

  let replayFrom = segs[0] ?? 1;
  let needSnapshot = false;
  const pendingDeletes: string[] = [];
  let setAsideNotice: StoreNotice | null = null;
  const doc = db.data;
  switch (doc.kind) {
    case 'v2': {
      if (!existed) break;
      replayFrom = doc.replayFrom;
      for (const entry of doc.captures) index.put(entry);
      break;
    }
    case 'v1': {
      // Migration: write every record to a fresh journal segment, then keep the old file as a backup.
      const seg = (segs.at(-1) ?? 0) + 1;
      const writer = await SegmentWriter.open(paths.journal, seg, 0);
      try {
        const ops: JournalOp[] = [];
        let wroteBlob = false;
        const sorted = [...doc.records].sort((a, b) =>
          a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0,
        );
        for (const r of sorted) {
          const bytes = spillableBytes(r.body);
          let record: StoredRecord = r;
          if (bytes) {
            const hash = blobHash(bytes);
            await blobs.write(hash, bytes);
            wroteBlob = true;
            record = { ...r, body: { size: r.body.size, encoding: r.body.encoding, blob: hash } };
          }
          ops.push({ op: 'add', record });
        }
        if (wroteBlob) await fsyncDir(paths.blobs);
        if (ops.length) {
          const { data, ranges } = encodeOps(ops);
          const base = await writer.append(data);
          ops.forEach((op, i) => applyOp(index, op, seg, base + ranges[i].off, ranges[i].len));
        }
        segSizes.set(seg, writer.size);
      } finally {
        await writer.close();
      }
      segs = [...segs, seg];
      const backup = `${paths.snapshot}.v1-${fileStamp()}`;
      await rename(paths.snapshot, backup);
      await fsyncDir(dataDir);
      replayFrom = seg + 1;
      needSnapshot = true;
      notices.push({
        kind: 'recovered',
        message:
          `${SNAPSHOT_FILE} was in an older format and was converted: ${plural(doc.records.length, 'capture')} kept` +
          (doc.invalid ? `, ${plural(doc.invalid, 'damaged entry', 'damaged entries')} skipped` : '') +
          `. The old file was kept as ${backup}.`,
        movedTo: backup,
      });
      break;
    }
    case 'unreadable': {
      const movedTo = await setAside(paths.snapshot, doc.setAsideAs);
      replayFrom = segs[0] ?? 1;
      needSnapshot = true;
      setAsideNotice = {
        kind: 'set-aside',
        message: `${SNAPSHOT_FILE} could not be used: ${doc.reason}. It was moved to ${movedTo}.`,
        movedTo,
      };
      break;
    }
    default:
      assertNever(doc, 'captures file');
  }

  // Replay the journal after the snapshot, setting aside what cannot be read.
  let opsSinceSnapshot = 0;
  for (const seg of segs) {
    if (seg < replayFrom) continue;
    const file = path.join(paths.journal, segmentName(seg));
    const buf = await readFile(file);
    const result = scanSegment(buf, (op, off, len) => {
      applyOp(index, op, seg, off, len);
      opsSinceSnapshot += 1;
    });
    if (result.badLines > 0) {
      const copy = `${file}.corrupt-${fileStamp()}`;
      await copyFile(file, copy);
      notices.push({
        kind: 'recovered',
        message: `${plural(result.badLines, 'line')} of ${file} could not be read and ${result.badLines === 1 ? 'was' : 'were'} skipped; everything else was recovered. A copy of the file is at ${copy}.`,
        movedTo: copy,
      });
    }
    if (result.tornBytes > 0) {
      // A write cut short by a crash or a full disk. It was never acknowledged, but keep its bytes.
      const torn = `${file}.torn-${fileStamp()}`;
      await writeFileDurably(torn, buf.subarray(result.goodEnd));
      await truncate(file, result.goodEnd);
      const h = await open(file, 'r+');
      await h.sync().finally(() => h.close());
      notices.push({
        kind: 'recovered',
        message: `The last write to ${file} was incomplete (${plural(result.tornBytes, 'byte')}, never acknowledged to the sender); it was moved to ${torn}. Every complete capture was recovered.`,
        movedTo: torn,
      });
    }
    segSizes.set(seg, result.goodEnd);
  }

  // The index may point at journal bytes that are gone (a segment deleted or cut short by hand).
  const dangling = index.oldestFirst().filter((e) => {
    const size = segSizes.get(e.seg);
    return size === undefined || e.off + e.len > size;
  });
  if (dangling.length > 0) {
    index.remove(dangling.map((e) => e.summary.id));
    pendingDeletes.push(...dangling.map((e) => e.summary.id));
    notices.push({
      kind: 'recovered',
      message: `${plural(dangling.length, 'capture')} had no data left in ${paths.journal} and ${dangling.length === 1 ? 'was' : 'were'} removed; ${plural(index.size, 'other capture')} recovered.`,
    });
  }

  // Large bodies live in blob files; a capture whose body file is gone cannot be shown byte-exact.
  const missing: IndexEntry[] = [];
  const short: { entry: IndexEntry; kept: number }[] = [];
  const withBlob = index.oldestFirst().filter((e) => e.blob);
  for (let i = 0; i < withBlob.length; i += 64) {
    const chunk = withBlob.slice(i, i + 64);
    const sizes = await Promise.all(chunk.map((e) => blobs.sizeOf(e.blob!)));
    chunk.forEach((e, k) => {
      const size = sizes[k];
      if (size === e.summary.size) return;
      if (size !== null && size > 0 && size < e.summary.size) short.push({ entry: e, kept: size });
      else missing.push(e);
    });
  }
  const pendingAdds: CaptureRecord[] = [];
  if (short.length > 0) {
    // A body file cut short (a disk error, a copy that stopped): keep the capture with what survived.
    const folder = path.join(dataDir, `captures-truncated-bodies-${fileStamp()}`);
    await ensurePrivateDir(folder);
    let mark = '';
    for (const { entry, kept } of short) {
      const stored = await readLine(paths, entry).catch(() => null);
      if (!stored) {
        missing.push(entry);
        continue;
      }
      const bytes = (await readFile(blobs.pathOf(entry.blob!))).subarray(0, kept);
      await writeFileDurably(path.join(folder, `${entry.summary.id}.bin`), bytes);
      mark = `body truncated: ${kept} of ${entry.summary.size} bytes`;
      const { pinned: _pinned, ...rest } = stored;
      pendingAdds.push({
        ...rest,
        ...(entry.summary.pinned ? { pinned: true } : {}),
        body: capturedBody(bytes),
        damaged: { message: mark },
      });
    }
    if (pendingAdds.length > 0)
      notices.push({
        kind: 'recovered',
        message: `${plural(pendingAdds.length, 'capture')} had ${pendingAdds.length === 1 ? 'its' : 'their'} body file cut short and ${pendingAdds.length === 1 ? 'is' : 'are'} kept with the bytes that survived (${pendingAdds.length === 1 ? mark : 'marked "body truncated"'}). The surviving bytes were also saved to ${folder}.`,
        movedTo: folder,
      });
  }
  if (missing.length > 0) {
    const records: unknown[] = [];
    for (const e of missing) records.push(await readLine(paths, e).catch(() => ({ summary: e.summary })));
    const report = path.join(dataDir, `captures-missing-bodies-${fileStamp()}.json`);
    await writeFileDurably(report, JSON.stringify({ missingBodies: records }, null, 2));
    index.remove(missing.map((e) => e.summary.id));
    pendingDeletes.push(...missing.map((e) => e.summary.id));
    notices.push({
      kind: 'recovered',
      message: `${plural(missing.length, 'capture')} lost ${missing.length === 1 ? 'its' : 'their'} body file and ${missing.length === 1 ? 'was' : 'were'} removed; their headers and details were saved to ${report}. ${plural(index.size, 'capture')} recovered.`,
      movedTo: report,
    });
  }

  if (setAsideNotice) {
    setAsideNotice.message += ` ${plural(index.size, 'capture')} ${index.size === 1 ? 'was' : 'were'} recovered from the journal.`;
    notices.unshift(setAsideNotice);
  }

  await removeOrphanBlobs(paths, index);
  for (const name of await readdir(dataDir)) {
    if (name.startsWith(`.${SNAPSHOT_FILE}.tmp-`)) await unlink(path.join(dataDir, name)).catch(() => undefined);
  }
  const last = segs.filter((s) => s >= replayFrom).at(-1);
  return {
    paths,
    lock,
    db,
    index,
    notices,
    replayFrom,
    activeSeg: last ?? replayFrom,
    activeSize: last !== undefined ? (segSizes.get(last) ?? 0) : 0,
    opsSinceSnapshot,
    segSizes,
    needSnapshot: needSnapshot || pendingDeletes.length > 0 || pendingAdds.length > 0,
    pendingDeletes,
    pendingAdds,
  };
}

/** The full stored line of one capture. */
export async function readLine(paths: StorePaths, entry: IndexEntry): Promise<StoredRecord> {
  const h = await open(path.join(paths.journal, segmentName(entry.seg)), 'r');
  try {
    const buf = Buffer.alloc(entry.len);
    await h.read(buf, 0, entry.len, entry.off);
    return (JSON.parse(buf.toString('utf8')) as { record: StoredRecord }).record;
  } finally {
    await h.close();
  }
}

/** Blob files nothing refers to: left by a write that failed before its journal line, or a crash. */
async function removeOrphanBlobs(paths: StorePaths, index: CaptureIndex): Promise<void> {
  const blobs = new BlobDir(paths.blobs);
  for (const name of await readdir(paths.blobs)) {
    if (/^[0-9a-f]{64}$/.test(name) ? !index.blobInUse(name) : name.includes('.tmp-')) await blobs.remove(name);
  }
}
