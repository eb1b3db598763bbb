import { useEffect, useState } from 'react';
import type { CaptureComparison } from '../../../../shared/diff';
import { api } from '../../api/client';
import { runComparison } from './compare-runner';

export type ComparisonState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; comparison: CaptureComparison; ms: number };

/** Loads both captures and compares them; re-runs when either id changes (e.g. after a swap). */
export function useComparison(leftId: string, rightId: string): ComparisonState {
  const [state, setState] = useState<ComparisonState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    (async () => {
      const [left, right] = await Promise.all([api.getCapture(leftId), api.getCapture(rightId)]);
      const started = performance.now();
      const comparison = await runComparison(left, right);
      if (!cancelled) setState({ status: 'ready', comparison, ms: performance.now() - started });
    })().catch((err: unknown) => {
      if (!cancelled) setState({ status: 'error', message: err instanceof Error ? err.message : String(err) });
    });
    return () => {
      cancelled = true;
    };
  }, [leftId, rightId]);
  return state;
}
