import type { CaptureRecord } from '../../../../shared/capture';
import { headerValue } from '../../../../shared/capture';
import { formatBytes, formatDateTime } from '../../lib/format';

/** `url`: the full request URL, which the detail header may cut short. */
export function OverviewPanel({ capture, url }: { capture: CaptureRecord; url: string }): React.JSX.Element {
  const rows: [string, string][] = [
    ['URL', url],
    ['Received', formatDateTime(capture.receivedAt)],
    ['Remote address', capture.remoteAddress || '—'],
    ['Came through', capture.via === 'tunnel' ? 'Public tunnel' : 'Local listener'],
    ['Size', formatBytes(capture.body.size)],
    ['Content type', headerValue(capture.headers, 'content-type') ?? '—'],
    ['We answered', `${capture.response.status} (after ${capture.response.ms} ms)`],
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
