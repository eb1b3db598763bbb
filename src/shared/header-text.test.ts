import { describe, expect, it } from 'vitest';
import { displayHeaderValue, headerValueHex } from './header-text';

/** What node:http hands over for these UTF-8 bytes on the wire: one latin1 character per byte. */
const asNodeReadsIt = (text: string): string => String.fromCharCode(...new TextEncoder().encode(text));

describe('header values as shown', () => {
  it('shows UTF-8 bytes decoded instead of as mojibake', () => {
    const raw = asNodeReadsIt('ünï€😀');
    expect(raw).toBe('Ã¼nÃ¯â\u0082¬ð\u009f\u0098\u0080');
    expect(displayHeaderValue(raw)).toBe('ünï€😀');
    expect(headerValueHex(raw)).toBe('c3 bc 6e c3 af e2 82 ac f0 9f 98 80');
  });

  it('leaves ASCII and bytes that are not valid UTF-8 (a genuine latin1 value) as they are', () => {
    expect(displayHeaderValue('sha256=abc')).toBe('sha256=abc');
    const latin1 = String.fromCharCode(0x63, 0x61, 0x66, 0xe9);
    expect(displayHeaderValue(latin1)).toBe('café');
    expect(headerValueHex(latin1)).toBe('63 61 66 e9');
  });
});
