import { describe, expect, it } from 'vitest';
import { formatTime } from './format';

describe('formatTime', () => {
  it('reads as toLocaleTimeString with hours, minutes and seconds does', () => {
    for (const iso of ['2024-01-02T03:04:05.000Z', '2024-06-30T23:59:59.999Z', '1999-12-31T12:00:00Z']) {
      expect(formatTime(iso)).toBe(
        new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
      );
    }
  });

  it('says a timestamp is invalid instead of throwing', () => {
    expect(formatTime('not a time')).toBe('Invalid Date');
  });
});
