/* The header rows of the request being edited: add, remove, and disable without losing a row. */
import type { DraftHeader } from '../../../../shared/replay/types';
import { ColumnHeads } from '../../components/column-heads';

export interface HeadersEditorProps {
  headers: DraftHeader[];
  onChange(headers: DraftHeader[]): void;
}

export function HeadersEditor({ headers, onChange }: HeadersEditorProps): React.JSX.Element {
  const update = (i: number, patch: Partial<DraftHeader>): void =>
    onChange(headers.map((h, k) => (k === i ? { ...h, ...patch } : h)));
  return (
    <div className="replay-headers">
      <table className="kv-table" aria-label="Headers to send">
        <ColumnHeads titles={['Send', 'Name', 'Value', <span className="visually-hidden">Remove</span>]} />
        <tbody>
          {headers.map((h, i) => (
            <tr key={i} className={h.enabled ? '' : 'replay-header-disabled'}>
              <td>
                <input
                  type="checkbox"
                  checked={h.enabled}
                  aria-label={`Send header ${h.name || i + 1}`}
                  onChange={(e) => update(i, { enabled: e.target.checked })}
                />
              </td>
              <td>
                <input
                  className="mono"
                  value={h.name}
                  aria-label={`Header ${i + 1} name`}
                  spellCheck={false}
                  onChange={(e) => update(i, { name: e.target.value })}
                />
              </td>
              <td>
                <input
                  className="mono replay-header-value"
                  value={h.value}
                  aria-label={`Header ${h.name || i + 1} value`}
                  spellCheck={false}
                  onChange={(e) => update(i, { value: e.target.value })}
                />
              </td>
              <td>
                <button
                  type="button"
                  aria-label={`Remove header ${h.name || i + 1}`}
                  onClick={() => onChange(headers.filter((_, k) => k !== i))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => onChange([...headers, { name: '', value: '', enabled: true }])}>
        Add header
      </button>
      <p className="muted replay-hint">
        Host and Content-Length are set for the target when sending; hop-by-hop headers are dropped.
      </p>
    </div>
  );
}
