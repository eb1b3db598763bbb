import { describe, expect, it } from 'vitest';
import { headersToText, parseHeadersText } from './headers-text';

describe('response headers text', () => {
  it('round-trips ordered pairs, repeats included, and keeps colons in values', () => {
    const headers: [string, string][] = [
      ['Content-Type', 'application/json'],
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
      ['Link', '<https://x.test/a>; rel=next'],
    ];
    expect(parseHeadersText(headersToText(headers))).toEqual({ headers, error: null });
  });

  it('skips blank lines and reports a line without a name', () => {
    expect(parseHeadersText('\nX-A: 1\n\n')).toEqual({ headers: [['X-A', '1']], error: null });
    expect(parseHeadersText('X-A: 1\nbroken').error).toBe('Line 2: expected "Name: value".');
    expect(parseHeadersText(': value').error).toMatch(/Line 1/);
  });
});
