import { headerValue, type CaptureRecord } from '../capture';
import { compareBodiesSteps } from './body-diff';
import { DiffMeter } from './diff-progress';
import { runSteps, type Steps } from './diff-steps';
import { diffNamed, parseFormFields } from './named-diff';
import type { CaptureComparison, DiffNote, SummaryRow } from './types';

/** The parts of a capture a comparison reads; a full CaptureRecord fits. */
export type ComparableCapture = Pick<
  CaptureRecord,
  'id' | 'method' | 'url' | 'receivedAt' | 'headers' | 'body' | 'via' | 'response'
>;

export function splitUrl(url: string): { path: string; query: string } {
  const q = url.indexOf('?');
  return q < 0 ? { path: url, query: '' } : { path: url.slice(0, q), query: url.slice(q + 1) };
}

export function compareCaptures(left: ComparableCapture, right: ComparableCapture): CaptureComparison {
  return runSteps(compareCapturesSteps(left, right, new DiffMeter()));
}

/** The work of `compareCaptures` in steps, its progress told to `meter` (finished at 100 %). */
export function* compareCapturesSteps(
  left: ComparableCapture,
  right: ComparableCapture,
  meter: DiffMeter,
): Steps<CaptureComparison> {
  const lu = splitUrl(left.url);
  const ru = splitUrl(right.url);
  const lt = Date.parse(left.receivedAt);
  const rt = Date.parse(right.receivedAt);
  const elapsedMs = Number.isFinite(lt) && Number.isFinite(rt) ? rt - lt : null;
  const row = (field: SummaryRow['field'], label: string, l: string, r: string): SummaryRow => ({
    field,
    label,
    left: l,
    right: r,
    same: l === r,
  });
  const summary: SummaryRow[] = [
    row('method', 'Method', left.method, right.method),
    row('path', 'Path', lu.path, ru.path),
    row('query', 'Query', lu.query, ru.query),
    row('status', 'Status we answered', String(left.response.status), String(right.response.status)),
    row('size', 'Body size', `${left.body.size} bytes`, `${right.body.size} bytes`),
    row(
      'content-type',
      'Content-Type',
      headerValue(left.headers, 'content-type') ?? '',
      headerValue(right.headers, 'content-type') ?? '',
    ),
    row('via', 'Received via', left.via, right.via),
    row('received', 'Received at', left.receivedAt, right.receivedAt),
  ];
  const query = diffNamed(parseFormFields(lu.query), parseFormFields(ru.query), { caseInsensitive: false }).changes;
  const headers = diffNamed(left.headers, right.headers, { caseInsensitive: true });
  const body = yield* compareBodiesSteps(left, right, meter);
  meter.finish();
  const notes: DiffNote[] = headers.caseDiffers.map(({ left: l, right: r }) => ({
    kind: 'header-case',
    name: r,
    left: l,
    right: r,
  }));
  return {
    left: { id: left.id, method: left.method, url: left.url, receivedAt: left.receivedAt },
    right: { id: right.id, method: right.method, url: right.url, receivedAt: right.receivedAt },
    summary,
    elapsedMs,
    query,
    headers: headers.changes,
    notes,
    body,
  };
}
