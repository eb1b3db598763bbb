/*
 * The journal: numbered JSON Lines segments (`journal-000001.jsonl`, …), append-only. Every change
 * to the captures is one line; a batch of lines is written with one positional write and one
 * fdatasync, so the cost of a write depends on the batch, never on how much is stored.
 *
 * Writes are positional (not O_APPEND): after a failed write the next batch starts at the last
 * acknowledged end, and the file is truncated back there first, so a half-written batch can never
 * be followed by acknowledged lines.
 */
import { constants } from 'node:fs';
import { open, readdir, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir, PRIVATE_FILE_MODE } from '../durable-file';
import { parseJournalOp, type JournalOp } from './record-shape';

const SEGMENT_RE = /^journal-(\d{6,})\.jsonl$/;

export function segmentName(seg: number): string {
  return `journal-${String(seg).padStart(6, '0')}.jsonl`;
}

/** Segment numbers present in `dir`, ascending. */
export async function listSegments(dir: string): Promise<number[]> {
  const names = await readdir(dir);
  const segs: number[] = [];
  for (const name of names) {
    const m = SEGMENT_RE.exec(name);
    if (m) segs.push(Number(m[1]));
  }
  return segs.sort((a, b) => a - b);
}

/*
 * Where the platform has O_DSYNC, the segment is opened with it: a write returns once its bytes
 * are on stable storage, as write + fdatasync would, in one trip to the thread pool instead of two
 * (each trip is a wake-up of a pool thread, a measurable share of a small batch). Elsewhere the
 * writer calls datasync after the write.
 */
const DSYNC = typeof constants.O_DSYNC === 'number' && constants.O_DSYNC !== 0 ? constants.O_DSYNC : 0;

export class SegmentWriter {
  private needsTruncate = false;

  private constructor(
    readonly seg: number,
    readonly file: string,
    private handle: FileHandle,
    /** Bytes acknowledged (durable) so far. */
    public size: number,
    /** The handle was opened with O_DSYNC: each write is durable when it returns. */
    private readonly syncedWrites: boolean,
  ) {}

  /** Opens a segment for appending at `size` (its acknowledged length), creating it if needed. */
  static async open(dir: string, seg: number, size: number): Promise<SegmentWriter> {
    const file = path.join(dir, segmentName(seg));
    let handle: FileHandle;
    try {
      handle = await open(file, constants.O_RDWR | DSYNC);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      handle = await open(file, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL | DSYNC, PRIVATE_FILE_MODE);
      // The new name must survive a crash before anything in it is acknowledged.
      await fsyncDir(dir);
    }
    const writer = new SegmentWriter(seg, file, handle, size, DSYNC !== 0);
    const { size: actual } = await handle.stat();
    if (actual !== size) writer.needsTruncate = true;
    return writer;
  }

  /** Writes `data` at the end and makes it durable. Returns the offset it was written at. */
  async append(data: Buffer): Promise<number> {
    const start = this.size;
    try {
      // O_DSYNC covers what the writes change, not a truncate: after one, datasync as before.
      let truncated = false;
      if (this.needsTruncate) {
        await this.handle.truncate(start);
        this.needsTruncate = false;
        truncated = true;
      }
      let done = 0;
      while (done < data.length) {
        const { bytesWritten } = await this.handle.write(data, done, data.length - done, start + done);
        done += bytesWritten;
      }
      if (!this.syncedWrites || truncated) await this.handle.datasync();
    } catch (err) {
      this.needsTruncate = true;
      throw err;
    }
    this.size = start + data.length;
    return start;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

export interface ScanResult {
  /** Length of the well-formed prefix: everything up to the last newline. */
  goodEnd: number;
  /** Bytes after the last newline: a write torn by a crash (never acknowledged). */
  tornBytes: number;
  /** Complete lines that are not operations we understand. */
  badLines: number;
}

/**
 * Reads a segment's operations in order. `onOp` gets each operation with the byte range of its
 * line (newline excluded), which is what the index stores to find the record again.
 */
export function scanSegment(buf: Buffer, onOp: (op: JournalOp, off: number, len: number) => void): ScanResult {
  let pos = 0;
  let badLines = 0;
  for (;;) {
    const nl = buf.indexOf(0x0a, pos);
    if (nl === -1) break;
    if (nl > pos) {
      const op = parseJournalOp(buf.toString('utf8', pos, nl));
      if (op) onOp(op, pos, nl - pos);
      else badLines += 1;
    }
    pos = nl + 1;
  }
  return { goodEnd: pos, tornBytes: buf.length - pos, badLines };
}

export function encodeOps(ops: readonly JournalOp[]): { data: Buffer; ranges: { off: number; len: number }[] } {
  const lines: string[] = new Array(ops.length);
  const ranges: { off: number; len: number }[] = new Array(ops.length);
  let off = 0;
  for (let i = 0; i < ops.length; i += 1) {
    const line = JSON.stringify(ops[i]);
    const len = Buffer.byteLength(line, 'utf8');
    lines[i] = line;
    ranges[i] = { off, len };
    off += len + 1;
  }
  // Each line is encoded once, straight into the batch's buffer (no joined copy of the batch as a string).
  const data = Buffer.allocUnsafe(off);
  for (let i = 0; i < lines.length; i += 1) {
    const { off: at, len } = ranges[i];
    data.write(lines[i], at, len, 'utf8');
    data[at + len] = 0x0a;
  }
  return { data, ranges };
}
