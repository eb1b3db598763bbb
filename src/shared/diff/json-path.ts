/*
 * Display form of JSON paths: `data.object.amount`, `items[2]`, `["a key"].x`, and for array items
 * that sit at different indices on the two sides, `items[1→2]`.
 */
import type { JsonPath, PathSegment } from './types';

const IDENTIFIER = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

export const ROOT_LABEL = '(root)';

export function formatPath(path: readonly PathSegment[]): string {
  return formatPaths(path, path);
}

/** Both paths have the same shape (keys match by name); only array indices may differ. */
export function formatPaths(left: readonly PathSegment[] | null, right: readonly PathSegment[] | null): string {
  const base = right ?? left ?? [];
  if (base.length === 0) return ROOT_LABEL;
  let out = '';
  for (let i = 0; i < base.length; i++) {
    const seg = base[i];
    if (typeof seg === 'number') {
      const l = left?.[i];
      const r = right?.[i];
      out += typeof l === 'number' && typeof r === 'number' && l !== r ? `[${l}→${r}]` : `[${seg}]`;
    } else if (IDENTIFIER.test(seg)) {
      out += i === 0 ? seg : `.${seg}`;
    } else {
      out += `[${JSON.stringify(seg)}]`;
    }
  }
  return out;
}

/** A string key for a path, for maps. Keys holding NUL/SOH could collide; that only affects scrolling. */
export function pathKey(path: readonly PathSegment[]): string {
  let key = '';
  for (const seg of path) key += typeof seg === 'number' ? `\u0001${seg}` : `\u0000${seg}`;
  return key;
}

export function childKey(parentKey: string, seg: PathSegment): string {
  return typeof seg === 'number' ? `${parentKey}\u0001${seg}` : `${parentKey}\u0000${seg}`;
}

export type { JsonPath };

/**
 * A noise rule for this path, anchored at the root, with array indices generalised to `[*]` (the
 * same field of every item is usually what varies). Null for the root, which cannot be ignored.
 */
export function ruleForPath(path: readonly PathSegment[]): string | null {
  if (path.length === 0) return null;
  let out = '$';
  for (const seg of path) {
    if (typeof seg === 'number') out += '[*]';
    else if (IDENTIFIER.test(seg)) out += `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
