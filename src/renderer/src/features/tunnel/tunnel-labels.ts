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

function ago(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ago` : `${Math.floor(m / 60)} h ago`;
}

/**
 * The badge: the state, and while online what the last end-to-end check said,
 * e.g. "Online · checked 12 s ago · 85 ms" or "Unreachable: no answer within 10 s".
 */
export function tunnelBadgeLabel(status: TunnelStatus, now: number): string {
  if (status.state !== 'online') return tunnelStateLabel(status.state);
  const check = status.check;
  if (!check) return 'Online · checking…';
  if (!check.ok) return `Unreachable: ${check.reason ?? 'no answer'}`;
  const at = Date.parse(check.at);
  const when = Number.isNaN(at) ? '' : ` · checked ${ago(now - at)}`;
  return `Online${when}${check.ms !== null ? ` · ${check.ms} ms` : ''}`;
}

/** "retrying in 4 s" while a retry is scheduled, "retrying now" once it is due. */
export function retryHint(status: TunnelStatus, now: number): string | null {
  if (!status.nextRetryAt) return null;
  const at = Date.parse(status.nextRetryAt);
  if (Number.isNaN(at)) return null;
  const seconds = Math.ceil((at - now) / 1000);
  return seconds > 0 ? `retrying in ${seconds} s` : 'retrying now';
}
