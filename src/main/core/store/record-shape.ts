/*
 * Shapes as they sit on disk, and the checks that decide whether something read back is one of
 * ours. Everything read from the data directory is untrusted: the user can edit it, another program
 * can write it, a crash can tear it.
 *
 * A journal line is one operation. Bodies above the spill size are stored as a content-addressed
 * blob file, and the line keeps only `{ size, encoding, blob: <sha256 of the bytes> }`.
 */
import type { BodyEncoding, CaptureRecord } from '../../../shared/capture';
import { readHealth, type CaptureHealth } from '../../../shared/health';

export interface BlobBody {
  size: number;
  encoding: BodyEncoding;
  blob: string;
}

export type StoredRecord = Omit<CaptureRecord, 'body'> & { body: CaptureRecord['body'] | BlobBody };

export type JournalOp =
  | { op: 'add'; record: StoredRecord }
  | { op: 'delete'; ids: string[] }
  | { op: 'clear' }
  | { op: 'pin'; id: string; pinned: boolean }
  /** New health for existing captures (a secret was stored or removed); null clears it. */
  | { op: 'health'; updates: HealthUpdate[] };

export type HealthUpdate = [id: string, health: CaptureHealth | null];

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isSha256 = (v: unknown): v is string => isStr(v) && /^[0-9a-f]{64}$/.test(v);

function hasRecordFields(v: Record<string, unknown>): boolean {
  return (
    isStr(v.id) &&
    v.id !== '' &&
    isStr(v.endpointId) &&
    isStr(v.receivedAt) &&
    isStr(v.method) &&
    isStr(v.url) &&
    isStr(v.httpVersion) &&
    Array.isArray(v.headers) &&
    v.headers.every((h) => Array.isArray(h) && h.length === 2 && isStr(h[0]) && isStr(h[1])) &&
    isStr(v.remoteAddress) &&
    (v.via === 'local' || v.via === 'tunnel') &&
    isObj(v.response) &&
    isNum(v.response.status) &&
    isNum(v.response.ms) &&
    (v.response.delayMs === undefined || isNum(v.response.delayMs)) &&
    (v.response.simulated === undefined || v.response.simulated === true) &&
    (v.pinned === undefined || typeof v.pinned === 'boolean') &&
    (v.damaged === undefined ||
      (isObj(v.damaged) &&
        isStr(v.damaged.message) &&
        (v.damaged.readable === undefined || isStr(v.damaged.readable)))) &&
    isObj(v.body) &&
    isNum(v.body.size) &&
    (v.body.encoding === 'utf8' || v.body.encoding === 'base64')
  );
}

export function isCaptureRecord(v: unknown): v is CaptureRecord {
  return isObj(v) && hasRecordFields(v) && isStr((v.body as Record<string, unknown>).text);
}

export function isStoredRecord(v: unknown): v is StoredRecord {
  if (!isObj(v) || !hasRecordFields(v)) return false;
  const body = v.body as Record<string, unknown>;
  return isStr(body.text) || isSha256(body.blob);
}

export function isBlobBody(body: StoredRecord['body']): body is BlobBody {
  return 'blob' in body;
}

/** Parses one journal line; null when it is not a well-formed operation. */
export function parseJournalOp(text: string): JournalOp | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObj(v)) return null;
  switch (v.op) {
    case 'add':
      return isStoredRecord(v.record) ? { op: 'add', record: v.record } : null;
    case 'delete':
      return Array.isArray(v.ids) && v.ids.every(isStr) ? { op: 'delete', ids: v.ids } : null;
    case 'clear':
      return { op: 'clear' };
    case 'pin':
      return isStr(v.id) && typeof v.pinned === 'boolean' ? { op: 'pin', id: v.id, pinned: v.pinned } : null;
    case 'health':
      return Array.isArray(v.updates) ? { op: 'health', updates: readHealthUpdates(v.updates) } : null;
    default:
      return null;
  }
}

function readHealthUpdates(raw: unknown[]): HealthUpdate[] {
  const out: HealthUpdate[] = [];
  for (const u of raw)
    if (Array.isArray(u) && u.length === 2 && isStr(u[0]))
      out.push([u[0], u[1] === null ? null : (readHealth(u[1]) ?? null)]);
  return out;
}
