import { queryParams } from '../../lib/query-params';

export function QueryTable({ url }: { url: string }): React.JSX.Element {
  const params = queryParams(url);
  if (params.length === 0) return <p className="muted">No query parameters.</p>;
  return (
    <table className="kv-table" aria-label="Query parameters">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {params.map(([name, value], i) => (
          <tr key={i}>
            <td className="kv-name">{name}</td>
            <td className="kv-value">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
