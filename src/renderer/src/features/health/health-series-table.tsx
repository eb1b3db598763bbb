/* The charts' numbers as a table (minutes with any activity), for screen readers and exact reading. */
import type { HealthReport, HealthSeries } from '../../../../shared/api/health';
import { ColumnHeads } from '../../components/column-heads';
import { formatTime } from '../../lib/format';

export type SeriesKey = Exclude<keyof HealthSeries, 'start' | 'minute'>;

interface ChartLike {
  series: { key: SeriesKey; label: string }[];
  title: string;
}

export function HealthSeriesTable({
  report,
  charts,
}: {
  report: HealthReport;
  charts: ChartLike[];
}): React.JSX.Element {
  const columns = charts.flatMap((c) =>
    c.series.map((s) => ({ ...s, title: c.series.length > 1 ? `${c.title}: ${s.label}` : c.title })),
  );
  const rows = report.series.minute
    .map((m, i) => ({ m, i }))
    .filter(({ i }) =>
      columns.some((c) => {
        const v = report.series[c.key][i];
        return typeof v === 'number' && v !== 0;
      }),
    )
    .reverse();
  return rows.length === 0 ? (
    <p className="muted">No activity in this window.</p>
  ) : (
    <div className="health-table-wrap">
      <table className="kv-table health-table" aria-label="Health per minute">
        <ColumnHeads titles={['Minute', ...columns.map((c) => c.title)]} />
        <tbody>
          {rows.map(({ m, i }) => (
            <tr key={m}>
              <th scope="row">{formatTime(new Date(m).toISOString())}</th>
              {columns.map((c) => {
                const v = report.series[c.key][i];
                return <td key={c.key}>{v === null ? '—' : String(v)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
