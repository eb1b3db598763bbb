import type { CaptureRecord } from '../../../../shared/capture';
import type { CaptureComparison } from '../../../../shared/diff';

export interface CompareRequest {
  seq: number;
  left: CaptureRecord;
  right: CaptureRecord;
}

export type CompareReply =
  { seq: number; ok: true; comparison: CaptureComparison } | { seq: number; ok: false; message: string };
