/*
 * The capture list, newest first, virtualised so 100k captures scroll smoothly; the rows on screen
 * are told to the captures slice, which fetches their pages (a row not fetched yet shows as
 * loading). Each row has a checkbox (for Compare), a button that opens the capture and a pin
 * toggle; ↑/↓ move between rows, across pages.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CaptureSummary } from '../../../../shared/capture';
import { useAppStore } from '../../app-store';
import { formatBytes, formatDateTime, formatTime } from '../../lib/format';
import { pathOf } from '../../lib/query-params';
import { MethodBadge, StatusBadge } from './method-badge';
import { PinToggle } from './pin-toggle';
import { RelativeTime } from '../workbench/relative-time';
import { VerdictBadge, verdictLabel } from '../health';
import { useDuplicateCounts } from './duplicate-counts';

const ROW_HEIGHT = 52;

export function rowLabel(c: Pick<CaptureSummary, 'method' | 'url'>): string {
  return `${c.method} ${pathOf(c.url)}`;
}

/** Shown instead of a blank list when captures exist but the filters hide all of them. */
function NoMatches(): React.JSX.Element {
  const resetFilters = useAppStore((s) => s.resetFilters);
  return (
    <div className="no-matches" role="status">
      <p>No captures match</p>
      <button type="button" onClick={resetFilters}>
        Reset filters
      </button>
    </div>
  );
}

/** Rows are placed absolutely at their offset, so only those on screen exist in the DOM. */
function rowStyle(start: number): React.CSSProperties {
  return {
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    height: ROW_HEIGHT,
    transform: `translateY(${start}px)`,
  };
}

interface CaptureRowProps {
  capture: CaptureSummary;
  index: number;
  start: number;
  selected: boolean;
  checked: boolean;
  /** How many stored captures carry this one's event, when it duplicates another. */
  copies: number | undefined;
  /** Moves the focus `by` rows from `index` (↑/↓). */
  onMove(index: number, by: 1 | -1): void;
}

/**
 * One row, memoised: scrolling mounts the rows coming on screen and leaves the others alone, and a
 * page arriving or a live capture re-renders only the rows whose props changed.
 */
const CaptureRow = memo(function CaptureRow({
  capture: c,
  index,
  start,
  selected,
  checked,
  copies,
  onMove,
}: CaptureRowProps): React.JSX.Element {
  const selectCapture = useAppStore((s) => s.selectCapture);
  const toggleChecked = useAppStore((s) => s.toggleChecked);
  const label = rowLabel(c);
  const h = c.health;
  const event = h?.eventType ?? h?.provider;
  const time = formatTime(c.receivedAt);
  const healthText = h
    ? `${event ? `, ${event}` : ''}, ${verdictLabel(h.verdict).toLowerCase()}${h.duplicateOf ? ', duplicate' : ''}`
    : '';
  return (
    <div role="listitem" className={`capture-row ${selected ? 'selected' : ''}`} style={rowStyle(start)}>
      <input type="checkbox" aria-label={`Select ${label}`} checked={checked} onChange={() => toggleChecked(c.id)} />
      <button
        type="button"
        className="capture-open"
        data-capture-id={c.id}
        aria-current={selected ? 'true' : undefined}
        aria-label={`${label}, ${c.status}${c.simulated ? ' (simulated)' : ''}, ${time}${healthText}`}
        onClick={(e) => {
          if (e.ctrlKey || e.metaKey) toggleChecked(c.id);
          else void selectCapture(c.id);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            onMove(index, 1);
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            onMove(index, -1);
          }
        }}
      >
        <MethodBadge method={c.method} />
        <span className="capture-path">{pathOf(c.url)}</span>
        <span className="capture-meta">
          {h && (
            <VerdictBadge
              verdict={h.verdict}
              title={h.reason ? `${verdictLabel(h.verdict)}: ${h.reason}` : undefined}
            />
          )}
          {event && (
            <span
              className="capture-event"
              title={h?.provider ? `${h.provider}${h.eventId ? ` · ${h.eventId}` : ''}` : undefined}
            >
              {event}
            </span>
          )}
          {h?.duplicateOf && (
            <span className="dup-badge" title={`Duplicate delivery (${copies ?? 2} received)`}>
              dup{copies ? ` ×${copies}` : ''}
            </span>
          )}
          <time dateTime={c.receivedAt} title={`${time} · ${formatDateTime(c.receivedAt)}`}>
            <RelativeTime iso={c.receivedAt} />
          </time>
          <span>{formatBytes(c.size)}</span>
          {c.via === 'tunnel' && <span className="via-badge">tunnel</span>}
          {c.damaged && (
            <span className="via-badge damaged-badge" title={c.damaged}>
              damaged
            </span>
          )}
          {c.simulated && (
            <span className="via-badge simulated-badge" title="A simulated failure (“fail the next N” on the endpoint)">
              simulated
            </span>
          )}
          <StatusBadge status={c.status} />
        </span>
      </button>
      <PinToggle capture={c} label={`Pin ${label}`} />
    </div>
  );
});

export function CaptureList(): React.JSX.Element {
  const { rows, selectedId, checked, selectRow, showRows } = useAppStore(
    useShallow((s) => ({
      rows: s.rows,
      selectedId: s.selectedId,
      checked: s.checked,
      selectRow: s.selectRow,
      showRows: s.showRows,
    })),
  );
  // The view is empty though captures are stored: the filters hide them all.
  const hiddenByFilters = useAppStore((s) => s.capturesLoaded && s.rows.length === 0 && s.captureTotal > 0);
  const duplicates = useDuplicateCounts();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    // A few rows beyond the screen: a fast wheel remounts every row it passes, so each extra one costs per frame.
    overscan: 6,
    // Scroll updates batched into the next render instead of one synchronous render per wheel event.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.length ? items[items.length - 1].index + 1 : 0;
  useEffect(() => {
    if (last > first) void showRows(first, last).catch(() => undefined);
  }, [first, last, rows, showRows]);

  // The rows get one callback for good (so their memo holds); it reads the list as it is now.
  const latest = useRef({ rows, virtualizer, selectRow });
  latest.current = { rows, virtualizer, selectRow };
  const moveFocus = useCallback((index: number, by: 1 | -1): void => {
    const target = index + by;
    const now = latest.current;
    if (target < 0 || target >= now.rows.length) return;
    now.virtualizer.scrollToIndex(target, { align: 'auto' });
    void now.selectRow(target).then((id) => {
      if (!id) return;
      requestAnimationFrame(() => {
        scroller.current?.querySelector<HTMLButtonElement>(`[data-capture-id="${CSS.escape(id)}"]`)?.focus();
      });
    });
  }, []);

  return (
    <div className="capture-list" ref={scroller}>
      {hiddenByFilters && <NoMatches />}
      <div
        role="list"
        aria-label="Captured requests"
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {items.map((item) => {
          const c = rows[item.index];
          if (!c) {
            return (
              <div
                role="listitem"
                key={`row-${item.index}`}
                className="capture-row capture-row-loading muted"
                style={rowStyle(item.start)}
              >
                Loading…
              </div>
            );
          }
          const dupOf = c.health?.duplicateOf;
          return (
            <CaptureRow
              key={c.id}
              capture={c}
              index={item.index}
              start={item.start}
              selected={c.id === selectedId}
              checked={checked.includes(c.id)}
              copies={dupOf ? duplicates[dupOf] : undefined}
              onMove={moveFocus}
            />
          );
        })}
      </div>
    </div>
  );
}
