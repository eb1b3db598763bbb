import type { CaptureRecord, CaptureSummary } from '../capture';
import type { HealthFilters } from '../health-filters';

/**
 * A window over the capture list, so the renderer fetches only the rows it shows (100,000 stored
 * captures would otherwise cross the boundary on every open). No window: every capture.
 */
export interface CaptureWindow {
  /** Only this endpoint's captures. */
  endpointId?: string;
  /** Rows to skip from the newest. */
  offset?: number;
  /** Rows to return at most (capped at MAX_PAGE_ROWS when given). */
  limit?: number;
  /** Only captures whose health passes these filters. */
  health?: Partial<HealthFilters>;
}

/** One window of rows, newest first, and how many rows the whole list has. */
export interface CapturePage {
  total: number;
  offset: number;
  items: CaptureSummary[];
}

/**
 * What the list's filters and badges need from every stored capture, not only the rows fetched:
 * the event types present (for the event filter) and the duplicate counts.
 */
export interface CaptureFacets {
  /** Event types of the scope's captures, most frequent first (ties by name), with their counts. */
  eventTypes: { eventType: string; count: number }[];
  /** Captures of the scope that duplicate an earlier one. */
  duplicates: number;
  /** For each capture that others duplicate: how many stored captures carry its event, itself included. */
  duplicateGroups: Record<string, number>;
}

/** The most rows one window returns, so a caller cannot ask for everything by accident. */
export const MAX_PAGE_ROWS = 1_000;

export interface CapturesMethods {
  /** Newest first, one window of them. */
  listCaptures(window?: CaptureWindow): Promise<CapturePage>;
  /** Facets of every stored capture, or of one endpoint's. */
  captureFacets(scope?: { endpointId?: string }): Promise<CaptureFacets>;
  getCapture(id: string): Promise<CaptureRecord>;
  deleteCapture(id: string): Promise<void>;
  /** Deletes those of `ids` that exist (one write); answers how many that was. */
  deleteCaptures(ids: string[]): Promise<{ deleted: number }>;
  clearCaptures(): Promise<void>;
  setPinned(id: string, pinned: boolean): Promise<void>;
}

export const capturesMethodNames = {
  listCaptures: true,
  captureFacets: true,
  getCapture: true,
  deleteCapture: true,
  deleteCaptures: true,
  clearCaptures: true,
  setPinned: true,
} as const satisfies Record<keyof CapturesMethods, true>;

export interface CapturesEvents {
  'capture:added': CaptureSummary;
  'capture:updated': CaptureSummary;
  'capture:removed': { ids: string[] };
  'capture:cleared': Record<string, never>;
}
