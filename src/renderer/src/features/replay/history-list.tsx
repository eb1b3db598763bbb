/* Every send of this capture, newest first; choosing one reopens its request and response. */
import type { ReplayHistorySummary } from '../../../../shared/replay/types';
import { formatTime } from '../../lib/format';

export interface HistoryListProps {
  items: ReplayHistorySummary[];
  selectedId: string | null;
  onOpen(id: string): void;
}

const SOURCE_LABEL: Record<ReplayHistorySummary['source'], string> = {
  replay: 'replay',
  edit: 'edited',
  forward: 'auto-forward',
  import: 'imported',
  'test-event': 'test event',
  check: 'handler check',
};

export function HistoryList({ items, selectedId, onOpen }: HistoryListProps): React.JSX.Element {
  if (items.length === 0) return <p className="muted">Nothing sent yet.</p>;
  return (
    <ul className="replay-history" aria-label="Replay history">
      {items.map((item) => (
        <li key={item.id}>
          <button
            type="button"
            className={item.id === selectedId ? 'selected' : ''}
            aria-current={item.id === selectedId ? 'true' : undefined}
            onClick={() => onOpen(item.id)}
          >
            <span className="mono">{formatTime(item.sentAt)}</span>
            <span
              className={`status-badge ${item.status === null ? 'status-error' : item.status < 300 ? 'status-ok' : item.status < 500 ? 'status-warn' : 'status-error'}`}
            >
              {item.status ?? 'error'}
            </span>
            <span className="muted">{Math.round(item.ms)} ms</span>
            <span className="muted">{SOURCE_LABEL[item.source]}</span>
            {item.error && <span className="muted replay-history-error">{item.error}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
