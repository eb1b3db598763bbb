import { describe, expect, it } from 'vitest';
import { assertNever } from '../errors';
import type { JsonNode } from './json-node';
import { MAX_DEPTH, parseJson } from './json-parse';
import { canonicalNumber } from './number-text';

/** Back to a plain value, to compare with JSON.parse. */
function plain(n: JsonNode): unknown {
  switch (n.t) {
    case 'null':
      return null;
    case 'boolean':
    case 'string':
      return n.v;
    case 'number':
      return Number(n.raw);
    case 'array':
      return n.items.map(plain);
    case 'object': {
      const o: Record<string, unknown> = {};
      n.keys.forEach((k, i) => Object.defineProperty(o, k, { value: plain(n.vals[i]), enumerable: true }));
      return o;
    }
    default:
      return assertNever(n, 'JSON node');
  }
}

describe('parseJson', () => {
  it('reads the same values as JSON.parse', () => {
    const samples = [
      '{"a":[1,-2.5,3e10,0,true,false,null],"b":"x\\n\\u00e9\\ud83d\\ude00\\"\\\\\\/","c":{}}',
      '  [ ]  ',
      '"just a string"',
      '-0.000123E+5',
      '{"nested":{"deeper":[{"k":"v"}]}}',
    ];
    for (const text of samples) {
      const parsed = parseJson(text);
      if (!parsed.ok) throw new Error(parsed.message);
      expect(plain(parsed.root)).toEqual(JSON.parse(text));
    }
  });

  it('reports duplicate keys by path and keeps the last value like JSON.parse', () => {
    const text = '{"a":1,"b":{"c":1,"c":2},"a":3}';
    const parsed = parseJson(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.duplicateKeys).toEqual([['b', 'c'], ['a']]);
    expect(plain(parsed.root)).toEqual(JSON.parse(text));
  });

  it('rejects invalid JSON with a line and column', () => {
    const cases: Array<[string, number, number]> = [
      ['{"a":1,}', 1, 8],
      ['{\n  "a": 01\n}', 2, 8],
      ['[1, 2', 1, 6],
      ['{"a":"tab\there"}', 1, 10],
      ["{'a':1}", 1, 2],
      ['{"a":1} extra', 1, 9],
      ['', 1, 1],
      ['{"a":"\\x"}', 1, 7],
      ['nul', 1, 1],
    ];
    for (const [text, line, column] of cases) {
      const parsed = parseJson(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect([parsed.line, parsed.column], text).toEqual([line, column]);
    }
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    const deep = '['.repeat(MAX_DEPTH + 5) + ']'.repeat(MAX_DEPTH + 5);
    const parsed = parseJson(deep);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain('Nested deeper');
    expect(parseJson('['.repeat(100) + ']'.repeat(100)).ok).toBe(true);
  });

  it('hashes objects regardless of key order', () => {
    const a = parseJson('{"x":1,"y":[1,2]}');
    const b = parseJson('{"y":[1,2],"x":1}');
    const c = parseJson('{"y":[2,1],"x":1}');
    if (!a.ok || !b.ok || !c.ok) throw new Error('parse');
    expect(a.root.h).toBe(b.root.h);
    expect(a.root.h).not.toBe(c.root.h);
  });
});

describe('canonicalNumber', () => {
  it('gives one form per decimal value', () => {
    const same = [
      ['1', '1.0', '1e0', '10e-1', '0.1e1'],
      ['1000', '1e3', '1.000E+3'],
      ['0', '-0', '0.000', '0e10'],
      ['-2.5', '-2.50', '-25e-1'],
    ];
    for (const group of same) {
      const forms = new Set(group.map(canonicalNumber));
      expect(forms.size, group.join(' ')).toBe(1);
    }
    expect(canonicalNumber('9007199254740993')).not.toBe(canonicalNumber('9007199254740992'));
    expect(canonicalNumber('1')).not.toBe(canonicalNumber('-1'));
  });
});
