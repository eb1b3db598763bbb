import { describe, expect, it } from 'vitest';
import { prettyJson } from './json-pretty';
import { node } from './test-helpers';
import { splitLines } from './text-diff';

describe('prettyJson', () => {
  it('prints two-space JSON keeping number literals and finds the line of any path', () => {
    const p = prettyJson(node('{"a":[1.50,{"b":"x"}],"c":{},"d":[]}'));
    expect(p.text).toBe('{\n  "a": [\n    1.50,\n    {\n      "b": "x"\n    }\n  ],\n  "c": {},\n  "d": []\n}');
    const lines = splitLines(p.text);
    const at = (path: Array<string | number>): string => lines[p.lineOf(path) - 1].trim();
    expect(at([])).toBe('{');
    expect(at(['a'])).toBe('"a": [');
    expect(at(['a', 0])).toBe('1.50,');
    expect(at(['a', 1, 'b'])).toBe('"b": "x"');
    expect(at(['c'])).toBe('"c": {},');
    // Missing parts resolve to the nearest existing ancestor.
    expect(at(['a', 7])).toBe('"a": [');
    expect(at(['c', 'nope', 'deeper'])).toBe('"c": {},');
  });

  it('lays keys out in the reference order, extra keys last, and escapes strings', () => {
    const p = prettyJson(node('{"z":1,"new":"a\\"b\\n","a":2}'), node('{"a":0,"z":0}'));
    expect(p.text).toBe('{\n  "a": 2,\n  "z": 1,\n  "new": "a\\"b\\n"\n}');
  });

  it('shares repeated values between paths without mixing up their lines', () => {
    const p = prettyJson(node('[{"c":"usd"},{"c":"usd"},{"c":"usd"}]'));
    expect(p.lineOf([2, 'c'])).toBe(9);
    expect(p.lineOf([1, 'c'])).toBe(6);
    expect(p.lineOf([0, 'c'])).toBe(3);
  });
});

describe('large and very different arrays', () => {
  it('stay bounded and still account for every item', async () => {
    const { diffJson } = await import('./json-diff');
    const a = JSON.stringify(Array.from({ length: 3000 }, (_, i) => ({ n: i })));
    const b = JSON.stringify(Array.from({ length: 3000 }, (_, i) => ({ n: 3000 - i })));
    const diff = diffJson(node(a), node(b), { maxChanges: 100000 });
    // Reversed: past the alignment cost cap, items found on the other side are reported as moved.
    expect(diff.total).toBeGreaterThan(2900);
    expect(diff.changes.filter((c) => c.kind === 'moved').length).toBeGreaterThan(2900);
    expect(
      diff.changes.filter((c) => c.kind !== 'moved').map((c) => `${c.kind} ${c.path} ${c.before} → ${c.after}`),
    ).toEqual(['changed [0].n 0 → 3000']);
  });
});
