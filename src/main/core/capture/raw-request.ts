/*
 * Turns what node:http gives us into the stored shape without losing anything: `rawHeaders`
 * keeps order, case and repeats (req.headers would merge and lowercase them). The body's stored form
 * comes from ../body-buffer.ts.
 */
import type { HeaderPair } from '../../../shared/capture';

export function headerPairs(rawHeaders: readonly string[]): HeaderPair[] {
  const pairs: HeaderPair[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) pairs.push([rawHeaders[i], rawHeaders[i + 1]]);
  return pairs;
}

/** The first value of a header (as `req.headers` keeps it for Host and Content-Length), by lower-case name. */
export function firstRawHeader(rawHeaders: readonly string[], lowerName: string): string | undefined {
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i];
    if (name.length === lowerName.length && name.toLowerCase() === lowerName) return rawHeaders[i + 1];
  }
  return undefined;
}
