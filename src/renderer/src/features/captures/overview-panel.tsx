import type { CaptureRecord } from '../../../../shared/capture';
import { headerValue } from '../../../../shared/capture';
import { formatBytes, formatCount, formatDateTime } from '../../lib/format';

/** What the sender got and how long it waited: the configured delay is the wait, not the store's time. */
export function answerText(response: CaptureRecord['response']): string {
  const parts = [String(response.status)];
  if (response.simulated) parts.push('a simulated failure (“fail the next N” on the endpoint)');
  if (response.delayMs) parts.push(`sent after the configured ${formatCount(response.delayMs)} ms delay`);
  return `${parts.join(', ')} (stored in ${response.ms} ms)`;
}

export function OverviewPanel({ capture }: { capture: CaptureRecord }): React.JSX.Element {
  const rows: [string, string][] = [
    ['Received', formatDateTime(capture.receivedAt)],
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
