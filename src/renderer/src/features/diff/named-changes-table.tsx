import { assertNever } from '../../../../shared/errors';
import type { NamedChange } from '../../../../shared/diff';
import { ColumnHeads } from '../../components/column-heads';

export function kindLabel(kind: NamedChange['kind'] | 'moved'): string {
  switch (kind) {
    case 'added':
      return 'Added';
    case 'removed':
      return 'Removed';
    case 'changed':
      return 'Changed';
    case 'moved':
      return 'Moved';
    default:
      return assertNever(kind, 'change kind');
  }
}

function Values({ values }: { values: string[] | undefined }): React.JSX.Element {
  if (!values) return <span className="muted">—</span>;
  return (
    <>
      {values.map((v, i) => (
        <div key={i} className="mono diff-value">
          {v}
        </div>
      ))}
    </>
  );
}

export interface NamedChangesTableProps {
  label: string;
  nameHeading: string;
  changes: NamedChange[];
  hidden: number;
  onSelect?(change: NamedChange): void;
}

/** Added / removed / changed names (headers, query parameters, form fields) with both sides' values. */
export function NamedChangesTable({
  label,
  nameHeading,
  changes,
  hidden,
  onSelect,
}: NamedChangesTableProps): React.JSX.Element {
  return (
    <div className="named-changes">
      {changes.length === 0 ? (
        <p className="muted">No differences{hidden > 0 ? '' : '.'}</p>
      ) : (
        <table className="diff-table" aria-label={label}>
          <ColumnHeads titles={['Change', nameHeading, 'Left', 'Right']} />
          <tbody>
            {changes.map((c) => (
              <tr key={`${c.kind}:${c.name}`} className={`diff-${c.kind}`}>
                <td>{kindLabel(c.kind)}</td>
                <td className="mono">
                  {onSelect ? (
                    <button type="button" className="link-button" onClick={() => onSelect(c)}>
                      {c.name}
                    </button>
                  ) : (
                    c.name
                  )}
                </td>
                <td>
                  <Values values={c.before} />
                </td>
                <td>
                  <Values values={c.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hidden > 0 && <p className="muted hidden-count">{hidden} hidden by noise rules</p>}
    </div>
  );
}
