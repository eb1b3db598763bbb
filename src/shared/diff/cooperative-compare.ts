/*
 * Compares on the calling thread a step per task, yielding to the event loop between phases so a
 * UI thread keeps painting and a cancel can land: how a comparison runs where no worker can take it.
 */
import { compareCapturesSteps, type ComparableCapture } from './compare-captures';
import { DiffMeter, type DiffProgress } from './diff-progress';
import { DiffCancelledError } from './diff-steps';
import type { CaptureComparison } from './types';

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export interface CooperativeOptions {
  onProgress?(progress: DiffProgress): void;
  signal?: AbortSignal;
}

/**
 * Once `signal` aborts no progress is reported, the steps are dropped at the next pause (or at the
 * next progress report inside a phase) and the promise rejects with DiffCancelledError.
 */
export async function compareCapturesCooperatively(
  left: ComparableCapture,
  right: ComparableCapture,
  { onProgress, signal }: CooperativeOptions = {},
): Promise<CaptureComparison> {
  const stopIfCancelled = (): void => {
    if (signal?.aborted) throw new DiffCancelledError();
  };
  const meter = new DiffMeter((progress) => {
    stopIfCancelled();
    onProgress?.(progress);
  });
  await nextTask();
  stopIfCancelled();
  const steps = compareCapturesSteps(left, right, meter);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await nextTask();
    stopIfCancelled();
  }
}
