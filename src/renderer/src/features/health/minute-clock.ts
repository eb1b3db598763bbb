/*
 * The time the health view's window ends at: one shared clock ticking every 10 s, so the window
 * slides with the minutes while nothing arrives.
 */
import { createSharedClock } from '../../lib/shared-clock';

export const useMinuteClock = createSharedClock(10_000);
