/*
 * Worker entry: compares two captures off the UI thread (two 1 MB bodies take a noticeable part
 * of a second). Messages: in `{ seq, left, right }`, out `{ seq, ok, comparison | message }`.
 */
import { compareCaptures, type ComparableCapture } from '../../../../shared/diff';
import type { CompareReply, CompareRequest } from './compare-messages';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<CompareRequest>) => void) | null;
  postMessage(reply: CompareReply): void;
};

scope.onmessage = (e) => {
  const { seq, left, right } = e.data;
  try {
    scope.postMessage({
      seq,
      ok: true,
      comparison: compareCaptures(left as ComparableCapture, right as ComparableCapture),
    });
  } catch (err) {
    scope.postMessage({ seq, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
