/*
 * Search box and filters above the capture list. Typing is debounced a little; the core answers in
 * a few ms at 10k captures, so the list follows the keyboard.
 */
import { useEffect, useState } from 'react';
import type { StatusClass, TimeRange } from '../../../../shared/api/search';
import { useAppFields, useAppStore } from '../../app-store';
import { NamedOptions } from '../../components/named-options';
import { formatCount } from '../../lib/format';
import { openFirstRow } from './keyboard';

export const SEARCH_INPUT_ID = 'hooklens-search';
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const STATUSES: StatusClass[] = ['2xx', '3xx', '4xx', '5xx'];
const RANGES: [TimeRange, string][] = [
  ['all', 'Any time'],
  ['5m', 'Last 5 minutes'],
  ['1h', 'Last hour'],
  ['24h', 'Last 24 hours'],
  ['7d', 'Last 7 days'],
];
// Short enough that a search (about 35 ms in the core at 100,000 captures) lands within 150 ms of the last key.
const DEBOUNCE_MS = 60;

export function SearchBar(): React.JSX.Element {
  const shown = useAppStore((s) => s.rows.length);
  const total = useAppStore((s) => s.captureTotal);
  const { filters, setFilters, searchSettled, searchError, providers } = useAppFields(
    'filters',
    'setFilters',
    'searchSettled',
    'searchError',
    'providers',
  );
  const [text, setText] = useState(filters.text);
  // Filters reset elsewhere ("Reset filters") show here too; typed text reaches `filters` only after the debounce.
  const [appliedText, setAppliedText] = useState(filters.text);
  if (appliedText !== filters.text) {
    setAppliedText(filters.text);
    setText(filters.text);
  }

  useEffect(() => {
    if (text === filters.text) return;
    const t = setTimeout(() => void setFilters({ text }), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text, filters.text, setFilters]);

  const narrowed = shown !== total;
  return (
    <div className="wb-search" role="search">
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        aria-label="Search captures"
        placeholder="Search method, path, headers, body…"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text) {
            e.stopPropagation();
            setText('');
            void setFilters({ text: '' });
          } else if (e.key === 'ArrowDown' || e.key === 'Enter') {
            // Into the results: apply what was typed now (or wait for the search the debounce already
            // started), then open and focus the first match.
            e.preventDefault();
            const applied = text !== filters.text ? setFilters({ text }) : searchSettled();
            void applied.then(openFirstRow);
          }
        }}
      />
      <div className="wb-filters">
        <select
          aria-label="Method filter"
          value={filters.method}
          onChange={(e) => void setFilters({ method: e.target.value })}
        >
          <option value="">Method</option>
          {METHODS.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
        <select
          aria-label="Status filter"
          value={filters.status}
          onChange={(e) => void setFilters({ status: e.target.value as StatusClass | '' })}
        >
          <option value="">Status</option>
          {STATUSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <select
          aria-label="Provider filter"
          value={filters.provider}
          onChange={(e) => void setFilters({ provider: e.target.value })}
        >
          <option value="">Provider</option>
          <NamedOptions items={providers} />
        </select>
        <select
          aria-label="Time filter"
          value={filters.range}
          onChange={(e) => void setFilters({ range: e.target.value as TimeRange })}
        >
          {RANGES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {(narrowed || searchError) && (
        <p className="wb-search-status" aria-live="polite">
          {searchError ? (
            <span className="warning-text">Search failed: {searchError}</span>
          ) : (
            `${formatCount(shown)} of ${formatCount(total)} shown`
          )}
        </p>
      )}
    </div>
  );
}
