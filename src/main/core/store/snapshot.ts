/*
 * captures.json, the lowdb file: the index of every stored capture (its summary and where its
 * journal line is) as of a point in the journal (`replayFrom`: the first segment not folded in).
 * It is a cache of the journal, rewritten only when a segment is sealed, so a write never pays for
 * it. Reading classifies the file rather than throwing, because what to do with an unreadable,
 * foreign or older file is the store's decision.
 *
 * Versions: 1 = every capture in full in this one file (lowdb's plain use, rewritten on every
 * write); 2 = this index over the journal. Version 1 files are migrated on open.
 */
import type { CaptureRecord, CaptureSummary } from '../../../shared/capture';
import { readHealth } from '../../../shared/health';
import type { IndexEntry } from './capture-index';
import { isCaptureRecord, isSha256 } from './record-shape';

export const SNAPSHOT_FILE = 'captures.json';
export const SNAPSHOT_FORMAT = 'hooklens-captures';
export const SNAPSHOT_VERSION = 2;

export interface SnapshotV2 {
  kind: 'v2';
  savedAt: string;
  replayFrom: number;
  /** Oldest first. */
  captures: IndexEntry[];
}

export type SnapshotDoc =
  | SnapshotV2
  | { kind: 'v1'; records: CaptureRecord[]; invalid: number }
  | { kind: 'unreadable'; reason: string; setAsideAs: 'corrupt' | 'foreign' | 'newer' };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a JSON array';
  if (v === null) return 'null';
  return `a JSON ${typeof v}`;
}

/*
 * One row per capture, oldest first: a JSON array per line is a third the size of an object per
 * line and parses several times faster, which is most of the startup time with 50k stored.
 */
export const SNAPSHOT_COLUMNS = [
  'id',
  'endpointId',
  'receivedAt',
  'method',
  'url',
  'size',
  'contentType',
  'via',
  'status',
  'pinned',
  'seg',
  'off',
  'len',
  'blob',
  'damaged',
  // Added after `damaged`: rows without it (14 or 15 columns, from earlier versions) are still read.
  'health',
  // Added after `health`: a simulated failure ("fail the next N"), 1 or 0.
  'simulated',
] as const;

type Row = [
  string,
  string,
  string,
  string,
  string,
  number,
  string | null,
  'local' | 'tunnel',
  number,
  0 | 1,
  number,
  number,
  number,
  string | null,
  string | null,
  CaptureSummary['health'] | null,
  0 | 1,
];

function toRow(e: IndexEntry): Row {
  const s = e.summary;
  return [
    s.id,
    s.endpointId,
    s.receivedAt,
    s.method,
    s.url,
    s.size,
    s.contentType,
    s.via,
    s.status,
    s.pinned ? 1 : 0,
    e.seg,
    e.off,
    e.len,
    e.blob ?? null,
    s.damaged ?? null,
    s.health ?? null,
    s.simulated ? 1 : 0,
  ];
}

const isStr = (v: unknown): v is string => typeof v === 'string';

function fromRow(v: unknown): IndexEntry | null {
  // Rows written before the `damaged`, `health` and `simulated` columns have one to three columns fewer.
  if (!Array.isArray(v) || v.length > SNAPSHOT_COLUMNS.length || v.length < SNAPSHOT_COLUMNS.length - 3) return null;
  const [
    id,
    endpointId,
    receivedAt,
    method,
    url,
    size,
    contentType,
    via,
    status,
    pinned,
    seg,
    off,
    len,
    blob,
    damaged = null,
    rawHealth,
    simulated = 0,
  ] = v as unknown[];
  if (!isStr(id) || !isStr(endpointId) || !isStr(receivedAt) || !isStr(method) || !isStr(url)) return null;
  if (!isCount(size) || !(contentType === null || isStr(contentType)) || (via !== 'local' && via !== 'tunnel'))
    return null;
  if (typeof status !== 'number' || (pinned !== 0 && pinned !== 1) || !isCount(seg) || !isCount(off) || !isCount(len))
    return null;
  if (!(blob === null || isSha256(blob)) || !(damaged === null || isStr(damaged))) return null;
  if (simulated !== 0 && simulated !== 1) return null;
  const summary: CaptureSummary = { id, endpointId, receivedAt, method, url, size, contentType, via, status };
  if (pinned) summary.pinned = true;
  if (damaged !== null) summary.damaged = damaged;
  const health = readHealth(rawHealth);
  if (health) summary.health = health;
  if (simulated) summary.simulated = true;
  return blob ? { summary, seg, off, len, blob } : { summary, seg, off, len };
}

export function parseSnapshot(text: string): SnapshotDoc {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    return { kind: 'unreadable', reason: `it is not valid JSON (${(err as Error).message})`, setAsideAs: 'corrupt' };
  }
  if (!isObj(v))
    return { kind: 'unreadable', reason: `it holds ${describe(v)}, not a captures file`, setAsideAs: 'foreign' };
  if (v.version === 1 && Array.isArray(v.captures) && (v.format === undefined || v.format === SNAPSHOT_FORMAT)) {
    const records = v.captures.filter(isCaptureRecord);
    return { kind: 'v1', records, invalid: v.captures.length - records.length };
  }
  if (v.format !== SNAPSHOT_FORMAT)
    return { kind: 'unreadable', reason: 'it is not a Hooklens captures file', setAsideAs: 'foreign' };
  if (typeof v.version === 'number' && v.version > SNAPSHOT_VERSION)
    return {
      kind: 'unreadable',
      reason: `it was written by a newer Hooklens (format version ${v.version})`,
      setAsideAs: 'newer',
    };
  if (v.version !== SNAPSHOT_VERSION || !isCount(v.replayFrom) || !Array.isArray(v.captures))
    return { kind: 'unreadable', reason: 'its header is damaged', setAsideAs: 'corrupt' };
  const captures: IndexEntry[] = new Array(v.captures.length);
  for (let i = 0; i < captures.length; i += 1) {
    const entry = fromRow(v.captures[i]);
    if (!entry) return { kind: 'unreadable', reason: `entry ${i + 1} is damaged`, setAsideAs: 'corrupt' };
    captures[i] = entry;
  }
  return { kind: 'v2', savedAt: isStr(v.savedAt) ? v.savedAt : '', replayFrom: v.replayFrom, captures };
}

/**
 * One row per line, so the file stays readable and diffable. Yields to the event loop every few
 * thousand rows: with 50k stored the text takes long enough to build that doing it in one go would
 * hold up the acknowledgements of captures arriving meanwhile.
 */
export async function stringifySnapshot(doc: SnapshotDoc): Promise<string> {
  if (doc.kind !== 'v2') throw new Error(`Only the current captures format is written (got ${doc.kind}).`);
  const head = JSON.stringify({
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    savedAt: doc.savedAt,
    replayFrom: doc.replayFrom,
    columns: SNAPSHOT_COLUMNS,
  });
  const rows: string[] = new Array(doc.captures.length);
  for (let i = 0; i < rows.length; i += 1) {
    rows[i] = JSON.stringify(toRow(doc.captures[i]));
    if (i % 2000 === 1999) await new Promise((r) => setImmediate(r));
  }
  return `${head.slice(0, -1)},"captures":[${rows.length ? `\n${rows.join(',\n')}\n` : ''}]}\n`;
}

export const snapshotCodec = { parse: parseSnapshot, stringify: stringifySnapshot };
