/*
 * Fresh ids for test events. Random, not sequential, so two sends never collide and a handler that
 * deduplicates on the id sees a new event each time.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { EventContext, IdAlphabet } from './types';

const ALPHABETS: Record<IdAlphabet, string> = {
  base62: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  hex: '0123456789abcdef',
  lowerAlnum: '0123456789abcdefghijklmnopqrstuvwxyz',
  upperAlnum: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digits: '0123456789',
  // ULIDs (Paddle ids) use Crockford's base32, lower-cased by Paddle.
  crockford: '0123456789abcdefghjkmnpqrstvwxyz',
};

export function randomId(prefix: string, length: number, alphabet: IdAlphabet = 'base62'): string {
  const chars = ALPHABETS[alphabet];
  let out = prefix;
  for (let i = 0; i < length; i++) out += chars[randomInt(chars.length)];
  return out;
}

export function randomInteger(digits: number): number {
  return randomInt(10 ** (digits - 1), Math.min(10 ** digits, Number.MAX_SAFE_INTEGER));
}

export function randomBase64(bytes: number): string {
  return randomBytes(bytes).toString('base64');
}

export const idTools: Pick<EventContext, 'id' | 'uuid' | 'int'> = {
  id: randomId,
  uuid: () => randomUUID(),
  int: randomInteger,
};

/** The value whose key starts `kind` (an object kind or an event type), or `fallback`. */
export function byKindPrefix<T>(table: Record<string, T>, kind: string, fallback: T): T {
  const key = Object.keys(table).find((k) => kind.startsWith(k));
  return key === undefined ? fallback : table[key]!;
}
