import type { CaptureRecord } from '../../../../shared/capture';
import type { CaptureComparison, DiffProgress } from '../../../../shared/diff';

/** What the page sends a diff worker: one pair, one worker (a cancel terminates it). */
export interface CompareRequest {
  left: CaptureRecord;
  right: CaptureRecord;
}

export type CompareReply =
  | { type: 'progress'; progress: DiffProgress }
  | { type: 'done'; comparison: CaptureComparison }
  | { type: 'error'; message: string };
