/*
 * Diff of named, possibly repeated values: headers (names case-insensitive), form fields and query
 * parameters (case-sensitive). A name's values are compared as an ordered list, so a repeated
 * header that gained a value is one `changed`. Order between different names is ignored.
 */
import type { NamedChange } from './types';

export type NamedPair = readonly [name: string, value: string];

interface Group {
  name: string;
  values: string[];
  /** 1-based line of the first occurrence in the one-per-line text form. */
  line: number;
}

export interface NamedDiffOptions {
  caseInsensitive: boolean;
}

export interface NamedDiff {
  changes: NamedChange[];
  /** Names present on both sides but spelled with different case (headers only). */
  caseDiffers: Array<{ left: string; right: string }>;
}

function group(pairs: readonly NamedPair[], caseInsensitive: boolean): Map<string, Group> {
  const groups = new Map<string, Group>();
  pairs.forEach(([name, value], index) => {
    const key = caseInsensitive ? name.toLowerCase() : name;
    const g = groups.get(key);
    if (g) g.values.push(value);
    else groups.set(key, { name, values: [value], line: index + 1 });
  });
  return groups;
}

export function diffNamed(
  left: readonly NamedPair[],
  right: readonly NamedPair[],
  options: NamedDiffOptions,
): NamedDiff {
  const l = group(left, options.caseInsensitive);
  const r = group(right, options.caseInsensitive);
  const changes: NamedChange[] = [];
  const caseDiffers: NamedDiff['caseDiffers'] = [];
  for (const [key, lg] of l) {
    const rg = r.get(key);
    if (!rg) {
      changes.push({ kind: 'removed', name: lg.name, before: lg.values, leftLine: lg.line, rightLine: 0 });
      continue;
    }
    if (lg.name !== rg.name) caseDiffers.push({ left: lg.name, right: rg.name });
    if (!sameList(lg.values, rg.values)) {
      changes.push({
        kind: 'changed',
        name: rg.name,
        before: lg.values,
        after: rg.values,
        leftLine: lg.line,
        rightLine: rg.line,
      });
    }
  }
  for (const [key, rg] of r) {
    if (l.has(key)) continue;
    changes.push({ kind: 'added', name: rg.name, after: rg.values, leftLine: 0, rightLine: rg.line });
  }
  return { changes, caseDiffers };
}

function sameList(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * application/x-www-form-urlencoded fields, as the WHATWG URL spec decodes them (`+` is a space,
 * malformed percent escapes are kept literally, never thrown).
 */
export function parseFormFields(text: string): NamedPair[] {
  if (text === '') return [];
  const fields: NamedPair[] = [];
  for (const [name, value] of new URLSearchParams(text)) fields.push([name, value]);
  return fields;
}

/** One `name: value` line per pair, for the side-by-side text view. */
export function namedPairsText(pairs: readonly NamedPair[], separator = ': '): string {
  return pairs.map(([n, v]) => `${n}${separator}${v}`).join('\n');
}
