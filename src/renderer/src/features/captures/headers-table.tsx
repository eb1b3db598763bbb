import type { HeaderPair } from '../../../../shared/capture';
import { displayHeaderValue, headerValueHex } from '../../../../shared/header-text';
import { CopyButton } from '../../components/copy-button';
import { KeyValueTable } from '../../components/key-value-table';

const COPY_ACTION = {
  title: 'Copy',
  render: (name: string, value: string) => <CopyButton text={`${name}: ${value}`} label={`Copy header ${name}`} />,
};

/** Headers exactly as received: original order, case and repeats; UTF-8 values shown decoded, with their bytes. */
export function HeadersTable({ headers }: { headers: HeaderPair[] }): React.JSX.Element {
  if (headers.length === 0) return <p className="muted">No headers.</p>;
  const shown = headers.map(([name, value]): HeaderPair => [name, displayHeaderValue(value)]);
  const note = (i: number): React.ReactNode =>
    shown[i][1] === headers[i][1] ? null : (
      <span className="kv-raw">bytes as received: {headerValueHex(headers[i][1])}</span>
    );
  return <KeyValueTable label="Request headers" rows={shown} action={COPY_ACTION} note={note} />;
}
