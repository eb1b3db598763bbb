import type { ReactNode } from 'react';
import { ColumnHeads } from './column-heads';

export interface KeyValueTableProps {
  label: string;
  rows: readonly (readonly [string, string])[];
  /** Optional extra cell per row (e.g. a copy button), with a hidden column title. */
  action?: { title: string; render(name: string, value: string): ReactNode };
  /** Optional note under a value (e.g. the bytes as received when the value is shown decoded). */
  note?: (index: number) => ReactNode;
}

/** Name/value pairs in their original order, repeats kept; names and values shown as plain text. */
export function KeyValueTable({ label, rows, action, note }: KeyValueTableProps): React.JSX.Element {
  return (
    <table className="kv-table" aria-label={label}>
      <ColumnHeads
        titles={['Name', 'Value', ...(action ? [<span className="visually-hidden">{action.title}</span>] : [])]}
      />
      <tbody>
        {rows.map(([name, value], i) => (
          <tr key={i}>
            <td className="kv-name">{name}</td>
            <td className="kv-value">
              {value}
              {note?.(i)}
            </td>
            {action && <td>{action.render(name, value)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
