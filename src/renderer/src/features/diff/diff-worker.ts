/*
 * Worker entry: compares one pair of large captures off the UI thread (two 4 MB JSON bodies take
 * seconds to parse and print), telling the page its progress as it goes. In `{ left, right }`; out
 * `progress` replies (forward only, about one per percent), then `done` or `error`. The page stops
 * the work by terminating the worker, so nothing here listens for a cancel.
 */
import { compareCapturesSteps, DiffMeter, runSteps, type ComparableCapture } from '../../../../shared/diff';
import type { CompareReply, CompareRequest } from './compare-messages';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<CompareRequest>) => void) | null;
  postMessage(reply: CompareReply): void;
};

scope.onmessage = (e) => {
  const { left, right } = e.data;
  try {
    const meter = new DiffMeter((progress) => scope.postMessage({ type: 'progress', progress }));
    const comparison = runSteps(compareCapturesSteps(left as ComparableCapture, right as ComparableCapture, meter));
    scope.postMessage({ type: 'done', comparison });
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
