import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaptureRecord } from '../../../../shared/capture';
import { DiffCancelledError, type CaptureComparison, type DiffProgress } from '../../../../shared/diff';
import { startComparison, type ComparisonJob } from './compare-runner';

export type ComparisonState =
  | { status: 'loading'; progress: DiffProgress | null }
  | { status: 'cancelled' }
  | { status: 'error'; message: string }
  | { status: 'ready'; comparison: CaptureComparison; ms: number };

export const LOADING: ComparisonState = { status: 'loading', progress: null };

export interface Comparison {
  state: ComparisonState;
  /** Stops the comparison in flight (the state turns `cancelled`). */
  cancel(): void;
  /** Runs the comparison of the same pair again. */
  rerun(): void;
}

interface Settled {
  left: CaptureRecord;
  right: CaptureRecord;
  run: number;
  state: ComparisonState;
}

/**
 * Compares two loaded captures; re-runs when either changes (e.g. after a swap). A new pair, or
 * leaving the view, cancels the comparison still in flight.
 */
export function useComparison(left: CaptureRecord | null, right: CaptureRecord | null): Comparison {
  const [run, setRun] = useState(0);
  // The state remembers which pair and run it is for: another reads as loading until its own comes.
  const [settled, setSettled] = useState<Settled | null>(null);
  const job = useRef<ComparisonJob | null>(null);
  useEffect(() => {
    if (!left || !right) return;
    let live = true;
    const started = performance.now();
    const set = (state: ComparisonState): void => {
      if (live) setSettled({ left, right, run, state });
    };
    const current = startComparison(left, right, (progress) => set({ status: 'loading', progress }));
    job.current = current;
    current.result.then(
      (comparison) => set({ status: 'ready', comparison, ms: performance.now() - started }),
      (err: unknown) =>
        set(
          err instanceof DiffCancelledError
            ? { status: 'cancelled' }
            : { status: 'error', message: err instanceof Error ? err.message : String(err) },
        ),
    );
    return () => {
      live = false;
      current.cancel();
      if (job.current === current) job.current = null;
    };
  }, [left, right, run]);
  const cancel = useCallback(() => job.current?.cancel(), []);
  const rerun = useCallback(() => setRun((n) => n + 1), []);
  const state =
    settled && settled.left === left && settled.right === right && settled.run === run ? settled.state : LOADING;
  return { state, cancel, rerun };
}
