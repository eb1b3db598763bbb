/*
 * A JSON parser for comparison. Unlike JSON.parse it keeps what a diff needs to be exact:
 * - number literals as written (so `1.0` vs `1` is a note, and large integers keep their digits);
 * - duplicate keys, reported by path (the last value wins, as in JSON.parse, at the first position);
 * - a structural hash on every node (key order ignored) so equal subtrees are skipped cheaply.
 * Objects are Maps so keys like `__proto__` are ordinary data.
 */
import { combine, hashString, mix } from './hash';
import { canonicalNumber } from './number-text';
import type { JsonPath, JsonType } from './types';

export type JsonNode = JsonNull | JsonBool | JsonNum | JsonStr | JsonArr | JsonObj;
/*
 * `h` is the structural hash. `ln` is scratch space for the pretty-printer (the node's line in the
 * last printout); a field rather than a side Map because a Map of ~100k nodes per megabyte costs
 * more than the whole parse.
 */
export interface JsonNull { t: 'null'; h: number; ln: number }
export interface JsonBool { t: 'boolean'; v: boolean; h: number; ln: number }
export interface JsonNum { t: 'number'; raw: string; canon: string; h: number; ln: number }
export interface JsonStr { t: 'string'; v: string; h: number; ln: number }
export interface JsonArr { t: 'array'; items: JsonNode[]; h: number; ln: number }
/** Keys in document order (a repeated key keeps its first position and its last value, like JSON.parse). */
export interface JsonObj { t: 'object'; keys: string[]; vals: JsonNode[]; h: number; ln: number; index: Map<string, number> | null }

/** Objects up to this size are searched by scanning, larger ones through an index built on first use. */
const INDEX_AFTER = 16;

/** Position of `key` in `obj`, or -1; `hint` is tried first (keys often sit at the same position). */
export function keyIndex(obj: JsonObj, key: string, hint = -1): number {
  const keys = obj.keys;
  if (hint >= 0 && hint < keys.length && keys[hint] === key) return hint;
  if (keys.length <= INDEX_AFTER) {
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return i;
    return -1;
  }
  let index = obj.index;
  if (!index) {
    index = new Map();
    for (let i = 0; i < keys.length; i++) index.set(keys[i], i);
    obj.index = index;
  }
  return index.get(key) ?? -1;
}

export function objGet(obj: JsonObj, key: string, hint = -1): JsonNode | undefined {
  const i = keyIndex(obj, key, hint);
  return i < 0 ? undefined : obj.vals[i];
}

export type JsonParseResult =
  | { ok: true; root: JsonNode; duplicateKeys: JsonPath[] }
  | { ok: false; message: string; line: number; column: number };

/** Deeper documents are refused rather than risking the call stack; no real webhook nests this far. */
export const MAX_DEPTH = 500;

// Every node is its own object (no shared true/false/null): each carries its own `ln`.
const HASH_NULL = hashString('null');
const HASH_TRUE = hashString('true');
const HASH_FALSE = hashString('false');
const SEED_NUM = 0x1b873593;
const SEED_STR = 0x2c1b3c6d;
const SEED_ARR = 0x297a2d39;
const SEED_OBJ = 0x68e31da4;

class ParseError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

export function jsonType(node: JsonNode): JsonType {
  return node.t;
}

export function parseJson(text: string): JsonParseResult {
  const p = new Parser(text);
  try {
    p.skipWs();
    const root = p.value(0);
    p.skipWs();
    if (p.pos < text.length) throw new ParseError('Unexpected text after the JSON value', p.pos);
    return { ok: true, root, duplicateKeys: p.duplicates };
  } catch (err) {
    const offset = err instanceof ParseError ? err.offset : p.pos;
    const message = err instanceof Error ? err.message : String(err);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return { ok: false, message, line, column: offset - lineStart + 1 };
  }
}

class Parser {
  pos = 0;
  readonly duplicates: JsonPath[] = [];
  private readonly path: JsonPath = [];
  /** Keys repeat across a document (every line item has `amount`); hash each spelling once. */
  private readonly keyHashes = new Map<string, number>();
  constructor(private readonly s: string) {}

  private keyHash(k: string): number {
    let h = this.keyHashes.get(k);
    if (h === undefined) {
      h = hashString(k);
      this.keyHashes.set(k, h);
    }
    return h;
  }

  skipWs(): void {
    const s = this.s;
    let i = this.pos;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    this.pos = i;
  }

  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) throw new ParseError(`Nested deeper than ${MAX_DEPTH} levels`, this.pos);
    const c = this.s.charCodeAt(this.pos);
    switch (c) {
      case 123 /* { */:
        return this.object(depth);
      case 91 /* [ */:
        return this.array(depth);
      case 34 /* " */: {
        const v = this.string();
        return { t: 'string', v, h: hashString(v, SEED_STR), ln: 0 };
      }
      case 116 /* t */:
        this.literal('true');
        return { t: 'boolean', v: true, h: HASH_TRUE, ln: 0 };
      case 102 /* f */:
        this.literal('false');
        return { t: 'boolean', v: false, h: HASH_FALSE, ln: 0 };
      case 110 /* n */:
        this.literal('null');
        return { t: 'null', h: HASH_NULL, ln: 0 };
      default:
        if (c === 45 || (c >= 48 && c <= 57)) return this.number();
        throw new ParseError(Number.isNaN(c) ? 'Unexpected end of JSON' : `Unexpected character ${JSON.stringify(this.s[this.pos])}`, this.pos);
    }
  }

  private literal(word: string): void {
    if (this.s.startsWith(word, this.pos)) this.pos += word.length;
    else throw new ParseError(`Unexpected character ${JSON.stringify(this.s[this.pos])}`, this.pos);
  }

  private object(depth: number): JsonObj {
    const s = this.s;
    this.pos++;
    const obj: JsonObj = { t: 'object', keys: [], vals: [], h: 0, ln: 0, index: null };
    this.skipWs();
    if (s.charCodeAt(this.pos) === 125 /* } */) {
      this.pos++;
      obj.h = mix(SEED_OBJ);
      return obj;
    }
    for (;;) {
      if (s.charCodeAt(this.pos) !== 34) throw new ParseError('Expected a quoted key', this.pos);
      const key = this.string();
      this.skipWs();
      if (s.charCodeAt(this.pos) !== 58 /* : */) throw new ParseError('Expected ":" after a key', this.pos);
      this.pos++;
      this.skipWs();
      this.path.push(key);
      const v = this.value(depth + 1);
      const existing = keyIndex(obj, key);
      if (existing >= 0) {
        this.duplicates.push(this.path.slice());
        obj.vals[existing] = v;
      } else {
        obj.index?.set(key, obj.keys.length);
        obj.keys.push(key);
        obj.vals.push(v);
      }
      this.path.pop();
      this.skipWs();
      const c = s.charCodeAt(this.pos);
      if (c === 44 /* , */) {
        this.pos++;
        this.skipWs();
      } else if (c === 125) {
        this.pos++;
        break;
      } else throw new ParseError('Expected "," or "}" in an object', this.pos);
    }
    // Key order must not change the hash: sum the per-entry hashes.
    let sum = 0;
    const { keys, vals } = obj;
    for (let i = 0; i < keys.length; i++) sum = (sum + combine(this.keyHash(keys[i]), vals[i].h)) | 0;
    obj.h = combine(SEED_OBJ ^ keys.length, sum);
    return obj;
  }

  private array(depth: number): JsonArr {
    const s = this.s;
    this.pos++;
    const items: JsonNode[] = [];
    let h = SEED_ARR;
    this.skipWs();
    if (s.charCodeAt(this.pos) === 93 /* ] */) {
      this.pos++;
      return { t: 'array', items, h: mix(h), ln: 0 };
    }
    for (;;) {
      this.path.push(items.length);
      const v = this.value(depth + 1);
      this.path.pop();
      items.push(v);
      h = combine(h, v.h);
      this.skipWs();
      const c = s.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        this.skipWs();
      } else if (c === 93) {
        this.pos++;
        break;
      } else throw new ParseError('Expected "," or "]" in an array', this.pos);
    }
    return { t: 'array', items, h: combine(h, items.length), ln: 0 };
  }

  private number(): JsonNum {
    const s = this.s;
    const start = this.pos;
    let i = start;
    if (s.charCodeAt(i) === 45) i++;
    const intStart = i;
    while (isDigit(s.charCodeAt(i))) i++;
    if (i === intStart) throw new ParseError('Expected a digit', i);
    if (s.charCodeAt(intStart) === 48 && i - intStart > 1) throw new ParseError('Leading zeros are not allowed', intStart);
    if (s.charCodeAt(i) === 46) {
      i++;
      const fracStart = i;
      while (isDigit(s.charCodeAt(i))) i++;
      if (i === fracStart) throw new ParseError('Expected a digit after "."', i);
    }
    const e = s.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const sign = s.charCodeAt(i);
      if (sign === 43 || sign === 45) i++;
      const expStart = i;
      while (isDigit(s.charCodeAt(i))) i++;
      if (i === expStart) throw new ParseError('Expected a digit in the exponent', i);
    }
    this.pos = i;
    const raw = s.slice(start, i);
    const canon = canonicalNumber(raw);
    return { t: 'number', raw, canon, h: hashString(canon, SEED_NUM), ln: 0 };
  }

  string(): string {
    const s = this.s;
    let i = this.pos + 1;
    const start = i;
    // Fast path: no escapes.
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        this.pos = i + 1;
        return s.slice(start, i);
      }
      if (c === 92 /* \ */) break;
      if (c < 32 || Number.isNaN(c)) throw new ParseError(Number.isNaN(c) ? 'Unterminated string' : 'Control character in a string', i);
      i++;
    }
    let out = s.slice(start, i);
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        this.pos = i + 1;
        return out;
      }
      if (Number.isNaN(c)) throw new ParseError('Unterminated string', i);
      if (c < 32) throw new ParseError('Control character in a string', i);
      if (c !== 92) {
        const runStart = i;
        while (i < s.length) {
          const d = s.charCodeAt(i);
          if (d === 34 || d === 92 || d < 32) break;
          i++;
        }
        out += s.slice(runStart, i);
        continue;
      }
      const esc = s[i + 1];
      switch (esc) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          const hex = s.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new ParseError('Bad \\u escape', i);
          out += String.fromCharCode(parseInt(hex, 16));
          i += 4;
          break;
        }
        default:
          throw new ParseError('Bad escape in a string', i);
      }
      i += 2;
    }
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
