/*
 * The byte-level rules curl applies to option values, as curl 7.88 does them (checked by the corpus
 * in curl-import.test.ts): --data-urlencode escapes everything but ALPHA DIGIT - . _ ~ with upper-case
 * hex and a space as '+'; --url-query goes through libcurl's URL API, which writes lower-case hex;
 * -F parts go through multipart-body.ts.
 */
import { utf8Bytes } from '../body-codec';

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** curl_easy_escape, with a space written as '+' (what --data-urlencode sends). */
export function curlEscape(bytes: Uint8Array, lowerHex = false): string {
  let out = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    if (b < 0x80 && UNRESERVED.test(c)) out += c;
    else if (b === 0x20) out += '+';
    else {
      const hex = b.toString(16).padStart(2, '0');
      out += `%${lowerHex ? hex : hex.toUpperCase()}`;
    }
  }
  return out;
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Where a --data-urlencode / --url-query argument takes its content from. */
export type UrlencodeSource = { name: string | null; content: Uint8Array } | { name: string | null; file: string };

/** curl's forms: "content", "=content", "name=content", "@file", "name@file". */
export function urlencodeSource(value: string): UrlencodeSource {
  const eq = value.indexOf('=');
  const at = value.indexOf('@');
  if (at >= 0 && (eq < 0 || at < eq)) return { name: at > 0 ? value.slice(0, at) : null, file: value.slice(at + 1) };
  if (eq < 0) return { name: null, content: utf8Bytes(value) };
  return { name: eq > 0 ? value.slice(0, eq) : null, content: utf8Bytes(value.slice(eq + 1)) };
}

export function urlencoded(name: string | null, content: Uint8Array, lowerHex = false): string {
  const encoded = curlEscape(content, lowerHex);
  return name === null ? encoded : `${name}=${encoded}`;
}

/** The bytes `printf '%b' arg` writes (the escapes of echo -e). */
export function printfB(arg: string): Uint8Array {
  const out: number[] = [];
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, e: 27, '\\': 92 };
  const bytes = utf8Bytes(arg);
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] !== 0x5c || i + 1 >= bytes.length) {
      out.push(bytes[i]);
      continue;
    }
    const e = String.fromCharCode(bytes[i + 1]);
    if (e in simple) {
      out.push(simple[e]);
      i += 1;
    } else if (e === '0') {
      let j = i + 2;
      let n = 0;
      while (j < bytes.length && j < i + 5 && bytes[j] >= 0x30 && bytes[j] <= 0x37) n = n * 8 + (bytes[j++] - 0x30);
      out.push(n & 0xff);
      i = j - 1;
    } else if (e === 'x') {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(String.fromCharCode(...bytes.subarray(i + 2, i + 4)))?.[0];
      if (!hex) out.push(0x5c);
      else {
        out.push(parseInt(hex, 16));
        i += 1 + hex.length;
      }
    } else out.push(0x5c);
  }
  return new Uint8Array(out);
}
