/*
 * Pretty-prints a parsed document for the side-by-side text view and remembers the line on which
 * each node starts, so a click on a change can scroll both sides to it. Number literals are kept
 * as written. When a reference document is given (the other side), object keys are laid out in the
 * reference's order first, so a line diff of the two texts shows value changes, not key order.
 */
import { assertNever } from '../errors';
import { keyIndex, objGet, type JsonNode, type JsonObj } from './json-node';
import type { PathSegment } from './types';

export interface PrettyJson {
  text: string;
  /** 1-based line where the value at `path` starts, or of its nearest ancestor that exists. */
  lineOf(path: readonly PathSegment[]): number;
}

const INDENT = '  ';
const REPORT_EVERY_NODES = 16 * 1024;

export interface PrettyProgress {
  /** Values in the document (the parser counts them). */
  total: number;
  report(done: number, total: number): void;
}

export function prettyJson(root: JsonNode, reference?: JsonNode, progress?: PrettyProgress): PrettyJson {
  const out: string[] = [];
  let emitted = 0;
  let nextReport = REPORT_EVERY_NODES;
  const indents: string[] = [''];
  const indent = (depth: number): string => {
    while (indents.length <= depth) indents.push(indents[indents.length - 1] + INDENT);
    return indents[depth];
  };
  const quotedKeys = new Map<string, string>();
  const quoteKey = (k: string): string => {
    let q = quotedKeys.get(k);
    if (q === undefined) {
      q = `${JSON.stringify(k)}: `;
      quotedKeys.set(k, q);
    }
    return q;
  };

  const quotedValues = new Map<string, string>();
  const quoteValue = (v: string): string => {
    if (v.length > 64) return JSON.stringify(v);
    let q = quotedValues.get(v);
    if (q === undefined) {
      q = JSON.stringify(v);
      quotedValues.set(v, q);
    }
    return q;
  };

  // `prefix` is the text before the value on its first line (indent + key); `suffix` is "," or "".
  const emit = (node: JsonNode, ref: JsonNode | undefined, depth: number, prefix: string, suffix: string): void => {
    if (++emitted >= nextReport && progress) {
      nextReport = emitted + REPORT_EVERY_NODES;
      progress.report(emitted, progress.total);
    }
    switch (node.t) {
      case 'null':
        out.push(`${prefix}null${suffix}`);
        return;
      case 'boolean':
        out.push(`${prefix}${node.v}${suffix}`);
        return;
      case 'number':
        out.push(`${prefix}${node.raw}${suffix}`);
        return;
      case 'string':
        out.push(`${prefix}${quoteValue(node.v)}${suffix}`);
        return;
      case 'array': {
        if (node.items.length === 0) {
          node.ln = out.length + 1;
          node.cl = null;
          out.push(`${prefix}[]${suffix}`);
          return;
        }
        node.ln = out.length + 1;
        const cl = (node.cl = new Int32Array(node.items.length));
        out.push(`${prefix}[`);
        const inner = indent(depth + 1);
        const refItems = ref?.t === 'array' ? ref.items : undefined;
        const last = node.items.length - 1;
        for (let i = 0; i <= last; i++) {
          cl[i] = out.length + 1;
          emit(node.items[i], refItems?.[i], depth + 1, inner, i === last ? '' : ',');
        }
        out.push(`${indent(depth)}]${suffix}`);
        return;
      }
      case 'object': {
        if (node.keys.length === 0) {
          node.ln = out.length + 1;
          node.cl = null;
          out.push(`${prefix}{}${suffix}`);
          return;
        }
        node.ln = out.length + 1;
        const cl = (node.cl = new Int32Array(node.keys.length));
        out.push(`${prefix}{`);
        const inner = indent(depth + 1);
        const refObj = ref?.t === 'object' ? ref : undefined;
        const order = refObj ? orderFollowing(node, refObj) : null;
        const last = node.keys.length - 1;
        for (let n = 0; n <= last; n++) {
          const i = order ? order[n] : n;
          const k = node.keys[i];
          cl[i] = out.length + 1;
          emit(
            node.vals[i],
            refObj ? objGet(refObj, k, i) : undefined,
            depth + 1,
            inner + quoteKey(k),
            n === last ? '' : ',',
          );
        }
        out.push(`${indent(depth)}}${suffix}`);
        return;
      }
      default:
        assertNever(node, 'JSON node');
    }
  };
  emit(root, reference, 0, '', '');

  // Lines are read now, before another printout of the same tree overwrites `ln`.
  const lineOf = (path: readonly PathSegment[]): number => {
    // Walk down as far as the path exists; a primitive's line is kept by its parent.
    let node: JsonNode = root;
    let line = root.t === 'object' || root.t === 'array' ? root.ln : 1;
    for (const seg of path) {
      let index = -1;
      if (typeof seg === 'number' && node.t === 'array') index = seg < node.items.length ? seg : -1;
      else if (typeof seg === 'string' && node.t === 'object') index = keyIndex(node, seg);
      if (index < 0 || (node.t !== 'array' && node.t !== 'object') || !node.cl) break;
      line = node.cl[index];
      node = node.t === 'array' ? node.items[index] : node.vals[index];
    }
    return line || 1;
  };
  return { text: out.join('\n'), lineOf };
}

/** Positions of `node`'s keys: those the reference also has, in its order, then the rest; null when unchanged. */
function orderFollowing(node: JsonObj, ref: JsonObj): number[] | null {
  const n = node.keys.length;
  let same = n === ref.keys.length;
  for (let i = 0; same && i < n; i++) same = node.keys[i] === ref.keys[i];
  if (same) return null;
  const order: number[] = [];
  const used = new Uint8Array(n);
  for (const k of ref.keys) {
    const i = keyIndex(node, k);
    if (i >= 0) {
      order.push(i);
      used[i] = 1;
    }
  }
  for (let i = 0; i < n; i++) if (!used[i]) order.push(i);
  return order;
}
