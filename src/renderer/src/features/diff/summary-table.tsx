import { formatElapsed, type CaptureComparison } from '../../../../shared/diff';
import { DataTable } from '../../components/data-table';

export function SummaryTable({ comparison }: { comparison: CaptureComparison }): React.JSX.Element {
  return (
    <DataTable label="Summary" className="diff-table summary-table" columns={['Field', 'Left', 'Right']}>
      {comparison.summary.map((r) => (
        <tr key={r.field} className={r.same ? 'diff-same' : 'diff-changed'}>
          <th scope="row">{r.label}</th>
          <td className="mono">{r.left || <span className="muted">(none)</span>}</td>
          <td className="mono">{r.right || <span className="muted">(none)</span>}</td>
        </tr>
      ))}
      <tr>
        <th scope="row">Time between</th>
        <td colSpan={2}>{formatElapsed(comparison.elapsedMs)}</td>
      </tr>
    </DataTable>
  );
}
