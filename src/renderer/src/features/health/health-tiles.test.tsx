import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { HealthTotals } from '../../../../shared/api/health';
import { buildReport } from '../../../../shared/health-report';
import { HealthTiles } from './health-tiles';

// The totals of a window in which nothing happened, as the view gets them.
const QUIET: HealthTotals = buildReport({
  endpointId: null,
  minutes: 60,
  now: Date.UTC(2026, 0, 1),
  countingSince: new Date(Date.UTC(2026, 0, 1)).toISOString(),
  scope: undefined,
  all: undefined,
  refusalMessages: {},
  recentRefusals: [],
  recentErrors: [],
}).totals;

/** The class and the shown value of the tile named `label`. */
function tile(totals: HealthTotals, label: string): { className: string; value: string } {
  const html = renderToStaticMarkup(<HealthTiles totals={totals} />);
  const m = new RegExp(`<div class="([^"]*)" role="group" aria-label="${label}"><dt>[^<]*</dt><dd>([^<]*)</dd>`).exec(
    html,
  );
  if (!m) throw new Error(`no tile "${label}" in ${html}`);
  return { className: m[1].trim(), value: m[2] };
}

describe('HealthTiles', () => {
  it('shows every total, with a dash for a latency not measured and ms for one that is', () => {
    const totals = { ...QUIET, deliveries: 7, unsigned: 2, latencyP50: 41 };
    expect(tile(totals, 'Deliveries').value).toBe('7');
    expect(tile(totals, 'Unsigned').value).toBe('2');
    expect(tile(totals, 'Latency p50').value).toBe('41 ms');
    expect(tile(totals, 'Latency p95').value).toBe('—');
  });

  it('tones failures only while there are some; valid signatures always read as good', () => {
    expect(tile(QUIET, 'Valid signatures').className).toBe('health-tile tone-ok');
    for (const label of ['Invalid signatures', 'Duplicates', 'Forward failures', 'Refusals']) {
      expect(tile(QUIET, label).className).toBe('health-tile');
    }
    const busy = { ...QUIET, invalid: 1, duplicates: 2, forwardFailed: 3, refusals: 4 };
    expect(tile(busy, 'Invalid signatures').className).toBe('health-tile tone-bad');
    expect(tile(busy, 'Duplicates').className).toBe('health-tile tone-warn');
    expect(tile(busy, 'Forward failures').className).toBe('health-tile tone-bad');
    expect(tile(busy, 'Refusals').className).toBe('health-tile tone-warn');
    expect(tile(busy, 'Forwarded').className).toBe('health-tile');
  });
});
