/*
 * A small lowdb JSON file of our own (settings, endpoints, replay history): read once, written
 * whole. Two rules shared by every such file: one that cannot be parsed is moved aside (never
 * overwritten) so the user can recover it, and writes are chained so two never interleave.
 */
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { rename } from 'node:fs/promises';

export interface JsonDocument<T> {
  db: Low<T>;
  /** Where the unreadable file went, when it was moved aside. */
  setAsidePath: string | null;
  /** Writes `db.data`; resolves when this write (and every earlier one) is done. */
  write(): Promise<void>;
  /** Resolves once every write started so far has finished (failed or not). */
  settled(): Promise<void>;
}

export async function openJsonDocument<T>(file: string, defaults: T): Promise<JsonDocument<T>> {
  const db = new Low<T>(new JSONFile<T>(file), defaults);
  let setAsidePath: string | null = null;
  try {
    await db.read();
  } catch {
    setAsidePath = `${file}.corrupt-${Date.now()}`;
    await rename(file, setAsidePath);
    db.data = defaults;
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
