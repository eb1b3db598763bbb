/*
 * Large bodies live in content-addressed files (`blobs/<sha256>`) holding the raw bytes, so a
 * journal line stays small and compaction never copies megabytes. Identical bodies share a file;
 * the store counts references and removes a file once no stored capture uses it.
 */
import { createHash } from 'node:crypto';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { CapturedBody } from '../../../shared/capture';
import { bodyBuffer } from '../body-buffer';
import type { BlobBody } from './record-shape';
import { PRIVATE_FILE_MODE } from '../durable-file';

/** Bodies of at least this many bytes are spilled to a blob file. */
export const BLOB_THRESHOLD_BYTES = 64 * 1024;

/**
 * The raw bytes to spill, or null to keep the body inline: small bodies, and text that would not
 * come back identical from its bytes (lone surrogates, non-canonical base64).
 */
export function spillableBytes(body: CapturedBody): Buffer | null {
  if (body.size < BLOB_THRESHOLD_BYTES) return null;
  const bytes = bodyBuffer(body);
  const back = body.encoding === 'utf8' ? bytes.toString('utf8') : bytes.toString('base64');
  return back === body.text ? bytes : null;
}

export function blobHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class BlobDir {
  constructor(readonly dir: string) {}

  pathOf(hash: string): string {
    return path.join(this.dir, hash);
  }

  /** Writes the blob durably unless an identical one exists; the caller fsyncs the directory. */
  async write(hash: string, bytes: Buffer): Promise<void> {
    const file = this.pathOf(hash);
    try {
      const s = await stat(file);
      if (s.size === bytes.length) return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const tmp = `${file}.tmp-${process.pid}`;
    const handle = await open(tmp, 'w', PRIVATE_FILE_MODE);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  }

  async read(body: BlobBody): Promise<CapturedBody> {
    const bytes = await readFile(this.pathOf(body.blob));
    if (bytes.length !== body.size)
      throw new Error(`Body file ${body.blob} has ${bytes.length} bytes, expected ${body.size}.`);
    return {
      size: body.size,
      encoding: body.encoding,
      text: bytes.toString(body.encoding === 'utf8' ? 'utf8' : 'base64'),
    };
  }

  /** The blob file's size, or null when it is missing (or not a file). */
  async sizeOf(hash: string): Promise<number | null> {
    try {
      const s = await stat(this.pathOf(hash));
      return s.isFile() ? s.size : null;
    } catch {
      return null;
    }
  }

  /** True when the blob file exists with the expected size. */
  async check(hash: string, size: number): Promise<boolean> {
    try {
      return (await stat(this.pathOf(hash))).size === size;
    } catch {
      return false;
    }
  }

  async remove(hash: string): Promise<void> {
    await unlink(this.pathOf(hash)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }
}
