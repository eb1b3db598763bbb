/*
 * Starts a comparison and hands back a job: progress as it goes, one result, and a cancel that
 * really stops the work. Each pair goes to a worker of its own (Vite bundles `diff-worker.ts` from
 * the `new Worker(new URL(...))` form), which a cancel terminates wherever it is. Where no worker
 * can start (some origins refuse them), the pair runs on this thread a step per task, and a cancel
 * lands at the next step.
 */
import type { CaptureRecord } from '../../../../shared/capture';
import {
  compareCapturesCooperatively,
  DiffCancelledError,
  type CaptureComparison,
  type DiffProgress,
} from '../../../../shared/diff';
import { assertNever } from '../../../../shared/errors';
import type { CompareReply, CompareRequest } from './compare-messages';

export interface ComparisonJob {
  /** The comparison; rejects with DiffCancelledError once cancelled (and no progress follows). */
  result: Promise<CaptureComparison>;
  cancel(): void;
}

export function startComparison(
  left: CaptureRecord,
  right: CaptureRecord,
  onProgress: (progress: DiffProgress) => void = () => {},
): ComparisonJob {
  const controller = new AbortController();
  const { signal } = controller;
  // A message already on its way when the job is cancelled is dropped here, not shown.
  const report = (progress: DiffProgress): void => {
    if (!signal.aborted) onProgress(progress);
  };
  const inline = (): Promise<CaptureComparison> =>
    compareCapturesCooperatively(left, right, { onProgress: report, signal });
  const result = inWorker({ left, right }, report, signal, inline);
  return { result, cancel: () => controller.abort() };
}

function inWorker(
  request: CompareRequest,
  onProgress: (progress: DiffProgress) => void,
  signal: AbortSignal,
  inline: () => Promise<CaptureComparison>,
): Promise<CaptureComparison> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./diff-worker.ts', import.meta.url), { type: 'module', name: 'hooklens-diff' });
  } catch {
    return inline();
  }
  return new Promise((resolve, reject) => {
    const stop = (): void => {
      worker.terminate();
      signal.removeEventListener('abort', cancelled);
    };
    const cancelled = (): void => {
      stop();
      reject(new DiffCancelledError());
    };
    signal.addEventListener('abort', cancelled);
    worker.onmessage = (e: MessageEvent<CompareReply>) => {
      const reply = e.data;
      switch (reply.type) {
        case 'progress':
          onProgress(reply.progress);
          return;
        case 'done':
          stop();
          resolve(reply.comparison);
          return;
        case 'error':
          stop();
          reject(new Error(reply.message));
          return;
        default:
          assertNever(reply, 'diff worker reply');
      }
    };
    worker.onerror = (e) => {
      // The worker could not load or crashed: do the work on this thread instead.
      e.preventDefault();
      stop();
      inline().then(resolve, reject);
    };
    worker.postMessage(request);
  });
}
