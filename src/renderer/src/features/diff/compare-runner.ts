/*
 * Runs comparisons in a worker when one can be started (Vite bundles `diff-worker.ts` from the
 * `new Worker(new URL(...))` form), and on the UI thread otherwise — e.g. where the page's origin
 * cannot start workers. The result is the same either way.
 */
import type { CaptureRecord } from '../../../../shared/capture';
import { compareCaptures, type CaptureComparison } from '../../../../shared/diff';
import type { CompareReply, CompareRequest } from './compare-messages';

let worker: Worker | null | undefined;
let seq = 0;
const pending = new Map<
  number,
  { resolve(c: CaptureComparison): void; reject(e: Error): void; request: CompareRequest }
>();

function startWorker(): Worker | null {
  try {
    const w = new Worker(new URL('./diff-worker.ts', import.meta.url), { type: 'module', name: 'hooklens-diff' });
    w.onmessage = (e: MessageEvent<CompareReply>) => {
      const job = pending.get(e.data.seq);
      if (!job) return;
      pending.delete(e.data.seq);
      if (e.data.ok) job.resolve(e.data.comparison);
      else job.reject(new Error(e.data.message));
    };
    w.onerror = (e) => {
      // The worker could not load or crashed: finish what was queued on the UI thread from now on.
      e.preventDefault();
      worker = null;
      w.terminate();
      for (const [id, job] of pending) {
        pending.delete(id);
        runInline(job.request).then(job.resolve, job.reject);
      }
    };
    return w;
  } catch {
    return null;
  }
}

function runInline(request: CompareRequest): Promise<CaptureComparison> {
  // Yield first so the "Comparing…" state paints before the work blocks the thread.
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      try {
        resolve(compareCaptures(request.left, request.right));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    }, 0);
  });
}

export function runComparison(left: CaptureRecord, right: CaptureRecord): Promise<CaptureComparison> {
  const request: CompareRequest = { seq: ++seq, left, right };
  if (worker === undefined) worker = startWorker();
  if (!worker) return runInline(request);
  const w = worker;
  return new Promise((resolve, reject) => {
    pending.set(request.seq, { resolve, reject, request });
    w.postMessage(request);
  });
}
