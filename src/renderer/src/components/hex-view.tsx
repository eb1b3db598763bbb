import { useMemo, useState } from 'react';

const ROW = 16;
const PAGE_ROWS = 256;

function hexRow(bytes: Uint8Array, offset: number): string {
  const slice = bytes.subarray(offset, offset + ROW);
  const hex = Array.from(slice, (b) => b.toString(16).padStart(2, '0'));
  const left = hex.slice(0, 8).join(' ');
  const right = hex.slice(8).join(' ');
  const ascii = Array.from(slice, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
  return `${offset.toString(16).padStart(8, '0')}  ${left.padEnd(23)}  ${right.padEnd(23)}  |${ascii}|`;
}

export function HexView({ bytes }: { bytes: Uint8Array }): React.JSX.Element {
  const [rows, setRows] = useState(PAGE_ROWS);
  const total = Math.ceil(bytes.length / ROW);
  const text = useMemo(() => {
    const lines: string[] = [];
    for (let r = 0; r < Math.min(rows, total); r++) lines.push(hexRow(bytes, r * ROW));
    return lines.join('\n');
  }, [bytes, rows, total]);
  return (
    <div className="hex-view">
      <pre aria-label="Body as hex" tabIndex={0}>
        {text}
      </pre>
      {rows < total && (
        <button type="button" onClick={() => setRows((r) => r + PAGE_ROWS * 4)}>
          Show more ({total - rows} more rows)
        </button>
      )}
    </div>
  );
}
