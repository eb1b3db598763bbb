/*
 * Replay history: every send kept with the request as sent and what came back, in its own lowdb
 * file (replay-history.json) so a capture is never rewritten by replaying it. Bounded per capture
 * and in total, oldest dropped first. The file is user-editable and untrusted: entries that do not
 * have the expected shape are skipped, and an unreadable file is set aside, never overwritten.
 */
import path from 'node:path';
import { openJsonDocument } from '../json-document';
import type { NoticeBoard } from '../notice-board';
import { summarizeReplay, type ReplayHistoryEntry, type ReplayHistorySummary } from '../../../shared/replay/types';

export const HISTORY_FILE = 'replay-history.json';

interface HistoryFile {
  version: 1;
  /** Oldest first. */
  entries: ReplayHistoryEntry[];
}

export interface ReplayHistoryOptions {
  dataDir: string;
  perCapture?: number;
  total?: number;
  /** Rough cap on the bodies kept, in characters of stored text; the oldest entries go first. */
  maxBodyChars?: number;
  /** Where a history file that had to be set aside is reported. */
  notices?: NoticeBoard;
}

export interface ReplayHistory {
  add(entry: ReplayHistoryEntry): Promise<void>;
  /** Newest first. */
  list(captureId: string | null): ReplayHistorySummary[];
  get(id: string): ReplayHistoryEntry | undefined;
  /** Full entries of one capture, oldest first (for export). */
  entries(captureId: string | null): ReplayHistoryEntry[];
  /** Drops the entries of captures that no longer exist. */
  retainCaptures(exists: (captureId: string) => boolean): Promise<void>;
  removeForCaptures(captureIds: string[]): Promise<void>;
  /** Set when the file on disk could not be read and was moved aside. */
  readonly setAsidePath: string | null;
  close(): Promise<void>;
}

function isEntry(v: unknown): v is ReplayHistoryEntry {
  if (!v || typeof v !== 'object') return false;
  const e = v as Partial<ReplayHistoryEntry>;
  return (
    typeof e.id === 'string' &&
    (typeof e.captureId === 'string' || e.captureId === null) &&
    typeof e.sentAt === 'string' &&
    !!e.request &&
    typeof e.request.method === 'string' &&
    typeof e.request.url === 'string' &&
    Array.isArray(e.request.headers) &&
    isBody(e.request.body) &&
    isOutcome(e.outcome) &&
    typeof e.ms === 'number'
  );
}

function isBody(v: unknown): boolean {
  const b = v as { encoding?: unknown; text?: unknown } | null;
  return (
    !!b && typeof b === 'object' && (b.encoding === 'utf8' || b.encoding === 'base64') && typeof b.text === 'string'
  );
}

function isOutcome(v: unknown): boolean {
  const o = v as ReplayHistoryEntry['outcome'] | null;
  if (!o || typeof o !== 'object') return false;
  if (o.kind === 'error') return !!o.error && typeof o.error.message === 'string';
  return (
    o.kind === 'response' &&
    !!o.response &&
    typeof o.response.status === 'number' &&
    Array.isArray(o.response.headers) &&
    isBody(o.response.body)
  );
}

function bodyChars(e: ReplayHistoryEntry): number {
  return e.request.body.text.length + (e.outcome.kind === 'response' ? e.outcome.response.body.text.length : 0);
}

export async function openReplayHistory(options: ReplayHistoryOptions): Promise<ReplayHistory> {
  const perCapture = options.perCapture ?? 50;
  const total = options.total ?? 500;
  const maxBodyChars = options.maxBodyChars ?? 64 * 1024 * 1024;
  const file = path.join(options.dataDir, HISTORY_FILE);
  const report = options.notices && { notices: options.notices, consequence: 'the replay history starts empty' };
  const doc = await openJsonDocument<HistoryFile>(file, { version: 1, entries: [] }, report);
  const { db, setAsidePath } = doc;
  const rawEntries: unknown =
    db.data && typeof db.data === 'object' ? (db.data as Partial<HistoryFile>).entries : undefined;
  db.data = { version: 1, entries: Array.isArray(rawEntries) ? rawEntries.filter(isEntry) : [] };
  for (const e of db.data.entries) if (!Array.isArray(e.warnings)) e.warnings = [];

  const write = (): Promise<void> => doc.write();

  function prune(entries: ReplayHistoryEntry[], captureId: string | null): ReplayHistoryEntry[] {
    const mine = entries.filter((e) => e.captureId === captureId);
    const dropMine = new Set(mine.slice(0, Math.max(0, mine.length - perCapture)).map((e) => e.id));
    const kept = entries.filter((e) => !dropMine.has(e.id));
    const bounded = kept.slice(Math.max(0, kept.length - total));
    // The whole file is rewritten on each send, so its size is what keeps replaying fast.
    let chars = bounded.reduce((n, e) => n + bodyChars(e), 0);
    let first = 0;
    while (chars > maxBodyChars && first < bounded.length - 1) chars -= bodyChars(bounded[first++]);
    return bounded.slice(first);
  }

  return {
    setAsidePath,
    add(entry) {
      db.data.entries = prune([...db.data.entries, entry], entry.captureId);
      return write();
    },
    list(captureId) {
      return db.data.entries
        .filter((e) => e.captureId === captureId)
        .map(summarizeReplay)
        .reverse();
    },
    get(id) {
      const found = db.data.entries.find((e) => e.id === id);
      return found ? structuredClone(found) : undefined;
    },
    entries(captureId) {
      return structuredClone(db.data.entries.filter((e) => e.captureId === captureId));
    },
    retainCaptures(exists) {
      const before = db.data.entries.length;
      db.data.entries = db.data.entries.filter((e) => e.captureId === null || exists(e.captureId));
      return db.data.entries.length === before ? Promise.resolve() : write();
    },
    removeForCaptures(captureIds) {
      const ids = new Set(captureIds);
      const before = db.data.entries.length;
      db.data.entries = db.data.entries.filter((e) => e.captureId === null || !ids.has(e.captureId));
      return db.data.entries.length === before ? Promise.resolve() : write();
    },
    close: () => doc.settled(),
  };
}
