/*
 * Pin / unpin: a pinned capture is kept when the retention cap removes the oldest ones. The same
 * toggle sits on each list row and in the detail header; failures are reported by the captures
 * slice above the list.
 */
import type { CaptureSummary } from '../../../../shared/capture';
import { useAppStore } from '../../app-store';
import { PinIcon } from '../../components/pin-icon';

export const PIN_HINT = 'Pinned captures are kept when the oldest are removed at the retention cap.';

export function PinToggle({
  capture,
  label,
  showText = false,
}: {
  capture: Pick<CaptureSummary, 'id' | 'pinned'>;
  label: string;
  showText?: boolean;
}): React.JSX.Element {
  const setPinned = useAppStore((s) => s.setPinned);
  const pinned = Boolean(capture.pinned);
  return (
    <button
      type="button"
      className={`pin-toggle ${pinned ? 'pinned' : ''}`}
      aria-pressed={pinned}
      aria-label={label}
      title={pinned ? `Pinned. ${PIN_HINT}` : `Pin (P). ${PIN_HINT}`}
      onClick={() => void setPinned(capture.id, !pinned).catch(() => undefined)}
    >
      <PinIcon pinned={pinned} />
      {showText && <span>{pinned ? 'Pinned' : 'Pin'}</span>}
    </button>
  );
}
