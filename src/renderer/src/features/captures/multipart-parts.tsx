/*
 * A multipart body's parts: name, file name, content type and size; text parts shown as text,
 * every part with a file name (or binary content) savable with its exact bytes.
 */
import { ColumnHeads } from '../../components/column-heads';
import { downloadBytes } from '../../lib/download';
import { formatBytes } from '../../lib/format';
import type { MultipartResult } from '../../lib/multipart';

export function MultipartParts({ result }: { result: MultipartResult }): React.JSX.Element {
  return (
    <div className="multipart-parts">
      {result.problem && (
        <p className="warning-text" role="status">
          {result.problem}
        </p>
      )}
      <table className="kv-table" aria-label="Multipart parts">
        <ColumnHeads titles={['Name', 'File name', 'Content type', 'Size', 'Content']} />
        <tbody>
          {result.parts.map((p, i) => {
            const label = p.filename ?? p.name ?? `part ${i + 1}`;
            return (
              <tr key={i}>
                <td className="kv-name">{p.name ?? <span className="muted">(none)</span>}</td>
                <td className="mono">{p.filename ?? <span className="muted">—</span>}</td>
                <td className="mono">{p.contentType ?? <span className="muted">—</span>}</td>
                <td>{formatBytes(p.bytes.length)}</td>
                <td className="part-content">
                  {p.text !== null && <pre className="part-text">{p.text}</pre>}
                  {(p.filename !== null || p.text === null) && (
                    <button
                      type="button"
                      onClick={() =>
                        downloadBytes(p.filename ?? `part-${i + 1}.bin`, p.bytes, p.contentType ?? undefined)
                      }
                    >
                      Save {label}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
