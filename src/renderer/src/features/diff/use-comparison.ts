import { useEffect, useState } from 'react';
import type { CaptureRecord } from '../../../../shared/capture';
import type { CaptureComparison } from '../../../../shared/diff';
import { runComparison } from './compare-runner';

export type ComparisonState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; comparison: CaptureComparison; ms: number };

/** Compares two loaded captures; re-runs when either changes (e.g. after a swap). */
export function useComparison(left: CaptureRecord | null, right: CaptureRecord | null): ComparisonState {
  const [state, setState] = useState<ComparisonState>({ status: 'loading' });
  useEffect(() => {
    if (!left || !right) return;
    let cancelled = false;
    setState({ status: 'loading' });
    const started = performance.now();
    runComparison(left, right).then(
      (comparison) => !cancelled && setState({ status: 'ready', comparison, ms: performance.now() - started }),
      (err: unknown) => !cancelled && setState({ status: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      cancelled = true;
    };
  }, [left, right]);
  return state;
}
