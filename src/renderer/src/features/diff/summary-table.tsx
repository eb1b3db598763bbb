import { formatElapsed, type CaptureComparison } from '../../../../shared/diff';
import { ColumnHeads } from '../../components/column-heads';

export function SummaryTable({ comparison }: { comparison: CaptureComparison }): React.JSX.Element {
  return (
    <table className="diff-table summary-table" aria-label="Summary">
      <ColumnHeads titles={['Field', 'Left', 'Right']} />
      <tbody>
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
      </tbody>
    </table>
  );
}
