import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBody, encodeBody, type EncodedBody } from '../../shared/body-codec';
import { bodyBuffer, capturedBody } from './body-buffer';

function agree(body: EncodedBody): void {
  let want: Uint8Array | Error;
  try {
    want = decodeBody(body);
  } catch (err) {
    want = err as Error;
  }
  if (want instanceof Error) expect(() => bodyBuffer(body), JSON.stringify(body)).toThrow(want.message);
  else expect(new Uint8Array(bodyBuffer(body)), JSON.stringify(body)).toEqual(want);
}

describe('body buffer (the codec with Node natives)', () => {
  it('decodes exactly as the shared codec, bad base64 included', () => {
    const utf8Texts = ['', 'Zoë 🚀 <b>'];
    // Valid, empty, unpadded, with trailing spaces or a line break, and malformed (bad characters, inner padding, url-safe).
    const base64Texts = ['', '/wBB', 'aGVs\nbG8=', 'aGVsbG8', 'aGk=  ', 'a', 'ab$d', 'abé=', '%%%', 'QU=I', '-_-_'];
    const cases: EncodedBody[] = [
      ...utf8Texts.map((text) => ({ encoding: 'utf8' as const, text })),
      ...base64Texts.map((text) => ({ encoding: 'base64' as const, text })),
    ];
    for (const body of cases) agree(body);
    for (const n of [1, 2, 3, 100_000]) agree({ encoding: 'base64', text: randomBytes(n).toString('base64') });
  });

  it('stores what the codec would store, with the size', () => {
    for (const bytes of [
      Buffer.from('{"a":1}'),
      Buffer.from([0xef, 0xbb, 0xbf, 0x41]),
      randomBytes(300),
      Buffer.alloc(0),
    ]) {
      const stored = capturedBody(bytes);
      expect({ encoding: stored.encoding, text: stored.text }).toEqual(encodeBody(bytes));
      expect(stored.size).toBe(bytes.length);
      expect(bodyBuffer(stored).equals(bytes)).toBe(true);
    }
  });
});
