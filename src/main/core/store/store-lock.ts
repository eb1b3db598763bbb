/*
 * One writer per data directory. Two processes appending to the same journal (the desktop app and
 * `hooklens serve` pointed at one directory) would interleave their lines and each would hold an
 * index the other never sees.
 *
 * The lock file names its owner: `{ pid, instance, startedAt }` (older versions wrote the pid
 * alone). Pids are reused, so a live pid is not enough: the owner must also have started when the
 * lock says (or, for an old lock, before the lock was written). A lock whose process is gone, or
 * whose pid now belongs to some other process, is taken over.
 */
import { randomBytes } from 'node:crypto';
import { readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HooklensError } from '../../../shared/errors';
import { nameErrorPath, PRIVATE_FILE_MODE } from '../durable-file';
import { processStartMs } from './process-start';

const LOCK_FILE = 'LOCK';
/** Start times are known to about a second (ps prints whole seconds, /proc rounds to ticks). */
const START_TOLERANCE_MS = 2_000;

const instance = randomBytes(16).toString('hex');
let ownStart: Promise<number> | null = null;

function ownStartMs(): Promise<number> {
  ownStart ??= processStartMs(process.pid).then((ms) => ms ?? Date.now() - process.uptime() * 1000);
  return ownStart;
}

interface LockOwner {
  pid: number;
  instance?: string;
  startedAt?: number;
}

function parseLock(text: string): LockOwner | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed) };
  try {
    const v = JSON.parse(trimmed) as Partial<LockOwner>;
    if (!Number.isSafeInteger(v.pid) || (v.pid as number) <= 0) return null;
    return {
      pid: v.pid as number,
      instance: typeof v.instance === 'string' ? v.instance : undefined,
      startedAt: typeof v.startedAt === 'number' ? v.startedAt : undefined,
    };
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the process that wrote the lock is still running (not merely some process with its pid). */
async function ownerRunning(owner: LockOwner, lockWrittenAt: number): Promise<boolean> {
  if (!alive(owner.pid)) return false;
  const started = await processStartMs(owner.pid);
  if (started === null) return true;
  if (owner.startedAt !== undefined) return Math.abs(started - owner.startedAt) <= START_TOLERANCE_MS;
  // An old lock records no start time: its writer must have been running when it was written.
  return started <= lockWrittenAt + START_TOLERANCE_MS;
}

export interface StoreLock {
  release(): Promise<void>;
}

export async function lockStore(journalDir: string): Promise<StoreLock> {
  const file = path.join(journalDir, LOCK_FILE);
  const content = `${JSON.stringify({ pid: process.pid, instance, startedAt: await ownStartMs() })}\n`;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await writeFile(file, content, { flag: 'wx', mode: PRIVATE_FILE_MODE });
      return { release: () => unlink(file).catch(() => undefined) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        // Created but not written (a full disk): an empty lock of ours must not be left behind.
        await unlink(file).catch(() => undefined);
        throw nameErrorPath(err, file);
      }
    }
    const [text, info] = await Promise.all([readFile(file, 'utf8').catch(() => ''), stat(file).catch(() => null)]);
    const owner = parseLock(text);
    // The same process may open the store again (tests, a reopen after close failed): not a conflict.
    if (owner?.pid === process.pid) return { release: async () => undefined };
    if (owner && (await ownerRunning(owner, info?.mtimeMs ?? Date.now())))
      throw new HooklensError(
        'store_failed',
        `The data directory is in use by another Hooklens (process ${owner.pid}).`,
      );
    await unlink(file).catch(() => undefined);
  }
  throw new HooklensError('store_failed', `Could not lock ${file}.`);
}
