/*
 * Worker entry: compares one pair of large captures off the UI thread (two 4 MB JSON bodies take
 * seconds to parse and print), telling the page its progress as it goes. In `{ left, right }`; out
 * `progress` replies (forward only, about one per percent), then `done` or `error`. The page stops
 * the work by terminating the worker. Chromium ends a terminated worker once its current task is
 * over (forcibly only after 2 s), so the steps run a task each: a terminate lands at the next phase.
 */
import { compareCapturesCooperatively, type ComparableCapture } from '../../../../shared/diff';
import type { CompareReply, CompareRequest } from './compare-messages';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<CompareRequest>) => void) | null;
  postMessage(reply: CompareReply): void;
};

scope.onmessage = (e) => {
  const { left, right } = e.data;
  compareCapturesCooperatively(left as ComparableCapture, right as ComparableCapture, {
    onProgress: (progress) => scope.postMessage({ type: 'progress', progress }),
  }).then(
    (comparison) => scope.postMessage({ type: 'done', comparison }),
    (err: unknown) => scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
