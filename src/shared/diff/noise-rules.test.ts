import { describe, expect, it } from 'vitest';
import {
  compileNoise,
  DEFAULT_NOISE_PREFS,
  matchPathRule,
  parsePathRule,
  validateHeaderRule,
  validatePathRule,
} from './noise-rules';
import type { PathSegment } from './types';

const matches = (rule: string, path: PathSegment[]): boolean => matchPathRule(parsePathRule(rule), path);

describe('JSON path rules', () => {
  it('match anywhere in the path and cover the subtree', () => {
    expect(matches('created', ['created'])).toBe(true);
    expect(matches('created', ['data', 'object', 'created'])).toBe(true);
    expect(matches('metadata', ['data', 'object', 'metadata', 'plan'])).toBe(true);
    expect(matches('object.amount', ['data', 'object', 'amount'])).toBe(true);
    expect(matches('created', ['data', 'created_by'])).toBe(false);
    expect(matches('amount', ['data', 'amounts'])).toBe(false);
  });

  it('anchor at the root with $', () => {
    expect(matches('$.id', ['id'])).toBe(true);
    expect(matches('$.id', ['data', 'object', 'id'])).toBe(false);
    expect(matches('$id', ['id'])).toBe(true);
  });

  it('support globs, indices and quoted keys', () => {
    expect(matches('*_at', ['status_transitions', 'paid_at'])).toBe(true);
    expect(matches('*_at', ['status', 'paid'])).toBe(false);
    expect(matches('lines.data[*].id', ['lines', 'data', 7, 'id'])).toBe(true);
    expect(matches('lines.data[0].id', ['lines', 'data', 1, 'id'])).toBe(false);
    expect(matches('lines.data[1]', ['lines', 'data', 1, 'id'])).toBe(true);
    expect(matches('data.*.id', ['data', 'object', 'id'])).toBe(true);
    expect(matches('$.data.**.id', ['data', 'a', 'b', 'id'])).toBe(true);
    expect(matches('["a b"].c', ['a b', 'c'])).toBe(true);
    expect(matches('名前', ['x', '名前'])).toBe(true);
  });

  it('reject malformed rules with a message', () => {
    expect(validatePathRule('')).toBe('The path is empty.');
    expect(validatePathRule('a[b]')).toMatch(/inside \[\]/);
    expect(validatePathRule('a[0')).toMatch(/Unclosed/);
    expect(validatePathRule('data.object.amount')).toBeNull();
    expect(validateHeaderRule('X-Trace-*')).toBeNull();
    expect(validateHeaderRule('bad header')).toMatch(/not a header name/);
  });
});

describe('compileNoise', () => {
  it('combines presets and user rules', () => {
    const off = compileNoise(DEFAULT_NOISE_PREFS);
    expect(off.active).toBe(false);
    expect(off.jsonPath(['created'])).toBe(false);

    const on = compileNoise({
      presets: { timestamps: true, ids: true, signatures: true },
      jsonPaths: ['data.object.metadata'],
      headers: ['X-Custom-*'],
    });
    expect(on.jsonPath(['created'])).toBe(true);
    expect(on.jsonPath(['data', 'object', 'updated_at'])).toBe(true);
    expect(on.jsonPath(['request', 'idempotency_key'])).toBe(true);
    expect(on.jsonPath(['data', 'object', 'lines', 'data', 3, 'id'])).toBe(true);
    expect(on.jsonPath(['data', 'object', 'metadata', 'plan'])).toBe(true);
    expect(on.jsonPath(['data', 'object', 'amount'])).toBe(false);
    expect(on.header('Date')).toBe(true);
    expect(on.header('stripe-signature')).toBe(true);
    expect(on.header('X-B3-TraceId')).toBe(true);
    expect(on.header('x-custom-thing')).toBe(true);
    expect(on.header('Content-Type')).toBe(false);
  });

  it('skips malformed stored rules instead of failing', () => {
    const m = compileNoise({ ...DEFAULT_NOISE_PREFS, jsonPaths: ['a[', 'b'] });
    expect(m.jsonPath(['b'])).toBe(true);
    expect(m.jsonPath(['a'])).toBe(false);
  });
});

describe('ruleForPath', () => {
  it('makes an anchored rule that matches the path and its siblings in other array items', async () => {
    const { ruleForPath } = await import('./json-path');
    const path: PathSegment[] = ['data', 'object', 'lines', 'data', 2, 'a b'];
    const rule = ruleForPath(path);
    expect(rule).toBe('$.data.object.lines.data[*]["a b"]');
    expect(matches(rule!, path)).toBe(true);
    expect(matches(rule!, ['data', 'object', 'lines', 'data', 5, 'a b'])).toBe(true);
    expect(matches(rule!, ['x', 'data', 'object', 'lines', 'data', 5, 'a b'])).toBe(false);
    expect(ruleForPath([])).toBeNull();
  });
});
