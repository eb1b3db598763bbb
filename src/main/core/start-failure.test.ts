/*
 * A start that fails on the data directory says which path and what to do, instead of a bare
 * `ENOSPC … write`. The failures are real ones where this machine can produce them: /dev/full for a
 * full disk, a file where a directory must be, /sys where nothing can be created.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileDurably } from './durable-file';
import { createHooklensCore } from './hooklens-core';
import { explainStartFailure } from './start-failure';

const HINT = 'pass --data-dir';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-start-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const start = (dataDir: string) =>
  createHooklensCore({ dataDir, mode: 'browser', capturePort: 0, tunnel: { enabled: false }, dataDirHint: HINT });

describe('a start that fails on the data directory', () => {
  it.runIf(existsSync('/dev/full'))('names the file and says the disk is full', async () => {
    const file = path.join(dir, 'captures', 'LOCK');
    await mkdir(path.dirname(file));
    // The temporary file is where the bytes go first; pointing it at /dev/full fails the write with ENOSPC.
    await symlink('/dev/full', path.join(dir, 'captures', `.LOCK.tmp-${process.pid}`));
    const err = await writeFileDurably(file, 'x').then(
      () => null,
      (e: unknown) => e,
    );
    expect(explainStartFailure(err, HINT).message).toBe(
      `Cannot write ${file}: the disk is full. Free space or ${HINT}.`,
    );
  });

  it('says a file is in the way of the data directory', async () => {
    const blocker = path.join(dir, 'not-a-dir');
    await writeFile(blocker, 'x');
    const dataDir = path.join(blocker, 'data');
    await expect(start(dataDir)).rejects.toThrow(
      `Cannot create ${dataDir}: part of the path is a file, not a directory. Move it away or ${HINT}.`,
    );
  });

  it.runIf(process.platform === 'linux' && existsSync('/sys/kernel'))(
    'says the directory cannot be created there',
    async () => {
      const dataDir = '/sys/hooklens-start-test/data';
      await expect(start(dataDir)).rejects.toThrow(
        new RegExp(
          `^Cannot create /sys/hooklens-start-test[^:]*: (permission denied|the file system is read-only)\\. .* ${HINT}\\.$`,
        ),
      );
    },
  );

  it('explains a read-only file system and leaves other errors as they are', () => {
    const rofs = Object.assign(new Error('EROFS: read-only file system, open'), {
      code: 'EROFS',
      syscall: 'open',
      path: '/data/captures.json',
    });
    expect(explainStartFailure(rofs, HINT).message).toBe(
      `Cannot write /data/captures.json: the file system is read-only. ${HINT[0].toUpperCase()}${HINT.slice(1)}.`,
    );
    const other = new Error('port in use');
    expect(explainStartFailure(other, HINT)).toBe(other);
  });
});
