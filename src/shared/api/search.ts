/*
 * The search section: captures matched by text and filters, in the core (bodies live on disk).
 * It has no events of its own: results follow the capture events.
 */
import type { CapturePage, CaptureWindow } from './captures';

export type StatusClass = '2xx' | '3xx' | '4xx' | '5xx';
export type TimeRange = 'all' | '5m' | '1h' | '24h' | '7d';

export interface CaptureQuery {
  /** Case-insensitive text searched in method, path, headers and UTF-8 body. */
  text?: string;
  endpointId?: string;
  method?: string;
  status?: StatusClass;
  /** Signature provider id detected from the headers (e.g. "stripe"). */
  provider?: string;
  range?: TimeRange;
  /** Reference time for `range` (ms since epoch); defaults to now. */
  now?: number;
}

export interface CaptureSearchResult extends CapturePage {
  /** The window's matching capture ids, newest first (the ids of `items`). */
  ids: string[];
  /** Time the core spent matching, for the curious (ms). */
  ms: number;
}

export interface SearchMethods {
  /** The matches in one window (`endpointId` comes from the query; no window: every match). */
  searchCaptures(query: CaptureQuery, window?: Omit<CaptureWindow, 'endpointId'>): Promise<CaptureSearchResult>;
}

export const searchMethodNames = {
  searchCaptures: true,
} as const satisfies Record<keyof SearchMethods, true>;
