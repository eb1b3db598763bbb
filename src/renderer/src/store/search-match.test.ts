import { describe, expect, it } from 'vitest';
import type { CaptureSummary } from '../../../shared/capture';
import { matchFromSummary } from './search-match';

const now = Date.parse('2026-03-01T12:00:00.000Z');
const summary: CaptureSummary = {
  id: 'c1',
  endpointId: 'default',
  receivedAt: '2026-03-01T11:59:58.000Z',
  method: 'POST',
  url: '/stripe/hook?event=invoice.paid&name=J%C3%BCrgen',
  size: 10,
  contentType: 'application/json',
  via: 'local',
  status: 200,
};

describe('matching a new capture from its summary', () => {
  it('rules a capture out on method, status or time without asking the core', () => {
    expect(matchFromSummary({ method: 'GET' }, summary, now)).toBe(false);
    expect(matchFromSummary({ status: '5xx', text: 'stripe' }, summary, now)).toBe(false);
    expect(matchFromSummary({ range: '5m' }, { ...summary, receivedAt: '2026-03-01T11:00:00.000Z' }, now)).toBe(false);
  });

  it('proves a match when every word is in the method or the URL (decoded too)', () => {
    expect(matchFromSummary({ method: 'post', status: '2xx', range: '5m' }, summary, now)).toBe(true);
    expect(matchFromSummary({ text: 'STRIPE invoice.paid' }, summary, now)).toBe(true);
    expect(matchFromSummary({ text: 'jürgen' }, summary, now)).toBe(true);
  });

  it('leaves to the core what only headers or the body can settle', () => {
    expect(matchFromSummary({ text: 'stripe amount' }, summary, now)).toBeNull();
    expect(matchFromSummary({ provider: 'stripe' }, summary, now)).toBeNull();
  });
});
