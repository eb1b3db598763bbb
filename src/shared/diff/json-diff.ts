/*
 * Structural JSON diff. Objects compare by key (order ignored); arrays align items by identity —
 * the item's `id` when it is an object that has one, else its structural hash — with a longest
 * common subsequence, so an item inserted in the middle is one `added`. Items left unaligned in the
 * same gap are paired by similarity and compared field by field; an identical item found elsewhere
 * is reported as `moved`.
 */
import { assertNever } from '../errors';
import { combine, hashString } from './hash';
import { formatPaths } from './json-path';
import { keyIndex, objGet, type JsonArr, type JsonNode, type JsonObj } from './json-node';
import { matchSequences } from './sequence-match';
import type { ChangeKind, DiffNote, JsonChange, JsonPath, PathSegment } from './types';

export type RawJsonChange = Omit<JsonChange, 'leftLine' | 'rightLine'>;

export interface JsonDiff {
  changes: RawJsonChange[];
  notes: DiffNote[];
  /** Number of changes found; more than `changes.length` when the list was capped. */
  total: number;
}

export interface JsonDiffOptions {
  /** Stop listing (but keep counting) past this many changes. */
  maxChanges?: number;
}

export const DEFAULT_MAX_CHANGES = 5000;
const PREVIEW_CHARS = 80;
const ID_SEED = hashString('id-key');
/** Gaps up to this size are paired by similarity (quadratic); larger ones pair by position. */
const SIMILARITY_PAIRING_LIMIT = 64;

export function diffJson(left: JsonNode, right: JsonNode, options: JsonDiffOptions = {}): JsonDiff {
  const ctx = new DiffContext(options.maxChanges ?? DEFAULT_MAX_CHANGES);
  ctx.diff(left, right);
  return { changes: ctx.changes, notes: ctx.notes, total: ctx.total };
}

export function previewJson(node: JsonNode): string {
  switch (node.t) {
    case 'null':
      return 'null';
    case 'boolean':
      return String(node.v);
    case 'number':
      return node.raw;
    case 'string': {
      const text = JSON.stringify(node.v.length > PREVIEW_CHARS ? node.v.slice(0, PREVIEW_CHARS) : node.v);
      return node.v.length > PREVIEW_CHARS ? `${text.slice(0, -1)}…"` : text;
    }
    case 'array':
      return node.items.length === 0 ? '[]' : `[${node.items.length} ${node.items.length === 1 ? 'item' : 'items'}]`;
    case 'object':
      return node.keys.length === 0 ? '{}' : `{${node.keys.length} ${node.keys.length === 1 ? 'key' : 'keys'}}`;
    default:
      return assertNever(node, 'JSON node');
  }
}

class DiffContext {
  readonly changes: RawJsonChange[] = [];
  readonly notes: DiffNote[] = [];
  total = 0;
  private readonly lp: PathSegment[] = [];
  private readonly rp: PathSegment[] = [];
  constructor(private readonly max: number) {}

  diff(a: JsonNode, b: JsonNode): void {
    if (a.h === b.h && this.equal(a, b)) return;
    if (a.t !== b.t) {
      this.record('changed', a, b, { from: a.t, to: b.t });
      return;
    }
    switch (a.t) {
      case 'null':
        return;
      case 'boolean':
        if (a.v !== (b as typeof a).v) this.record('changed', a, b);
        return;
      case 'string':
        if (a.v !== (b as typeof a).v) this.record('changed', a, b);
        return;
      case 'number': {
        const bn = b as typeof a;
        if (a.canon === bn.canon) return;
        this.record('changed', a, b);
        if (Number(a.raw) === Number(bn.raw)) {
          this.notes.push({
            kind: 'number-precision',
            path: this.pathText('changed'),
            at: this.rp.slice(),
            left: a.raw,
            right: bn.raw,
          });
        }
        return;
      }
      case 'object':
        this.diffObjects(a, b as JsonObj);
        return;
      case 'array':
        this.diffArrays(a, b as JsonArr);
        return;
      default:
        assertNever(a, 'JSON node');
    }
  }

  /** Full equality (hashes only reject early); records number formatting differences on the way. */
  private equal(a: JsonNode, b: JsonNode): boolean {
    if (a.h !== b.h || a.t !== b.t) return false;
    switch (a.t) {
      case 'null':
        return true;
      case 'boolean':
        return a.v === (b as typeof a).v;
      case 'string':
        return a.v === (b as typeof a).v;
      case 'number': {
        const bn = b as typeof a;
        if (a.canon !== bn.canon) return false;
        if (a.raw !== bn.raw)
          this.notes.push({
            kind: 'number-format',
            path: this.pathText('changed'),
            at: this.rp.slice(),
            left: a.raw,
            right: bn.raw,
          });
        return true;
      }
      case 'array': {
        const bi = (b as JsonArr).items;
        if (a.items.length !== bi.length) return false;
        for (let i = 0; i < bi.length; i++) {
          this.lp.push(i);
          this.rp.push(i);
          const same = this.equal(a.items[i], bi[i]);
          this.lp.pop();
          this.rp.pop();
          if (!same) return false;
        }
        return true;
      }
      case 'object': {
        const bo = b as JsonObj;
        if (a.keys.length !== bo.keys.length) return false;
        for (let i = 0; i < a.keys.length; i++) {
          const k = a.keys[i];
          const av = a.vals[i];
          const bv = objGet(bo, k, i);
          if (bv === undefined) return false;
          this.lp.push(k);
          this.rp.push(k);
          const same = this.equal(av, bv);
          this.lp.pop();
          this.rp.pop();
          if (!same) return false;
        }
        return true;
      }
      default:
        return assertNever(a, 'JSON node');
    }
  }

  private diffObjects(a: JsonObj, b: JsonObj): void {
    for (let i = 0; i < a.keys.length; i++) {
      const k = a.keys[i];
      const av = a.vals[i];
      const bv = objGet(b, k, i);
      this.lp.push(k);
      this.rp.push(k);
      if (bv === undefined) this.record('removed', av, undefined);
      else this.diff(av, bv);
      this.lp.pop();
      this.rp.pop();
    }
    for (let j = 0; j < b.keys.length; j++) {
      const k = b.keys[j];
      const bv = b.vals[j];
      if (keyIndex(a, k, j) >= 0) continue;
      this.lp.push(k);
      this.rp.push(k);
      this.record('added', undefined, bv);
      this.lp.pop();
      this.rp.pop();
    }
  }

  private diffArrays(a: JsonArr, b: JsonArr): void {
    const ka = itemKeys(a.items);
    const kb = itemKeys(b.items);
    const match = matchSequences(ka, kb);

    // Unaligned items with the same identity on both sides have moved.
    const leftMatched = new Uint8Array(a.items.length);
    const rightMatched = new Uint8Array(b.items.length);
    for (const i of match.left) leftMatched[i] = 1;
    for (const j of match.right) rightMatched[j] = 1;
    const movedTo = new Map<number, number>();
    const freeRight = new Map<number, number[]>();
    for (let j = 0; j < kb.length; j++) {
      if (rightMatched[j]) continue;
      const list = freeRight.get(kb[j]);
      if (list) list.push(j);
      else freeRight.set(kb[j], [j]);
    }
    for (let i = 0; i < ka.length; i++) {
      if (leftMatched[i]) continue;
      const list = freeRight.get(ka[i]);
      if (!list || list.length === 0) continue;
      const j = list.shift()!;
      movedTo.set(i, j);
      rightMatched[j] = 1;
    }

    let li = 0;
    let ri = 0;
    const base = this.lp.length;
    for (let m = 0; m <= match.left.length; m++) {
      const lEnd = m < match.left.length ? match.left[m] : a.items.length;
      const rEnd = m < match.right.length ? match.right[m] : b.items.length;
      const dels: number[] = [];
      for (let i = li; i < lEnd; i++) {
        const j = movedTo.get(i);
        if (j === undefined) dels.push(i);
        else
          this.atIndices(i, j, () => {
            this.record('moved', a.items[i], b.items[j]);
            this.diff(a.items[i], b.items[j]);
          });
      }
      const ins: number[] = [];
      for (let j = ri; j < rEnd; j++) if (!rightMatched[j]) ins.push(j);
      this.diffGap(a, b, dels, ins, lEnd, rEnd);
      if (m < match.left.length) this.atIndices(lEnd, rEnd, () => this.diff(a.items[lEnd], b.items[rEnd]));
      li = lEnd + 1;
      ri = rEnd + 1;
    }
    if (this.lp.length !== base) throw new Error('path stack out of balance');
  }

  /** Unaligned items between two aligned ones: pair what looks alike, the rest is removed/added. */
  private diffGap(a: JsonArr, b: JsonArr, dels: number[], ins: number[], lEnd: number, rEnd: number): void {
    if (dels.length === 0 && ins.length === 0) return;
    const pairs = pairGap(a.items, b.items, dels, ins);
    let d = 0;
    let n = 0;
    for (const [pi, pj] of pairs) {
      while (dels[d] !== pi) this.removedAt(a, dels[d++], ins[n] ?? rEnd);
      while (ins[n] !== pj) this.addedAt(b, ins[n++], dels[d] ?? lEnd);
      this.atIndices(pi, pj, () => this.diff(a.items[pi], b.items[pj]));
      d++;
      n++;
    }
    while (d < dels.length) this.removedAt(a, dels[d++], ins[n] ?? rEnd);
    while (n < ins.length) this.addedAt(b, ins[n++], lEnd);
  }

  private removedAt(a: JsonArr, i: number, rightIndex: number): void {
    this.atIndices(i, rightIndex, () => this.record('removed', a.items[i], undefined));
  }

  private addedAt(b: JsonArr, j: number, leftIndex: number): void {
    this.atIndices(leftIndex, j, () => this.record('added', undefined, b.items[j]));
  }

  private atIndices(i: number, j: number, fn: () => void): void {
    this.lp.push(i);
    this.rp.push(j);
    fn();
    this.lp.pop();
    this.rp.pop();
  }

  private pathText(kind: ChangeKind): string {
    switch (kind) {
      case 'added':
        return formatPaths(null, this.rp);
      case 'removed':
        return formatPaths(this.lp, null);
      case 'changed':
      case 'moved':
        return formatPaths(this.lp, this.rp);
      default:
        return assertNever(kind, 'change kind');
    }
  }

  private record(
    kind: ChangeKind,
    a: JsonNode | undefined,
    b: JsonNode | undefined,
    typeChange?: RawJsonChange['typeChange'],
  ): void {
    this.total++;
    if (this.changes.length >= this.max) return;
    const change: RawJsonChange = { kind, path: this.pathText(kind), left: this.lp.slice(), right: this.rp.slice() };
    if (a) change.before = previewJson(a);
    if (b) change.after = previewJson(b);
    if (typeChange) change.typeChange = typeChange;
    this.changes.push(change);
  }
}

function itemKeys(items: JsonNode[]): Int32Array {
  const keys = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const id = item.t === 'object' ? objGet(item, 'id', 0) : undefined;
    keys[i] = id && (id.t === 'string' || id.t === 'number') ? combine(ID_SEED, id.h) : item.h;
  }
  return keys;
}

/** How alike two unaligned items are, 0..1; 0 means "do not pair". */
function similarity(a: JsonNode, b: JsonNode): number {
  if (a.t !== b.t) return 0;
  if (a.t === 'object' && b.t === 'object') {
    let same = 0;
    for (let i = 0; i < a.keys.length; i++) if (objGet(b, a.keys[i], i)?.h === a.vals[i].h) same++;
    const size = Math.max(a.keys.length, b.keys.length);
    return size === 0 ? 1 : 0.1 + (0.9 * same) / size;
  }
  if (a.t === 'array' && b.t === 'array') {
    const bh = new Set<number>();
    for (const it of b.items) bh.add(it.h);
    let same = 0;
    for (const it of a.items) if (bh.has(it.h)) same++;
    const size = Math.max(a.items.length, b.items.length);
    return size === 0 ? 1 : 0.1 + (0.9 * same) / size;
  }
  return 0.1;
}

/** Order-preserving pairs [leftIndex, rightIndex] maximising total similarity. */
function pairGap(left: JsonNode[], right: JsonNode[], dels: number[], ins: number[]): Array<[number, number]> {
  const n = dels.length;
  const m = ins.length;
  if (n === 0 || m === 0) return [];
  if (n === m || n > SIMILARITY_PAIRING_LIMIT || m > SIMILARITY_PAIRING_LIMIT) {
    const pairs: Array<[number, number]> = [];
    for (let k = 0; k < Math.min(n, m); k++) {
      if (similarity(left[dels[k]], right[ins[k]]) > 0) pairs.push([dels[k], ins[k]]);
    }
    return pairs;
  }
  const score = new Float64Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = similarity(left[dels[i]], right[ins[j]]);
      const take = s > 0 ? s + score[at(i + 1, j + 1)] : 0;
      score[at(i, j)] = Math.max(take, score[at(i + 1, j)], score[at(i, j + 1)]);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = similarity(left[dels[i]], right[ins[j]]);
    if (s > 0 && score[at(i, j)] === s + score[at(i + 1, j + 1)]) {
      pairs.push([dels[i], ins[j]]);
      i++;
      j++;
    } else if (score[at(i, j)] === score[at(i + 1, j)]) i++;
    else j++;
  }
  return pairs;
}

export type { JsonPath };
