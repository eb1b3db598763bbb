/*
 * The search matcher, environment-free so the core index and tests share it. A capture is reduced
 * once to a lowercase haystack (method, URL as received and decoded, headers as `name: value`
 * lines, UTF-8 body); a query's words must all occur in it (AND), case-insensitively.
 */
import type { CaptureQuery, StatusClass, TimeRange } from '../api/search';
import type { CaptureRecord } from '../capture';

/** Bodies beyond this are searched on their first part only: memory stays bounded at 10k captures. */
export const MAX_INDEXED_BODY_CHARS = 256 * 1024;

export interface SearchEntry {
  id: string;
  endpointId: string;
  receivedAtMs: number;
  method: string;
  status: number;
  providers: string[];
  haystack: string;
}

export const RANGE_MS: Record<Exclude<TimeRange, 'all'>, number> = {
  '5m': 5 * 60_000,
  '1h': 60 * 60_000,
  '24h': 24 * 60 * 60_000,
  '7d': 7 * 24 * 60 * 60_000,
};

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

export function haystackOf(record: Pick<CaptureRecord, 'method' | 'url' | 'headers' | 'body'>): string {
  const parts = [record.method, record.url];
  const decoded = safeDecode(record.url);
  if (decoded !== record.url) parts.push(decoded);
  for (const [name, value] of record.headers) parts.push(`${name}: ${value}`);
  if (record.body.encoding === 'utf8') parts.push(record.body.text.slice(0, MAX_INDEXED_BODY_CHARS));
  return parts.join('\n').toLowerCase();
}

export function entryOf(record: CaptureRecord, providers: string[]): SearchEntry {
  return {
    id: record.id,
    endpointId: record.endpointId,
    receivedAtMs: Date.parse(record.receivedAt),
    method: record.method.toUpperCase(),
    status: record.response.status,
    providers,
    haystack: haystackOf(record),
  };
}

export function queryTerms(text: string | undefined): string[] {
  return (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

export function statusInClass(status: number, cls: StatusClass): boolean {
  const base = Number(cls[0]) * 100;
  return status >= base && status < base + 100;
}

/** A compiled query: check many entries against it without re-parsing. */
export function compileQuery(query: CaptureQuery, now = query.now ?? Date.now()): (e: SearchEntry) => boolean {
  const terms = queryTerms(query.text);
  const method = query.method?.toUpperCase();
  const since = query.range && query.range !== 'all' ? now - RANGE_MS[query.range] : null;
  return (e) => {
    if (query.endpointId && e.endpointId !== query.endpointId) return false;
    if (method && e.method !== method) return false;
    if (query.status && !statusInClass(e.status, query.status)) return false;
    if (query.provider && !e.providers.includes(query.provider)) return false;
    if (since !== null && !(e.receivedAtMs >= since)) return false;
    for (const t of terms) if (!e.haystack.includes(t)) return false;
    return true;
  };
}

/** Whether a query narrows anything at all (an empty one shows every capture). */
export function isActiveQuery(query: CaptureQuery): boolean {
  return Boolean(
    queryTerms(query.text).length ||
    query.method ||
    query.status ||
    query.provider ||
    (query.range && query.range !== 'all'),
  );
}

/** Ranges of `text` that match a term, for highlighting; sorted, non-overlapping. */
export function matchRanges(text: string, terms: readonly string[]): [start: number, end: number][] {
  if (terms.length === 0) return [];
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const t of terms) {
    for (let i = lower.indexOf(t); i !== -1; i = lower.indexOf(t, i + t.length)) ranges.push([i, i + t.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
