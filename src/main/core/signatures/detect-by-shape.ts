/*
 * Provider detection for the capture path, remembered per shape of the header list. Detection asks
 * every provider about every request (about 35 µs a capture); one sender sends the same headers,
 * shaped alike, each time. Health (the signing provider of each capture) and search (the providers
 * a capture can be filtered by) both ask, so they share these answers. Detection looks at the
 * method and headers only here: the body is never read.
 */
import type { HeaderPair } from '../../../shared/capture';
import { detectProviders } from './registry';
import type { Provider } from './types';

/**
 * A header value with what changes per delivery taken out: long token runs (digests, ids, JWS parts)
 * become their length, whole numbers become 0. What providers' detection reads (a `sha1=` prefix, a
 * digest's length, the dots of a JWS, a User-Agent, Basic vs Bearer) is kept. classify.test.ts and
 * detect-by-shape.test.ts check that remembered answers match a fresh detection for every signing
 * provider.
 */
export function headerValueShape(value: string): string {
  return value
    .slice(0, 256)
    .trim()
    .replace(/\b\d+\b/g, '0')
    .replace(/[A-Za-z0-9+/=_-]{16,}/g, (run) => `#${run.length}`)
    .toLowerCase();
}

const DETECT_CACHE_LIMIT = 512;
const detected = new Map<string, readonly Provider[]>();
/** Shapes of recent header values: most (Host, Content-Type, User-Agent…) are the same every time. */
const SHAPE_CACHE_LIMIT = 4096;
const shapes = new Map<string, string>();
const EMPTY_BODY = Buffer.alloc(0);

function shapeOf(value: string): string {
  // Long values (tokens, signatures) differ every time and would only fill the cache.
  if (value.length > 256) return headerValueShape(value);
  let shape = shapes.get(value);
  if (shape === undefined) {
    shape = headerValueShape(value);
    // A value with a digest or id in it (a signature, a delivery id) is new with every delivery:
    // remembering it would only push out the values that do come again.
    if (shape.includes('#')) return shape;
    if (shapes.size >= SHAPE_CACHE_LIMIT) shapes.clear();
    shapes.set(value, shape);
  }
  return shape;
}

/**
 * What detectProviders answers for this method and these headers (no body), best first. Do not
 * modify it. Health (before the store write) and search (after it) both ask about each new capture;
 * the second ask mostly finds the answer as the previous ask's below.
 */
export function detectByShape(method: string, headers: HeaderPair[]): readonly Provider[] {
  return answerOfPrevious(method, headers) ?? detectByKey(method, headers);
}

/*
 * The previous ask, header by header. One sender repeats most header values exactly from one
 * delivery to the next (Host, User-Agent, Content-Type…), and only a few change (a signature, the
 * length). The same names with the same value shapes, in the same order, make the same key, so
 * such a list gets the previous answer without the key being built and looked up.
 */
interface PreviousAsk {
  method: string;
  names: string[];
  values: string[];
  shapes: string[];
  providers: readonly Provider[];
}
let previous: PreviousAsk | null = null;

function answerOfPrevious(method: string, headers: HeaderPair[]): readonly Provider[] | undefined {
  const p = previous;
  if (p === null || p.method !== method || p.names.length !== headers.length) return undefined;
  for (let i = 0; i < headers.length; i += 1) {
    const pair = headers[i];
    if (pair[0] !== p.names[i]) return undefined;
    if (pair[1] !== p.values[i] && shapeOf(pair[1]) !== p.shapes[i]) return undefined;
  }
  return p.providers;
}

function detectByKey(method: string, headers: HeaderPair[]): readonly Provider[] {
  const names: string[] = new Array<string>(headers.length);
  const values: string[] = new Array<string>(headers.length);
  const shapeList: string[] = new Array<string>(headers.length);
  // Names as sent, not lower-cased: a sender spells its headers the same way every time, and a
  // finer key only means another entry for a sender that spells them otherwise.
  let key = `${method}\n`;
  for (let i = 0; i < headers.length; i += 1) {
    const [name, value] = headers[i];
    const shape = shapeOf(value);
    names[i] = name;
    values[i] = value;
    shapeList[i] = shape;
    key += `${name}:${shape}\n`;
  }
  let providers = detected.get(key);
  if (providers === undefined) {
    providers = detectProviders({ method, headers, body: EMPTY_BODY });
    if (detected.size >= DETECT_CACHE_LIMIT) detected.clear();
    detected.set(key, providers);
  }
  previous = { method, names, values, shapes: shapeList, providers };
  return providers;
}
