import { describe, expect, it } from 'vitest';
import type { CaptureRecord } from '../capture';
import { compileQuery, entryOf, haystackOf, isActiveQuery, matchRanges } from './capture-search';

function record(over: Partial<CaptureRecord>): CaptureRecord {
  return {
    id: 'c1',
    endpointId: 'default',
    receivedAt: '2026-01-01T12:00:00.000Z',
    method: 'POST',
    url: '/hook',
    httpVersion: '1.1',
    headers: [['Content-Type', 'application/json']],
    body: { size: 2, encoding: 'utf8', text: '{}' },
    remoteAddress: '127.0.0.1',
    via: 'local',
    response: { status: 200, ms: 1 },
    ...over,
  };
}

const NOW = Date.parse('2026-01-01T12:10:00.000Z');

describe('capture search matcher', () => {
  it('matches every word case-insensitively across method, path, headers and body', () => {
    const e = entryOf(
      record({ headers: [['X-Event', 'Invoice.Paid']], body: { size: 9, encoding: 'utf8', text: 'Hello BOB' } }),
      [],
    );
    expect(compileQuery({ text: 'invoice.paid bob' })(e)).toBe(true);
    expect(compileQuery({ text: 'x-event: invoice' })(e)).toBe(true);
    expect(compileQuery({ text: 'POST /HOOK' })(e)).toBe(true);
    expect(compileQuery({ text: 'bob alice' })(e)).toBe(false);
  });

  it('does not search base64 bodies as text', () => {
    expect(haystackOf(record({ body: { size: 3, encoding: 'base64', text: 'c2VjcmV0' } }))).not.toContain('c2vjcmv0');
  });

  it('filters by method, status class, provider, endpoint and time range', () => {
    const e = entryOf(record({ method: 'put', response: { status: 503, ms: 1 }, endpointId: 'ep_1' }), ['stripe']);
    expect(compileQuery({ method: 'PUT' })(e)).toBe(true);
    expect(compileQuery({ method: 'POST' })(e)).toBe(false);
    expect(compileQuery({ status: '5xx' })(e)).toBe(true);
    expect(compileQuery({ status: '2xx' })(e)).toBe(false);
    expect(compileQuery({ provider: 'stripe' })(e)).toBe(true);
    expect(compileQuery({ provider: 'github' })(e)).toBe(false);
    expect(compileQuery({ endpointId: 'default' })(e)).toBe(false);
    expect(compileQuery({ range: '1h', now: NOW })(e)).toBe(true);
    expect(compileQuery({ range: '5m', now: NOW })(e)).toBe(false);
  });

  it('knows when a query narrows nothing', () => {
    expect(isActiveQuery({ text: '   ', range: 'all' })).toBe(false);
    expect(isActiveQuery({ status: '4xx' })).toBe(true);
  });

  it('finds merged, sorted match ranges for highlighting', () => {
    expect(matchRanges('Paid and PAID', ['paid'])).toEqual([
      [0, 4],
      [9, 13],
    ]);
    expect(matchRanges('abcdef', ['bcd', 'cde'])).toEqual([[1, 5]]);
    expect(matchRanges('abc', [])).toEqual([]);
  });
});
