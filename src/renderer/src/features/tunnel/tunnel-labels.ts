/*
 * Words for the tunnel badge and its retry hint, kept apart from the components so both the bar and
 * any other place that mentions the tunnel say the same thing.
 */
import type { TunnelState, TunnelStatus } from '../../../../shared/api/tunnel';
import { assertNever } from '../../../../shared/errors';

export function tunnelStateLabel(state: TunnelState): string {
  switch (state) {
    case 'off':
      return 'Offline';
    case 'connecting':
      return 'Connecting…';
    case 'online':
      return 'Online';
    case 'reconnecting':
      return 'Reconnecting';
    case 'error':
      return 'Error';
    default:
      return assertNever(state, 'tunnel state');
  }
}

/** "retrying in 4 s" while a retry is scheduled, "retrying now" once it is due. */
export function retryHint(status: TunnelStatus, now: number): string | null {
  if (!status.nextRetryAt) return null;
  const at = Date.parse(status.nextRetryAt);
  if (Number.isNaN(at)) return null;
  const seconds = Math.ceil((at - now) / 1000);
  return seconds > 0 ? `retrying in ${seconds} s` : 'retrying now';
}
