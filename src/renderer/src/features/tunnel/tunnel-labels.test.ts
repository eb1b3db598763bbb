import { describe, expect, it } from 'vitest';
import { OFF_TUNNEL_STATUS, type TunnelState } from '../../../../shared/api/tunnel';
import { retryHint, tunnelStateLabel } from './tunnel-labels';

describe('tunnel labels', () => {
  it('names every state', () => {
    const states: TunnelState[] = ['off', 'connecting', 'online', 'reconnecting', 'error'];
    expect(states.map(tunnelStateLabel)).toEqual(['Offline', 'Connecting…', 'Online', 'Reconnecting', 'Error']);
  });

  it('counts down to the next retry', () => {
    const now = Date.parse('2026-01-01T00:00:00.000Z');
    const at = (iso: string | null) => retryHint({ ...OFF_TUNNEL_STATUS, state: 'reconnecting', nextRetryAt: iso }, now);
    expect(at(null)).toBeNull();
    expect(at('2026-01-01T00:00:04.200Z')).toBe('retrying in 5 s');
    expect(at('2026-01-01T00:00:00.000Z')).toBe('retrying now');
    expect(at('not a date')).toBeNull();
  });
});
