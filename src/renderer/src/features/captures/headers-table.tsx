import type { HeaderPair } from '../../../../shared/capture';
import { CopyButton } from '../../components/copy-button';

/** Headers exactly as received: original order, case and repeats. */
export function HeadersTable({ headers }: { headers: HeaderPair[] }): React.JSX.Element {
  if (headers.length === 0) return <p className="muted">No headers.</p>;
  return (
    <table className="kv-table" aria-label="Request headers">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
          <th scope="col">
            <span className="visually-hidden">Copy</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {headers.map(([name, value], i) => (
          <tr key={i}>
            <td className="kv-name">{name}</td>
            <td className="kv-value">{value}</td>
            <td>
              <CopyButton text={`${name}: ${value}`} label={`Copy header ${name}`} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
