import { KeyValueTable } from '../../components/key-value-table';
import { queryParams } from '../../lib/query-params';

export function QueryTable({ url }: { url: string }): React.JSX.Element {
  const params = queryParams(url);
  if (params.length === 0) return <p className="muted">No query parameters.</p>;
  return <KeyValueTable label="Query parameters" rows={params} />;
}
