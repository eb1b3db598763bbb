/*
 * The body codec, without Node's Buffer, so the renderer, its workers and the core share one
 * definition. Bodies travel as `{ encoding, text }`: UTF-8 text when the bytes are valid UTF-8,
 * base64 otherwise. Each way of decoding has its own name: `decodeBody` (strict: bad base64
 * throws), `decodeBodyLenient` (for comparing: bad base64 compares as its text), `bodyText` (null
 * when binary) and `bodyDisplayText` (binary shows as replacement characters). The core decodes
 * with Node's native base64 through core/body-buffer.ts, checked against this file by its test.
 */
import type { BodyEncoding } from './capture';

export interface EncodedBody {
  encoding: BodyEncoding;
  text: string;
}

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
// A lookup table rather than a Map: decoding runs per character over bodies of megabytes.
const B64_INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += `${B64[n >> 18]}${B64[(n >> 12) & 63]}==`;
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += `${B64[n >> 18]}${B64[(n >> 12) & 63]}${B64[(n >> 6) & 63]}=`;
  }
  return out;
}

/** Returns null when `text` is not base64 (whitespace is tolerated, as in pasted data). */
export function base64Decode(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '').replace(/=+$/, '');
  if (clean.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const v = code < 128 ? B64_INDEX[code] : -1;
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

export const BAD_BASE64_MESSAGE = 'body is marked base64 but is not valid base64';

/** The body's bytes; throws a TypeError when it is marked base64 but is not. */
export function decodeBody(body: EncodedBody): Uint8Array {
  if (body.encoding === 'utf8') return utf8Bytes(body.text);
  const bytes = base64Decode(body.text);
  if (!bytes) throw new TypeError(BAD_BASE64_MESSAGE);
  return bytes;
}

/** For comparing: a body marked base64 that is not still compares, as the bytes of its text. */
export function decodeBodyLenient(body: EncodedBody): Uint8Array {
  if (body.encoding === 'utf8') return utf8Bytes(body.text);
  return base64Decode(body.text) ?? utf8Bytes(body.text);
}

/** The body as text, or null when its bytes are not valid UTF-8. */
export function bodyText(body: EncodedBody): string | null {
  if (body.encoding === 'utf8') return body.text;
  try {
    return strictDecoder.decode(decodeBodyLenient(body));
  } catch {
    return null;
  }
}

/** Text to show for a body; binary bodies show as replacement characters, never interpreted. */
export function bodyDisplayText(body: EncodedBody): string {
  if (body.encoding === 'utf8') return body.text;
  return lenientDecoder.decode(decodeBody(body));
}

/** The stored form of some bytes: text when they are valid UTF-8, base64 otherwise. */
export function encodeBody(bytes: Uint8Array): EncodedBody {
  try {
    return { encoding: 'utf8', text: strictDecoder.decode(bytes) };
  } catch {
    return { encoding: 'base64', text: base64Encode(bytes) };
  }
}

export function bodiesEqual(a: EncodedBody, b: EncodedBody): boolean {
  if (a.encoding === b.encoding && a.text === b.text) return true;
  const x = decodeBody(a);
  const y = decodeBody(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
