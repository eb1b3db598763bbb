/*
 * A small lowdb JSON file of our own (settings, endpoints, replay history): read once, written
 * whole. Two rules shared by every such file: one that cannot be parsed is moved aside (never
 * overwritten) and the user is told on the notice board, and writes are chained so two never
 * interleave.
 */
import { Low } from 'lowdb';
import path from 'node:path';
import { DurableTextFile, setAside } from './durable-file';
import type { NoticeBoard } from './notice-board';

export interface JsonDocument<T> {
  db: Low<T>;
  /** Where the unreadable file went, when it was moved aside. */
  setAsidePath: string | null;
  /** Writes `db.data`; resolves when this write (and every earlier one) is done. */
  write(): Promise<void>;
  /** Resolves once every write started so far has finished (failed or not). */
  settled(): Promise<void>;
}

export interface SetAsideReport {
  notices: NoticeBoard;
  /** What starting without the file means for the user, e.g. "defaults are in use". */
  consequence: string;
}

export async function openJsonDocument<T>(
  file: string,
  defaults: T,
  report?: SetAsideReport,
): Promise<JsonDocument<T>> {
  // Not lowdb's JSONFile: that one follows the umask and renames without fsync.
  const codec = {
    parse: (text: string) => JSON.parse(text) as T,
    stringify: (data: T) => JSON.stringify(data, null, 2),
  };
  const db = new Low<T>(new DurableTextFile<T>(file, codec), defaults);
  let setAsidePath: string | null = null;
  try {
    await db.read();
  } catch (err) {
    setAsidePath = await setAside(file, 'corrupt');
    db.data = defaults;
    report?.notices.add({
      kind: 'set-aside',
      message: `${path.basename(file)} could not be read (${(err as Error).message}); ${report.consequence}. It was moved to ${setAsidePath}.`,
      movedTo: setAsidePath,
    });
  }
  let queue: Promise<unknown> = Promise.resolve();
  return {
    db,
    setAsidePath,
    write() {
      const next = queue.then(() => db.write());
      queue = next.catch(() => undefined);
      return next;
    },
    async settled() {
      await queue;
    },
  };
}
