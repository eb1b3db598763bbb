/* Filters over the list from each capture's health: verdict, event type, duplicates only. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SignatureVerdict } from '../../../../shared/health';
import { SIGNATURE_VERDICTS } from '../../../../shared/health';
import { useAppStore } from '../../app-store';
import { verdictLabel } from './verdict-badge';

export function HealthFilters(): React.JSX.Element {
  const { filters, setFilters, rows } = useAppStore(
    useShallow((s) => ({ filters: s.healthFilters, setFilters: s.setHealthFilters, rows: s.rows })),
  );
  const eventTypes = useMemo(() => {
    const seen = new Set<string>();
    // From the rows fetched so far (and the chosen one, so it stays selectable).
    for (const c of rows) if (c?.health?.eventType) seen.add(c.health.eventType);
    if (filters.eventType) seen.add(filters.eventType);
    return [...seen].sort();
  }, [rows, filters.eventType]);
  return (
    <div className="health-filters">
      <select
        aria-label="Signature filter"
        value={filters.verdict}
        onChange={(e) => setFilters({ verdict: e.target.value as SignatureVerdict | '' })}
      >
        <option value="">Signature</option>
        {SIGNATURE_VERDICTS.map((v) => (
          <option key={v} value={v}>
            {verdictLabel(v)}
          </option>
        ))}
      </select>
      <select
        aria-label="Event type filter"
        value={filters.eventType}
        onChange={(e) => setFilters({ eventType: e.target.value })}
      >
        <option value="">Event type</option>
        {eventTypes.map((t) => (
          <option key={t}>{t}</option>
        ))}
      </select>
      <label>
        <input
          type="checkbox"
          checked={filters.duplicatesOnly}
          onChange={(e) => setFilters({ duplicatesOnly: e.target.checked })}
        />{' '}
        Duplicates only
      </label>
    </div>
  );
}
