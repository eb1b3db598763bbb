import { describe, expect, it } from 'vitest';
import type { HealthAlert } from '../../../shared/api/health';
import { DEFAULT_SETTINGS, type HealthSettings } from '../../../shared/settings';
import { HealthAlerts } from './alerts';

const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);

function setup(overrides: Partial<HealthSettings> = {}) {
  const settings: HealthSettings = { ...DEFAULT_SETTINGS.health, ...overrides };
  const fired: HealthAlert[] = [];
  const alerts = new HealthAlerts(
    () => settings,
    (a) => fired.push(a),
  );
  return { alerts, fired, settings };
}

describe('health alerts', () => {
  it('fires when an invalid signature follows valid ones, once per episode', () => {
    const { alerts, fired } = setup();
    alerts.verdict('c1', 'e', T0, 'valid');
    alerts.verdict('c2', 'e', T0 + 1, 'no-secret');
    alerts.verdict('c3', 'e', T0 + 2, 'invalid', 'signature mismatch');
    alerts.verdict('c4', 'e', T0 + 3, 'invalid');
    expect(fired.map((a) => [a.kind, a.captureId])).toEqual([['signature-failures-started', 'c3']]);
    expect(fired[0].message).toContain('signature mismatch');
    // Another endpoint has its own history.
    alerts.verdict('c5', 'other', T0 + 4, 'invalid');
    expect(fired).toHaveLength(1);
    alerts.verdict('c6', 'e', T0 + 5, 'valid');
    alerts.verdict('c7', 'e', T0 + 6, 'invalid');
    expect(fired.map((a) => a.captureId)).toEqual(['c3', 'c7']);
  });

  it('fires when more than N fail within one minute, once per minute', () => {
    const { alerts, fired } = setup({ invalidPerMinute: 3 });
    for (let i = 1; i <= 3; i += 1) alerts.verdict(`c${i}`, 'e', T0 + i * 1000, 'invalid');
    expect(fired).toEqual([]);
    alerts.verdict('c4', 'e', T0 + 4000, 'invalid');
    alerts.verdict('c5', 'e', T0 + 5000, 'invalid');
    expect(fired.map((a) => [a.kind, a.captureId])).toEqual([['signature-failure-burst', 'c4']]);
    // The next minute starts counting again.
    for (let i = 0; i < 3; i += 1) alerts.verdict(`n${i}`, 'e', T0 + 60_000 + i, 'invalid');
    expect(fired).toHaveLength(1);
    alerts.verdict('n3', 'e', T0 + 60_010, 'invalid');
    expect(fired.map((a) => a.captureId)).toEqual(['c4', 'n3']);
  });

  it('fires when auto-forward fails K captures in a row, again only after a success', () => {
    const { alerts, fired } = setup({ forwardFailuresInRow: 3 });
    alerts.forwardSettled('a', 'e', T0, false, 'ECONNREFUSED');
    alerts.forwardSettled('b', 'e', T0, false, 'ECONNREFUSED');
    alerts.forwardSettled('ok', 'e', T0, true, null);
    alerts.forwardSettled('c', 'e', T0, false, 'ECONNREFUSED');
    alerts.forwardSettled('d', 'e', T0, false, 'ECONNREFUSED');
    expect(fired).toEqual([]);
    alerts.forwardSettled('f', 'e', T0, false, 'ECONNREFUSED');
    alerts.forwardSettled('g', 'e', T0, false, 'ECONNREFUSED');
    expect(fired.map((a) => [a.kind, a.captureId])).toEqual([['forward-failing', 'f']]);
    expect(fired[0].message).toContain('3 captures in a row: ECONNREFUSED');
    alerts.forwardSettled('ok2', 'e', T0, true, null);
    for (const id of ['h', 'i', 'j']) alerts.forwardSettled(id, 'e', T0, false, null);
    expect(fired.map((a) => a.captureId)).toEqual(['f', 'j']);
  });

  it('stays quiet when alerts are turned off', () => {
    const { alerts, fired, settings } = setup();
    settings.alertsEnabled = false;
    alerts.verdict('c1', 'e', T0, 'valid');
    alerts.verdict('c2', 'e', T0, 'invalid');
    expect(fired).toEqual([]);
    expect(alerts.recent(null)).toEqual([]);
  });
});
