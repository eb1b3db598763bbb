import type { CaptureRecord, CaptureSummary } from '../capture';

export interface CapturesMethods {
  /** Newest first. */
  listCaptures(): Promise<CaptureSummary[]>;
  getCapture(id: string): Promise<CaptureRecord>;
  deleteCapture(id: string): Promise<void>;
  /** Deletes those of `ids` that exist (one write); answers how many that was. */
  deleteCaptures(ids: string[]): Promise<{ deleted: number }>;
  clearCaptures(): Promise<void>;
  setPinned(id: string, pinned: boolean): Promise<void>;
}

export const capturesMethodNames = {
  listCaptures: true,
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
