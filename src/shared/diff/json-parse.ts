/*
 * A JSON parser for comparison. Unlike JSON.parse it keeps what a diff needs to be exact:
 * - number literals as written (so `1.0` vs `1` is a note, and large integers keep their digits);
 * - duplicate keys, reported by path (the last value wins, as in JSON.parse, at the first position);
 * - a structural hash on every node (key order ignored) so equal subtrees are skipped cheaply.
 * Objects are key/value arrays, not JS objects, so keys like `__proto__` are ordinary data.
 */
import { combine, hashString, mix } from './hash';
import { canonicalNumber } from './number-text';
import {
  INDEX_AFTER,
  type JsonArr,
  type JsonBool,
  type JsonNode,
  type JsonNull,
  type JsonNum,
  type JsonObj,
  type JsonStr,
} from './json-node';
import type { JsonPath } from './types';

export type JsonParseResult =
  | {
      ok: true;
      root: JsonNode;
      duplicateKeys: JsonPath[];
      /** Values in the document, for the printer's progress. */ nodes: number;
    }
  | { ok: false; message: string; line: number; column: number };

/** Deeper documents are refused rather than risking the call stack; no real webhook nests this far. */
export const MAX_DEPTH = 500;

const NULL_NODE: JsonNull = { t: 'null', h: hashString('null') };
const TRUE_NODE: JsonBool = { t: 'boolean', v: true, h: hashString('true') };
const FALSE_NODE: JsonBool = { t: 'boolean', v: false, h: hashString('false') };
/** Longer strings are rarely repeated; caching them would only grow the cache. */
const SHARE_STRINGS_UP_TO = 64;
const SEED_NUM = 0x1b873593;
const SEED_STR = 0x2c1b3c6d;
const SEED_ARR = 0x297a2d39;
const SEED_OBJ = 0x68e31da4;

class ParseError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** How many characters pass between two progress reports: often enough for a bar, rare enough to cost nothing. */
const REPORT_EVERY_CHARS = 64 * 1024;

/** `onProgress(done, total)` hears of the characters read every 64 K; it may throw to stop the parse. */
export function parseJson(text: string, onProgress?: (done: number, total: number) => void): JsonParseResult {
  const p = new Parser(text, onProgress);
  try {
    p.skipWs();
    const root = p.value(0);
    p.skipWs();
    if (p.pos < text.length) throw new ParseError('Unexpected text after the JSON value', p.pos);
    onProgress?.(text.length, text.length);
    return { ok: true, root, duplicateKeys: p.duplicates, nodes: p.nodes };
  } catch (err) {
    // A listener that stops the parse (a cancelled comparison) is obeyed, not reported as bad JSON.
    if (p.stoppedBy !== undefined && err === p.stoppedBy) throw err;
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
  /** Keys repeat across a document (every line item has `amount`): one string and hash per spelling. */
  private readonly keyInfo = new Map<string, { key: string; h: number }>();
  private readonly strings = new Map<string, JsonStr>();
  private readonly numbers = new Map<string, JsonNum>();
  nodes = 0;
  stoppedBy: unknown = undefined;
  private nextReport = REPORT_EVERY_CHARS;
  constructor(
    private readonly s: string,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {}

  private internKey(k: string): { key: string; h: number } {
    let info = this.keyInfo.get(k);
    if (info === undefined) {
      info = { key: k, h: hashString(k) };
      this.keyInfo.set(k, info);
    }
    return info;
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
    this.nodes++;
    if (this.pos >= this.nextReport && this.onProgress) {
      this.nextReport = this.pos + REPORT_EVERY_CHARS;
      try {
        this.onProgress(this.pos, this.s.length);
      } catch (err) {
        this.stoppedBy = err;
        throw err;
      }
    }
    const c = this.s.charCodeAt(this.pos);
    switch (c) {
      case 123 /* { */:
        return this.object(depth);
      case 91 /* [ */:
        return this.array(depth);
      case 34 /* " */: {
        const v = this.string();
        if (v.length > SHARE_STRINGS_UP_TO) return { t: 'string', v, h: hashString(v, SEED_STR) };
        let node = this.strings.get(v);
        if (!node) {
          node = { t: 'string', v, h: hashString(v, SEED_STR) };
          this.strings.set(v, node);
        }
        return node;
      }
      case 116 /* t */:
        this.literal('true');
        return TRUE_NODE;
      case 102 /* f */:
        this.literal('false');
        return FALSE_NODE;
      case 110 /* n */:
        this.literal('null');
        return NULL_NODE;
      default:
        if (c === 45 || (c >= 48 && c <= 57)) return this.number();
        throw new ParseError(
          Number.isNaN(c) ? 'Unexpected end of JSON' : `Unexpected character ${JSON.stringify(this.s[this.pos])}`,
          this.pos,
        );
    }
  }

  private literal(word: string): void {
    if (this.s.startsWith(word, this.pos)) this.pos += word.length;
    else throw new ParseError(`Unexpected character ${JSON.stringify(this.s[this.pos])}`, this.pos);
  }

  // Children are gathered on shared stacks and copied out at the end of each container, so every
  // node's arrays are exactly sized (arrays grown by push carry up to twice their length).
  private readonly kstack: string[] = [];
  private readonly vstack: JsonNode[] = [];

  private object(depth: number): JsonObj {
    const s = this.s;
    const { kstack, vstack } = this;
    this.pos++;
    this.skipWs();
    if (s.charCodeAt(this.pos) === 125 /* } */) {
      this.pos++;
      return { t: 'object', keys: [], vals: [], h: mix(SEED_OBJ), ln: 0, cl: null, index: null };
    }
    const base = kstack.length;
    // Repeated keys are looked up by scanning while the object is small, through a Map beyond that.
    let seen: Map<string, number> | null = null;
    for (;;) {
      if (s.charCodeAt(this.pos) !== 34) throw new ParseError('Expected a quoted key', this.pos);
      const info = this.internKey(this.string());
      const key = info.key;
      this.skipWs();
      if (s.charCodeAt(this.pos) !== 58 /* : */) throw new ParseError('Expected ":" after a key', this.pos);
      this.pos++;
      this.skipWs();
      this.path.push(key);
      const v = this.value(depth + 1);
      let existing = -1;
      if (seen) existing = seen.get(key) ?? -1;
      else for (let i = base; i < kstack.length; i++) if (kstack[i] === key) existing = i;
      if (existing >= 0) {
        this.duplicates.push(this.path.slice());
        vstack[existing] = v;
      } else {
        kstack.push(key);
        vstack.push(v);
        if (seen) seen.set(key, kstack.length - 1);
        else if (kstack.length - base > INDEX_AFTER) {
          seen = new Map();
          for (let i = base; i < kstack.length; i++) seen.set(kstack[i], i);
        }
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
    const keys = kstack.slice(base);
    const vals = vstack.slice(base);
    kstack.length = base;
    vstack.length = base;
    // Key order must not change the hash: sum the per-entry hashes.
    let sum = 0;
    for (let i = 0; i < keys.length; i++) sum = (sum + combine(this.internKey(keys[i]).h, vals[i].h)) | 0;
    return { t: 'object', keys, vals, h: combine(SEED_OBJ ^ keys.length, sum), ln: 0, cl: null, index: null };
  }

  private array(depth: number): JsonArr {
    const s = this.s;
    const { kstack, vstack } = this;
    this.pos++;
    let h = SEED_ARR;
    this.skipWs();
    if (s.charCodeAt(this.pos) === 93 /* ] */) {
      this.pos++;
      return { t: 'array', items: [], h: mix(h), ln: 0, cl: null };
    }
    // Arrays use the value stack only; keep the key stack aligned with it.
    const base = vstack.length;
    for (let n = 0; ; n++) {
      this.path.push(n);
      const v = this.value(depth + 1);
      this.path.pop();
      vstack.push(v);
      kstack.push('');
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
    const items = vstack.slice(base);
    vstack.length = base;
    kstack.length = base;
    return { t: 'array', items, h: combine(h, items.length), ln: 0, cl: null };
  }

  private number(): JsonNum {
    const s = this.s;
    const start = this.pos;
    let i = start;
    if (s.charCodeAt(i) === 45) i++;
    const intStart = i;
    while (isDigit(s.charCodeAt(i))) i++;
    if (i === intStart) throw new ParseError('Expected a digit', i);
    if (s.charCodeAt(intStart) === 48 && i - intStart > 1)
      throw new ParseError('Leading zeros are not allowed', intStart);
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
    let node = this.numbers.get(raw);
    if (!node) {
      const canon = canonicalNumber(raw);
      node = { t: 'number', raw, canon, h: hashString(canon, SEED_NUM) };
      this.numbers.set(raw, node);
    }
    return node;
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
      if (c < 32 || Number.isNaN(c))
        throw new ParseError(Number.isNaN(c) ? 'Unterminated string' : 'Control character in a string', i);
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
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
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
