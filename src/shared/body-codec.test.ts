import { describe, expect, it } from 'vitest';
import {
  base64Decode,
  base64Encode,
  bodiesEqual,
  bodyDisplayText,
  bodyText,
  decodeBody,
  decodeBodyLenient,
  encodeBody,
} from './body-codec';

describe('body codec', () => {
  // Environment-free like the module: btoa is the reference, random bytes from Web Crypto.
  it('encodes and decodes base64 exactly as btoa does, for every tail length', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 1000, 65_536]) {
      const bytes = new Uint8Array(n);
      for (let i = 0; i < n; i += 65_536) crypto.getRandomValues(bytes.subarray(i, i + 65_536));
      const b64 = base64Encode(bytes);
      expect(b64).toBe(btoa(String.fromCharCode(...bytes)));
      expect(base64Decode(b64)).toEqual(bytes);
    }
  });

  it('tolerates whitespace in pasted base64 and refuses what is not base64', () => {
    expect(new TextDecoder().decode(base64Decode('aGVs\nbG8=')!)).toBe('hello');
    expect(base64Decode('a')).toBeNull();
    expect(base64Decode('ab$d')).toBeNull();
    expect(base64Decode('abé=')).toBeNull();
    expect(() => decodeBody({ encoding: 'base64', text: '%%%' })).toThrow(TypeError);
  });

  it('stores valid UTF-8 as text and anything else as base64, and compares by bytes', () => {
    expect(encodeBody(new TextEncoder().encode('Zoë 🚀'))).toEqual({ encoding: 'utf8', text: 'Zoë 🚀' });
    const binary = new Uint8Array([0xff, 0x00, 0x41]);
    expect(encodeBody(binary)).toEqual({ encoding: 'base64', text: '/wBB' });
    expect(bodiesEqual({ encoding: 'utf8', text: 'AB' }, { encoding: 'base64', text: 'QUI=' })).toBe(true);
    expect(bodiesEqual({ encoding: 'utf8', text: 'AB' }, { encoding: 'base64', text: 'QUM=' })).toBe(false);
  });

  it('names each way of decoding: strict, lenient for comparing, text or null, text to display', () => {
    const corrupt = { encoding: 'base64', text: '%%%' } as const;
    expect(() => decodeBody(corrupt)).toThrow(TypeError);
    expect(decodeBodyLenient(corrupt)).toEqual(new TextEncoder().encode('%%%'));
    expect(bodyText({ encoding: 'base64', text: 'aGk=' })).toBe('hi');
    expect(bodyText({ encoding: 'base64', text: '/wBB' })).toBeNull();
    expect(bodyDisplayText({ encoding: 'base64', text: '/wBB' })).toBe('\uFFFD\u0000A');
    expect(bodyDisplayText({ encoding: 'utf8', text: '<b>x</b>' })).toBe('<b>x</b>');
  });
});
