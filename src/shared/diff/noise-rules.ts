/*
 * Noise rules hide changes that always differ between two deliveries (timestamps, ids, signature
 * and trace headers) without recomputing the diff.
 *
 * JSON path rules: `data.object.created`, `items[*].id`, `items[0]`, `*_at` (glob within a key),
 * `*` (any one segment), `**` (any number of segments), `["odd key"]`. A rule matches anywhere in
 * the path (`created` hides `data.object.created`) and hides that value's whole subtree; a leading
 * `$` anchors it at the root (`$.id` hides only the top-level id). Form fields and query
 * parameters are one-segment paths. Header rules are names, case-insensitive, `*` globs allowed.
 */
import { assertNever } from '../errors';
import type { PathSegment } from './types';

export type NoisePreset = 'timestamps' | 'ids' | 'signatures';

export const NOISE_PRESETS: Record<NoisePreset, { label: string; jsonPaths: string[]; headers: string[] }> = {
  timestamps: {
    label: 'Ignore timestamps',
    jsonPaths: ['created', 'updated', 'timestamp', '*_at', '*At'],
    headers: ['date', 'x-request-start', 'x-timestamp'],
  },
  ids: {
    label: 'Ignore ids',
    jsonPaths: ['id', 'idempotency_key', 'request.id'],
    headers: [
      'x-request-id',
      'request-id',
      'idempotency-key',
      'x-github-delivery',
      'svix-id',
      'webhook-id',
      'x-shopify-webhook-id',
      'x-correlation-id',
    ],
  },
  signatures: {
    label: 'Ignore signature and trace headers',
    jsonPaths: [],
    headers: [
      'stripe-signature',
      'x-hub-signature',
      'x-hub-signature-256',
      'svix-signature',
      'svix-timestamp',
      'webhook-signature',
      'webhook-timestamp',
      'x-shopify-hmac-sha256',
      'x-slack-signature',
      'x-slack-request-timestamp',
      'x-twilio-signature',
      'traceparent',
      'tracestate',
      'baggage',
      'sentry-trace',
      'x-amzn-trace-id',
      'x-cloud-trace-context',
      'b3',
      'x-b3-*',
      'x-datadog-*',
      'cf-ray',
    ],
  },
};

export const NOISE_PRESET_IDS = Object.keys(NOISE_PRESETS) as NoisePreset[];

/** What the user chose; JSON-serialisable so the view can remember it. */
export interface NoisePrefs {
  presets: Record<NoisePreset, boolean>;
  jsonPaths: string[];
  headers: string[];
}

export const DEFAULT_NOISE_PREFS: NoisePrefs = {
  presets: { timestamps: false, ids: false, signatures: false },
  jsonPaths: [],
  headers: [],
};

type PatternSegment =
  | { t: 'key'; key: string }
  | { t: 'glob'; re: RegExp }
  | { t: 'index'; index: number }
  | { t: 'any-index' }
  | { t: 'any' }
  | { t: 'deep' };

export interface PathRule {
  source: string;
  segments: PatternSegment[];
}

export interface NoiseMatcher {
  jsonPath(path: readonly PathSegment[]): boolean;
  header(name: string): boolean;
  readonly active: boolean;
}

/** Parses a JSON path rule; throws Error with a readable message when it is malformed. */
export function parsePathRule(source: string): PathRule {
  let s = source.trim();
  if (s === '') throw new Error('The path is empty.');
  const segments: PatternSegment[] = [];
  let anchored = false;
  if (s.startsWith('$')) {
    anchored = true;
    s = s.slice(1);
  }
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '.') {
      i++;
      continue;
    }
    if (c === '[') {
      const close = findClose(s, i);
      if (close < 0) throw new Error(`Unclosed "[" in ${source}`);
      const inner = s.slice(i + 1, close).trim();
      if (inner === '*') segments.push({ t: 'any-index' });
      else if (/^\d+$/.test(inner)) segments.push({ t: 'index', index: Number(inner) });
      else if (inner.startsWith('"')) {
        let key: unknown;
        try {
          key = JSON.parse(inner);
        } catch {
          throw new Error(`Bad quoted key ${inner} in ${source}`);
        }
        if (typeof key !== 'string') throw new Error(`Bad quoted key ${inner} in ${source}`);
        segments.push({ t: 'key', key });
      } else throw new Error(`Expected an index, * or a quoted key inside [] in ${source}`);
      i = close + 1;
      continue;
    }
    let end = i;
    while (end < s.length && s[end] !== '.' && s[end] !== '[') end++;
    segments.push(keySegment(s.slice(i, end)));
    i = end;
  }
  if (segments.length === 0) throw new Error(`No path in ${source}`);
  if (!anchored) segments.unshift({ t: 'deep' });
  // A rule hides the subtree below the path it names.
  segments.push({ t: 'deep' });
  return { source, segments };
}

function findClose(s: string, open: number): number {
  let inString = false;
  for (let i = open + 1; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ']') return i;
  }
  return -1;
}

function keySegment(text: string): PatternSegment {
  if (text === '**') return { t: 'deep' };
  if (text === '*') return { t: 'any' };
  if (text.includes('*')) return { t: 'glob', re: globToRegExp(text, '') };
  return { t: 'key', key: text };
}

function globToRegExp(glob: string, flags: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, flags);
}

export function matchPathRule(rule: PathRule, path: readonly PathSegment[]): boolean {
  return matchFrom(rule.segments, 0, path, 0);
}

function matchFrom(pattern: PatternSegment[], pi: number, path: readonly PathSegment[], xi: number): boolean {
  if (pi === pattern.length) return xi === path.length;
  const p = pattern[pi];
  if (p.t === 'deep') {
    for (let k = xi; k <= path.length; k++) if (matchFrom(pattern, pi + 1, path, k)) return true;
    return false;
  }
  if (xi >= path.length) return false;
  const seg = path[xi];
  let ok: boolean;
  switch (p.t) {
    case 'key':
      ok = seg === p.key;
      break;
    case 'glob':
      ok = typeof seg === 'string' && p.re.test(seg);
      break;
    case 'index':
      ok = seg === p.index;
      break;
    case 'any-index':
      ok = typeof seg === 'number';
      break;
    case 'any':
      ok = true;
      break;
    default:
      return assertNever(p, 'pattern segment');
  }
  return ok && matchFrom(pattern, pi + 1, path, xi + 1);
}

/** Builds a matcher from preferences; malformed user rules are skipped (the view validates input). */
export function compileNoise(prefs: NoisePrefs): NoiseMatcher {
  const pathSources: string[] = [...prefs.jsonPaths];
  const headerSources: string[] = [...prefs.headers];
  for (const id of NOISE_PRESET_IDS) {
    if (!prefs.presets[id]) continue;
    pathSources.push(...NOISE_PRESETS[id].jsonPaths);
    headerSources.push(...NOISE_PRESETS[id].headers);
  }
  const pathRules: PathRule[] = [];
  for (const src of pathSources) {
    try {
      pathRules.push(parsePathRule(src));
    } catch {
      // Skipped: the view refuses malformed rules before storing them.
    }
  }
  const headerRes = headerSources
    .map((h) => h.trim())
    .filter(Boolean)
    .map((h) => globToRegExp(h.toLowerCase(), 'i'));
  return {
    active: pathRules.length > 0 || headerRes.length > 0,
    jsonPath: (path) => pathRules.some((r) => matchPathRule(r, path)),
    header: (name) => headerRes.some((re) => re.test(name)),
  };
}

/** A header rule is any non-empty name made of token characters and `*`. */
export function validateHeaderRule(source: string): string | null {
  const s = source.trim();
  if (s === '') return 'The header name is empty.';
  return /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(s) ? null : `"${s}" is not a header name.`;
}

export function validatePathRule(source: string): string | null {
  try {
    parsePathRule(source);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
