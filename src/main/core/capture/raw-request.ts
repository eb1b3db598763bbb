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
