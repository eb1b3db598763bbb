import { useEffect, useState } from 'react';
import type { CaptureRecord } from '../../../../shared/capture';
import type { CaptureComparison } from '../../../../shared/diff';
import { runComparison } from './compare-runner';

export type ComparisonState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; comparison: CaptureComparison; ms: number };

export const LOADING: ComparisonState = { status: 'loading' };

/** Compares two loaded captures; re-runs when either changes (e.g. after a swap). */
export function useComparison(left: CaptureRecord | null, right: CaptureRecord | null): ComparisonState {
  // The result remembers which pair it is for: a new pair reads as loading until its own result.
  const [result, setResult] = useState<{ left: CaptureRecord; right: CaptureRecord; state: ComparisonState } | null>(
    null,
  );
  useEffect(() => {
    if (!left || !right) return;
    let cancelled = false;
    const started = performance.now();
    const settle = (state: ComparisonState) => !cancelled && setResult({ left, right, state });
    runComparison(left, right).then(
      (comparison) => settle({ status: 'ready', comparison, ms: performance.now() - started }),
      (err: unknown) => settle({ status: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      cancelled = true;
    };
  }, [left, right]);
  return result && result.left === left && result.right === right ? result.state : LOADING;
}
