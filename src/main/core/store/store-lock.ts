/*
 * One writer per data directory. Two processes appending to the same journal (the desktop app and
 * `hooklens serve` pointed at one directory) would interleave their lines and each would hold an
 * index the other never sees. The lock is a file holding the owner's pid; a lock whose process is
 * gone (killed, crashed) is taken over.
 */
import { readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HooklensError } from '../../../shared/errors';

const LOCK_FILE = 'LOCK';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface StoreLock {
  release(): Promise<void>;
}

export async function lockStore(journalDir: string): Promise<StoreLock> {
  const file = path.join(journalDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return { release: () => unlink(file).catch(() => undefined) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    // The same process may open the store again (tests, a reopen after close failed): not a conflict.
    if (owner === process.pid) return { release: async () => undefined };
    if (Number.isSafeInteger(owner) && owner > 0 && alive(owner))
      throw new HooklensError('store_failed', `The data directory is in use by another Hooklens (process ${owner}).`);
    await unlink(file).catch(() => undefined);
  }
  throw new HooklensError('store_failed', `Could not lock ${file}.`);
}
