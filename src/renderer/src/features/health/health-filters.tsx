/* Filters over the list from each capture's health: verdict, event type, duplicates only. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SignatureVerdict } from '../../../../shared/health';
import { SIGNATURE_VERDICTS } from '../../../../shared/health';
import { useAppStore } from '../../app-store';
import { verdictLabel } from './verdict-badge';

export function HealthFilters(): React.JSX.Element {
  const { filters, setFilters, present } = useAppStore(
    useShallow((s) => ({ filters: s.healthFilters, setFilters: s.setHealthFilters, present: s.facets.eventTypes })),
  );
  const eventTypes = useMemo(() => {
    // Every type the core counted among the stored captures (and the chosen one, so it stays selectable).
    const seen = new Set(present.map((t) => t.eventType));
    if (filters.eventType) seen.add(filters.eventType);
    return [...seen].sort();
  }, [present, filters.eventType]);
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
