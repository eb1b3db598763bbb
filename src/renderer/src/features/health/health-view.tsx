/*
 * The health view: per endpoint or for all, the last hour or day of deliveries, signature verdicts,
 * auto-forward outcomes and handler latency, the listener's refusals with their reasons, recent
 * errors and alerts. The report is built from the slice's copy of the core's buckets with the same
 * function the core uses; charts and the table view show the same series.
 */
import { useMemo, useState } from 'react';
import { buildReport, MINUTE_MS } from '../../../../shared/health-report';
import type { HealthReport } from '../../../../shared/api/health';
import { useAppFields, useAppStore } from '../../app-store';
import { ColumnHeads } from '../../components/column-heads';
import { NamedOptions } from '../../components/named-options';
import { formatTime } from '../../lib/format';
import { effectiveTheme, useOsPrefersDark } from '../workbench/theme';
import { HealthChart, type ChartSeries } from './health-chart';
import { HealthSeriesTable, type SeriesKey } from './health-series-table';
import { HealthTiles } from './health-tiles';
import { useMinuteClock } from './minute-clock';
import './health.css';

const WINDOWS: [number, string][] = [
  [60, 'Last hour'],
  [360, 'Last 6 hours'],
  [1440, 'Last 24 hours'],
];

interface ChartDef {
  title: string;
  unit?: string;
  series: { key: SeriesKey; label: string; color: string }[];
}

export const HEALTH_CHARTS: ChartDef[] = [
  { title: 'Deliveries per minute', series: [{ key: 'deliveries', label: 'Deliveries', color: 'var(--accent)' }] },
  {
    title: 'Signatures',
    series: [
      { key: 'valid', label: 'Valid', color: 'var(--ok)' },
      { key: 'invalid', label: 'Invalid', color: 'var(--danger)' },
      { key: 'noSecret', label: 'No secret', color: 'var(--muted)' },
    ],
  },
  {
    title: 'Auto-forward',
    series: [
      { key: 'forwardDelivered', label: 'Delivered', color: 'var(--ok)' },
      { key: 'forwardRetried', label: 'Retried', color: 'var(--warn)' },
      { key: 'forwardFailed', label: 'Failed', color: 'var(--danger)' },
    ],
  },
  {
    title: 'Handler latency',
    unit: ' ms',
    series: [
      { key: 'latencyP50', label: 'p50', color: 'var(--accent)' },
      { key: 'latencyP95', label: 'p95', color: 'var(--warn)' },
    ],
  },
  { title: 'Refused by the listener', series: [{ key: 'refusals', label: 'Refusals', color: 'var(--danger)' }] },
];

function useReport(minutes: number): HealthReport | null {
  const health = useAppStore((s) => s.health);
  const clock = useMinuteClock();
  return useMemo(() => {
    if (!health) return null;
    // A bucket newer than the clock's last tick (it ticks every 10 s) moves the window's end to it.
    let newest = clock;
    for (const m of health.scope.keys()) newest = Math.max(newest, m * MINUTE_MS);
    return {
      ...buildReport({
        endpointId: health.endpointId,
        minutes,
        now: newest,
        countingSince: health.countingSince,
        scope: health.scope,
        all: health.all,
        refusalMessages: health.refusalMessages,
        recentRefusals: health.recentRefusals,
        recentErrors: health.recentErrors,
      }),
      recentAlerts: health.recentAlerts,
    };
  }, [health, minutes, clock]);
}

function CaptureLink({ id, children }: { id: string; children: React.ReactNode }): React.JSX.Element {
  const selectCapture = useAppStore((s) => s.selectCapture);
  return (
    <button type="button" className="link-button" onClick={() => void selectCapture(id)}>
      {children}
    </button>
  );
}

export function HealthView({ onClose }: { onClose(): void }): React.JSX.Element {
  const { health, healthError, endpoints, healthMinutes, setHealthMinutes, openHealth } = useAppFields(
    'health',
    'healthError',
    'endpoints',
    'healthMinutes',
    'setHealthMinutes',
    'openHealth',
  );
  const themeChoice = useAppStore((s) => s.appSettings?.ui.theme ?? 'system');
  const theme = effectiveTheme(themeChoice, useOsPrefersDark());
  const [asTable, setAsTable] = useState(false);
  const report = useReport(healthMinutes);
  const scopeName = health?.endpointId
    ? (endpoints.find((e) => e.id === health.endpointId)?.name ?? health.endpointId)
    : 'All endpoints';

  return (
    <section className="health-view" aria-label="Webhook health">
      <header className="health-head">
        <h2>Health: {scopeName}</h2>
        <select
          aria-label="Health scope"
          value={health?.endpointId ?? ''}
          onChange={(e) => void openHealth(e.target.value || null)}
        >
          <option value="">All endpoints</option>
          <NamedOptions items={endpoints} />
        </select>
        <select
          aria-label="Health window"
          value={healthMinutes}
          onChange={(e) => setHealthMinutes(Number(e.target.value))}
        >
          {WINDOWS.map(([m, label]) => (
            <option key={m} value={m}>
              {label}
            </option>
          ))}
        </select>
        <label className="health-toggle">
          <input type="checkbox" checked={asTable} onChange={(e) => setAsTable(e.target.checked)} /> Table view
        </label>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      {healthError && <p className="warning-text">Could not load the health figures: {healthError}</p>}
      {!report ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <HealthTiles totals={report.totals} />
          <p className="muted health-note">
            Forward outcomes, latency and refusals are counted since {formatTime(report.countingSince)} (when Hooklens
            started); deliveries and signatures include stored captures.
          </p>
          {asTable ? (
            <HealthSeriesTable report={report} charts={HEALTH_CHARTS} />
          ) : (
            <div className="health-charts">
              {HEALTH_CHARTS.map((c) => (
                <HealthChart
                  key={c.title}
                  title={c.title}
                  unit={c.unit}
                  theme={theme}
                  minutes={report.series.minute}
                  series={c.series.map((s): ChartSeries => ({
                    label: s.label,
                    color: s.color,
                    values: report.series[s.key],
                  }))}
                />
              ))}
            </div>
          )}
          <HealthLists report={report} />
        </>
      )}
    </section>
  );
}

function HealthLists({ report }: { report: HealthReport }): React.JSX.Element {
  return (
    <div className="health-lists">
      <section aria-label="Refusals by reason">
        <h3>Refusals by reason</h3>
        {report.refusalsByReason.length === 0 ? (
          <p className="muted">None in this window.</p>
        ) : (
          <table className="kv-table" aria-label="Refusals by reason">
            <ColumnHeads titles={['Status', 'Reason', 'Count']} />
            <tbody>
              {report.refusalsByReason.map((r) => (
                <tr key={`${r.status} ${r.error}`}>
                  <td>{r.status}</td>
                  <td>{r.message || r.error}</td>
                  <td>{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-label="Recent alerts">
        <h3>Recent alerts</h3>
        {report.recentAlerts.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul className="health-events">
            {report.recentAlerts.map((a) => (
              <li key={a.id}>
                <time dateTime={a.at}>{formatTime(a.at)}</time> {a.message}{' '}
                <CaptureLink id={a.captureId}>Show capture</CaptureLink>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Recent errors">
        <h3>Recent errors</h3>
        {report.recentErrors.length === 0 ? (
          <p className="muted">None in this window.</p>
        ) : (
          <ul className="health-events">
            {report.recentErrors.map((e, i) => (
              <li key={`${e.at}-${i}`}>
                <time dateTime={e.at}>{formatTime(e.at)}</time> {e.message}{' '}
                {e.captureId && <CaptureLink id={e.captureId}>Show capture</CaptureLink>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
