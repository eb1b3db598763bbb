import { describe, expect, it } from 'vitest';
import { OFF_TUNNEL_STATUS, type TunnelState } from '../../../../shared/api/tunnel';
import { retryHint, tunnelBadgeLabel, tunnelStateLabel } from './tunnel-labels';

describe('tunnel labels', () => {
  it('names every state', () => {
    const states: TunnelState[] = ['off', 'connecting', 'online', 'reconnecting', 'error'];
    expect(states.map(tunnelStateLabel)).toEqual(['Offline', 'Connecting…', 'Online', 'Reconnecting', 'Error']);
  });

  it('says what the last check of the public URL found while online', () => {
    const now = Date.parse('2026-01-01T00:01:00.000Z');
    const online = { ...OFF_TUNNEL_STATUS, state: 'online' as const, url: 'https://a.loca.lt' };
    const check = { at: '2026-01-01T00:00:48.000Z', by: 'probe' as const, ok: true, ms: 85, reason: null, failures: 0 };
    expect(tunnelBadgeLabel(online, now)).toBe('Online · checking…');
    expect(tunnelBadgeLabel({ ...online, check }, now)).toBe('Online · checked 12 s ago · 85 ms');
    expect(tunnelBadgeLabel({ ...online, check: { ...check, by: 'request', ms: null } }, now)).toBe(
      'Online · checked 12 s ago',
    );
    expect(tunnelBadgeLabel({ ...online, check: { ...check, at: '2025-12-31T23:58:00.000Z' } }, now)).toBe(
      'Online · checked 3 min ago · 85 ms',
    );
    expect(
      tunnelBadgeLabel(
        { ...online, check: { ...check, ok: false, ms: null, reason: 'no answer within 10 s', failures: 1 } },
        now,
      ),
    ).toBe('Unreachable: no answer within 10 s');
    expect(tunnelBadgeLabel({ ...online, state: 'reconnecting', check }, now)).toBe('Reconnecting');
  });

  it('counts down to the next retry', () => {
    const now = Date.parse('2026-01-01T00:00:00.000Z');
    const at = (iso: string | null) =>
      retryHint({ ...OFF_TUNNEL_STATUS, state: 'reconnecting', nextRetryAt: iso }, now);
    expect(at(null)).toBeNull();
    expect(at('2026-01-01T00:00:04.200Z')).toBe('retrying in 5 s');
    expect(at('2026-01-01T00:00:00.000Z')).toBe('retrying now');
    expect(at('not a date')).toBeNull();
  });
});
