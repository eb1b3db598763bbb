/*
 * Turns what node:http gives us into the stored shape without losing anything: `rawHeaders`
 * keeps order, case and repeats (req.headers would merge and lowercase them), and the body is
 * stored as UTF-8 text only when the bytes decode and re-encode identically.
 */
import { isUtf8 } from 'node:buffer';
import type { CapturedBody, HeaderPair } from '../../../shared/capture';

export function headerPairs(rawHeaders: readonly string[]): HeaderPair[] {
  const pairs: HeaderPair[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) pairs.push([rawHeaders[i], rawHeaders[i + 1]]);
  return pairs;
}

export function encodeBody(bytes: Buffer): CapturedBody {
  if (isUtf8(bytes)) return { size: bytes.length, encoding: 'utf8', text: bytes.toString('utf8') };
  return { size: bytes.length, encoding: 'base64', text: bytes.toString('base64') };
}

export function decodeBody(body: CapturedBody): Buffer {
  return Buffer.from(body.text, body.encoding === 'utf8' ? 'utf8' : 'base64');
}
