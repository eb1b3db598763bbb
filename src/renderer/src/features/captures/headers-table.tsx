import type { HeaderPair } from '../../../../shared/capture';
import { CopyButton } from '../../components/copy-button';
import { KeyValueTable } from '../../components/key-value-table';

const COPY_ACTION = {
  title: 'Copy',
  render: (name: string, value: string) => <CopyButton text={`${name}: ${value}`} label={`Copy header ${name}`} />,
};

/** Headers exactly as received: original order, case and repeats. */
export function HeadersTable({ headers }: { headers: HeaderPair[] }): React.JSX.Element {
  if (headers.length === 0) return <p className="muted">No headers.</p>;
  return <KeyValueTable label="Request headers" rows={headers} action={COPY_ACTION} />;
}
