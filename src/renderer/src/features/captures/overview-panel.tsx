import type { ReactNode } from 'react';
import type { CaptureRecord } from '../../../../shared/capture';
import { headerValue } from '../../../../shared/capture';
import { useAppStore } from '../../app-store';
import { formatBytes, formatCount, formatDateTime } from '../../lib/format';
import { VerdictBadge, verdictLabel } from '../health';
import { useDuplicateCounts } from './duplicate-counts';

/** What the sender got and how long it waited: the configured delay is the wait, not the store's time. */
export function answerText(response: CaptureRecord['response']): string {
  const parts = [String(response.status)];
  if (response.simulated) parts.push('a simulated failure (“fail the next N” on the endpoint)');
  if (response.delayMs) parts.push(`sent after the configured ${formatCount(response.delayMs)} ms delay`);
  return `${parts.join(', ')} (stored in ${response.ms} ms)`;
}

function useHealthRows(capture: CaptureRecord): [string, ReactNode][] {
  const selectCapture = useAppStore((s) => s.selectCapture);
  const counts = useDuplicateCounts();
  const h = capture.health;
  if (!h) return [['Signature', 'Not classified (stored by an older version)']];
  const rows: [string, ReactNode][] = [
    ['Provider', h.provider ?? '—'],
    ['Event', h.eventType ?? '—'],
    ['Event id', h.eventId ?? '—'],
    [
      'Signature',
      <span key="v" className="overview-verdict">
        <VerdictBadge verdict={h.verdict} /> {verdictLabel(h.verdict)}
        {h.reason ? `: ${h.reason}` : ''}
      </span>,
    ],
  ];
  const first = h.duplicateOf;
  const times = counts[first ?? capture.id];
  if (first)
    rows.push([
      'Duplicate of',
      <span key="d">
        <button type="button" className="link-button" onClick={() => void selectCapture(first)}>
          the first delivery of this event
        </button>
        {times ? ` (received ${times} times)` : ''}
      </span>,
    ]);
  else if (times) rows.push(['Redelivered', `${times - 1} more time${times === 2 ? '' : 's'}`]);
  return rows;
}

/** `url`: the full request URL, which the detail header may cut short. */
export function OverviewPanel({ capture, url }: { capture: CaptureRecord; url: string }): React.JSX.Element {
  const healthRows = useHealthRows(capture);
  const rows: [string, ReactNode][] = [
    ['URL', url],
    ['Received', formatDateTime(capture.receivedAt)],
    ...healthRows,
    ['Remote address', capture.remoteAddress || '—'],
    ['Came through', capture.via === 'tunnel' ? 'Public tunnel' : 'Local listener'],
    ['Size', formatBytes(capture.body.size)],
    ['Content type', headerValue(capture.headers, 'content-type') ?? '—'],
    ['We answered', answerText(capture.response)],
    ['HTTP version', capture.httpVersion],
    ['Capture id', capture.id],
  ];
  return (
    <dl className="overview">
      {rows.map(([k, v]) => (
        <div key={k} className="overview-row">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
