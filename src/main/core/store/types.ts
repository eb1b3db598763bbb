import type { CaptureRecord, CaptureSummary } from '../../../shared/capture';
import type { StoreNotice } from '../../../shared/api/status';
import type { SummaryScan } from './capture-index';
import type { HealthUpdate } from './record-shape';
import type { NoticeBoard } from '../notice-board';

/*
 * The capture store's contract. The listener calls `add` and answers the webhook 2xx only after
 * the returned promise resolves: resolution means the record is durable on disk.
 */
export interface CaptureStore {
  /** Resolves once the record is on disk (fsynced); rejects when it could not be written. */
  add(record: CaptureRecord): Promise<void>;
  /** Newest first. Summaries only, cheap: kept in memory. */
  list(): CaptureSummary[];
  /** The same, walked in place: a page of the list without copying all of it. */
  newest(): SummaryScan;
  /** The full record, body included; undefined when unknown. */
  get(id: string): Promise<CaptureRecord | undefined>;
  has(id: string): boolean;
  count(): number;
  delete(ids: string[]): Promise<void>;
  clear(): Promise<void>;
  setPinned(id: string, pinned: boolean): Promise<CaptureSummary | undefined>;
  /** Replaces the health of existing captures (null clears it); resolves with their new summaries once durable. */
  setHealth(updates: HealthUpdate[]): Promise<CaptureSummary[]>;
  /** What the user must be told about the data files (set aside, recovered, a failed write): the board's notices. */
  readonly notices: StoreNotice[];
  close(): Promise<void>;
}

export interface CaptureStoreOptions {
  dataDir: string;
  /** Retention cap; the oldest unpinned captures beyond it are removed. */
  maxCaptures?: number;
  /** Where recovery at start and failed writes while running are reported; a board of its own when absent. */
  notices?: NoticeBoard;
  /** Called with the ids the retention cap removed, once their removal is durable, so the UI can drop them. */
  onEvicted?: (ids: string[]) => void;
}
