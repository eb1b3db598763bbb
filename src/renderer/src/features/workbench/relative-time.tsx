/*
 * "12 s ago" that stays true: every mounted instance reads one shared clock ticking every 5 s,
 * so a 10k-row list does not run 10k timers (only the visible rows are mounted anyway).
 */
import { relativeTime } from '../../lib/format';
import { createSharedClock } from '../../lib/shared-clock';

const useFiveSecondClock = createSharedClock(5_000);

export function RelativeTime({ iso }: { iso: string }): React.JSX.Element {
  const t = useFiveSecondClock();
  return <>{relativeTime(iso, t)}</>;
}
