/*
 * Reading captures back: one positional read of the journal line the index points to (through a
 * read handle kept open per segment), the body from its blob file when it was spilled. A line that
 * turns out not to be its capture any more is salvaged: the user is told, the segment copied aside,
 * and the capture re-written as a damaged record.
 */
import { copyFile, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { CaptureRecord } from '../../../shared/capture';
import { HooklensError } from '../../../shared/errors';
import { fileStamp } from '../durable-file';
import type { NoticeBoard } from '../notice-board';
import type { BlobDir } from './blobs';
import type { CaptureIndex, IndexEntry } from './capture-index';
import { segmentName } from './journal';
import { isBlobBody, isStoredRecord } from './record-shape';

/** A journal line the index points to that is not the capture it should be (damaged after it was written). */
class DamagedLine extends Error {
  constructor(readonly bytes: Buffer) {
    super('the stored line is damaged');
  }
}

/** How much of a damaged line is kept on the record for the UI to show. */
const READABLE_CHARS = 64 * 1024;

export class CaptureReader {
  private readonly readers = new Map<number, Promise<FileHandle>>();
  /** Damaged lines being turned into damaged records, so two reads do it once. */
  private readonly salvaging = new Map<string, Promise<CaptureRecord>>();
  /** Segments already copied aside this run because of a damaged line. */
  private readonly copiedAside = new Map<number, Promise<string>>();

  constructor(
    private readonly journalDir: string,
    private readonly index: CaptureIndex,
    private readonly blobs: BlobDir,
    private readonly board: NoticeBoard,
    /** Writes a salvaged record through the store's queue, so the next start shows the same. */
    private readonly rewrite: (record: CaptureRecord) => Promise<void>,
  ) {}

  async get(id: string): Promise<CaptureRecord | undefined> {
    for (let attempt = 0; ; attempt += 1) {
      const entry = this.index.get(id);
      if (!entry) return undefined;
      try {
        return await this.readRecord(entry);
      } catch (err) {
        const now = this.index.get(id);
        if (err instanceof DamagedLine && now === entry) return this.salvage(entry, err.bytes);
        // Compaction may have moved it between the lookup and the read: look again once.
        if (attempt === 0 && now && (now.seg !== entry.seg || now.off !== entry.off)) continue;
        if (!now) return undefined;
        throw new HooklensError('store_failed', `Capture ${id} could not be read: ${(err as Error).message}`);
      }
    }
  }

  private async readRecord(entry: IndexEntry): Promise<CaptureRecord> {
    const buf = await this.readLine(entry);
    let stored: unknown;
    try {
      stored = (JSON.parse(buf.toString('utf8')) as { record?: unknown }).record;
    } catch {
      throw new DamagedLine(buf);
    }
    if (!isStoredRecord(stored) || stored.id !== entry.summary.id) throw new DamagedLine(buf);
    const body = isBlobBody(stored.body) ? await this.blobs.read(stored.body) : stored.body;
    // Pin and health may have changed since the line was written: the summary has the current ones.
    const { pinned: _pinned, health: _health, ...rest } = stored;
    const { pinned, health } = entry.summary;
    return { ...rest, body, ...(pinned ? { pinned: true } : {}), ...(health ? { health } : {}) };
  }

  /**
   * The index points at a line that is not its capture any more. The user is told, the segment is
   * copied aside as it is, and the capture is re-written as a damaged record (its summary and the
   * readable part of the line), so it is shown as damaged rather than failing every time it is opened.
   */
  private salvage(entry: IndexEntry, bytes: Buffer): Promise<CaptureRecord> {
    const id = entry.summary.id;
    let running = this.salvaging.get(id);
    if (running) return running;
    running = (async () => {
      const file = path.join(this.journalDir, segmentName(entry.seg));
      let copy = this.copiedAside.get(entry.seg);
      if (!copy) {
        const target = `${file}.damaged-${fileStamp()}`;
        copy = copyFile(file, target).then(() => target);
        this.copiedAside.set(entry.seg, copy);
      }
      const movedTo = await copy.catch(() => undefined);
      const s = entry.summary;
      this.board.add({
        kind: 'recovered',
        message:
          `The stored data of capture ${id} (${s.method} ${s.url}, ${s.receivedAt}) in ${file} is damaged; it is shown with what could be read.` +
          (movedTo ? ` A copy of the file is at ${movedTo}.` : ''),
        ...(movedTo ? { movedTo } : {}),
      });
      const record: CaptureRecord = {
        id,
        endpointId: s.endpointId,
        receivedAt: s.receivedAt,
        method: s.method,
        url: s.url,
        httpVersion: '',
        headers: s.contentType !== null ? [['Content-Type', s.contentType]] : [],
        body: { size: 0, encoding: 'utf8', text: '' },
        remoteAddress: '',
        via: s.via,
        response: { status: s.status, ms: 0, ...(s.simulated ? { simulated: true as const } : {}) },
        ...(s.pinned ? { pinned: true } : {}),
        damaged: {
          message: `stored data damaged: only the summary of this ${s.size}-byte capture could be read`,
          readable: bytes.toString('utf8').slice(0, READABLE_CHARS),
        },
      };
      // Written down so the next start shows the same; if the write fails the record is still shown.
      await this.rewrite(record).catch(() => undefined);
      return record;
    })().finally(() => this.salvaging.delete(id));
    this.salvaging.set(id, running);
    return running;
  }

  private handleFor(seg: number): Promise<FileHandle> {
    let handle = this.readers.get(seg);
    if (!handle) {
      handle = open(path.join(this.journalDir, segmentName(seg)), 'r');
      handle.catch(() => this.readers.delete(seg));
      this.readers.set(seg, handle);
    }
    return handle;
  }

  /** Closes the read handle of a segment (it was deleted, or the store closes). */
  dropReader(seg: number): void {
    const handle = this.readers.get(seg);
    this.readers.delete(seg);
    void handle?.then((h) => h.close()).catch(() => undefined);
  }

  async readLine(entry: IndexEntry): Promise<Buffer> {
    const handle = await this.handleFor(entry.seg);
    const buf = Buffer.allocUnsafe(entry.len);
    const { bytesRead } = await handle.read(buf, 0, entry.len, entry.off);
    if (bytesRead !== entry.len) throw new Error(`journal segment ${entry.seg} is shorter than expected`);
    return buf;
  }

  /** Closes every segment opened for reading (the store is closing). */
  closeAll(): void {
    for (const seg of [...this.readers.keys()]) this.dropReader(seg);
  }
}
