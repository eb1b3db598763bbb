import { describe, expect, it } from 'vitest';
import { applyNoise } from './apply-noise';
import { STRUCTURAL_DIFF_MAX_BYTES } from './body-diff';
import { compareCaptures } from './compare-captures';
import { comparisonText } from './comparison-text';
import { compileNoise, DEFAULT_NOISE_PREFS } from './noise-rules';
import { jsonRecord, record } from './test-helpers';
import { splitLines } from './text-diff';

const base64 = (bytes: number[]): string => btoa(String.fromCharCode(...bytes));

describe('compareCaptures: summary and headers', () => {
  it('summarises the request line, status, size and time between', () => {
    const left = jsonRecord('a', '{}', [], { url: '/hook?x=1&y=2', receivedAt: '2026-01-01T00:00:00.000Z' });
    const right = jsonRecord('b', '{"a":1}', [], {
      url: '/hook?x=1&y=3&z',
      receivedAt: '2026-01-01T00:00:02.500Z',
      response: { status: 500, ms: 2 },
    });
    const cmp = compareCaptures(left, right);
    expect(cmp.elapsedMs).toBe(2500);
    const rows = Object.fromEntries(cmp.summary.map((r) => [r.field, [r.left, r.right, r.same]]));
    expect(rows.method).toEqual(['POST', 'POST', true]);
    expect(rows.path).toEqual(['/hook', '/hook', true]);
    expect(rows.query).toEqual(['x=1&y=2', 'x=1&y=3&z', false]);
    expect(rows.status).toEqual(['200', '500', false]);
    expect(rows.size).toEqual(['2 bytes', '7 bytes', false]);
    expect(cmp.query.map((c) => `${c.kind} ${c.name}`)).toEqual(['changed y', 'added z']);
  });

  it('compares header names case-insensitively and shows their original case', () => {
    const left = jsonRecord('a', '{}', [
      ['Stripe-Signature', 't=1,v1=aa'],
      ['X-Old', 'gone'],
      ['Accept', 'a'],
      ['X-Multi', '1'],
      ['x-case', 'same'],
    ]);
    const right = jsonRecord('b', '{}', [
      ['stripe-signature', 't=2,v1=bb'],
      ['X-New', 'here'],
      ['Accept', 'a'],
      ['X-Multi', '1'],
      ['X-Multi', '2'],
      ['X-Case', 'same'],
    ]);
    const cmp = compareCaptures(left, right);
    expect(cmp.headers).toEqual([
      {
        kind: 'changed',
        name: 'stripe-signature',
        before: ['t=1,v1=aa'],
        after: ['t=2,v1=bb'],
        leftLine: 2,
        rightLine: 2,
      },
      { kind: 'removed', name: 'X-Old', before: ['gone'], leftLine: 3, rightLine: 0 },
      { kind: 'changed', name: 'X-Multi', before: ['1'], after: ['1', '2'], leftLine: 5, rightLine: 5 },
      { kind: 'added', name: 'X-New', after: ['here'], leftLine: 0, rightLine: 3 },
    ]);
    expect(cmp.notes.map((n) => n.kind)).toEqual(['header-case', 'header-case']);
  });
});

describe('compareCaptures: bodies', () => {
  it('compares JSON above the structural limit as text, and says so', () => {
    const big = (n: number): string => JSON.stringify({ n, pad: 'x'.repeat(STRUCTURAL_DIFF_MAX_BYTES) });
    const body = compareCaptures(jsonRecord('a', big(1)), jsonRecord('b', big(2))).body;
    expect(body.kind).toBe('text');
    expect(body.notes).toContainEqual({
      kind: 'fallback',
      message: 'Structural diff skipped above 5 MB; text diff shown.',
    });
    const small = compareCaptures(
      jsonRecord('a', JSON.stringify({ n: 1 })),
      jsonRecord('b', JSON.stringify({ n: 2 })),
    ).body;
    expect(small.kind).toBe('json');
  });

  it('JSON bodies: structural changes with the lines they sit on in the pretty texts', () => {
    const left = jsonRecord('a', '{"id":"evt_1","created":1,"data":{"object":{"amount":1000,"metadata":{}}}}');
    const right = jsonRecord(
      'b',
      '{"data":{"object":{"metadata":{"plan":"pro"},"amount":2000}},"created":2,"id":"evt_1"}',
    );
    const cmp = compareCaptures(left, right);
    if (cmp.body.kind !== 'json') throw new Error(cmp.body.kind);
    const leftLines = splitLines(cmp.body.leftText);
    const rightLines = splitLines(cmp.body.rightText);
    expect(
      cmp.body.changes.map((c) => [c.path, leftLines[c.leftLine - 1].trim(), rightLines[c.rightLine - 1].trim()]),
    ).toEqual([
      ['created', '"created": 1,', '"created": 2,'],
      ['data.object.amount', '"amount": 1000,', '"amount": 2000,'],
      // Missing on the left: the line of its parent there.
      ['data.object.metadata.plan', '"metadata": {}', '"plan": "pro"'],
    ]);
    // The right side follows the left's key order, so a line diff lines up with the structure.
    expect(rightLines[1].trim()).toBe('"id": "evt_1",');
  });

  it('invalid JSON on one side falls back to a line diff with a note', () => {
    const cmp = compareCaptures(jsonRecord('a', '{"a":1,\n"b":2'), jsonRecord('b', '{"a":1,\n"b":3}'));
    expect(cmp.body.kind).toBe('text');
    expect(cmp.body.notes).toEqual([
      {
        kind: 'invalid-json',
        side: 'left',
        message: 'Not valid JSON: Expected "," or "}" in an object at line 2, column 6.',
      },
      { kind: 'fallback', message: 'Compared as text lines because one side is not valid JSON.' },
    ]);
    if (cmp.body.kind !== 'text') return;
    expect(cmp.body.changes).toEqual([
      { kind: 'changed', leftLine: 2, leftCount: 1, rightLine: 2, rightCount: 1, before: '"b":2', after: '"b":3}' },
    ]);
  });

  it('reports duplicate keys in the raw JSON as notes', () => {
    const cmp = compareCaptures(jsonRecord('a', '{"amount":1,"amount":2}'), jsonRecord('b', '{"amount":2}'));
    if (cmp.body.kind !== 'json') throw new Error(cmp.body.kind);
    expect(cmp.body.changes).toEqual([]);
    expect(cmp.body.notes).toEqual([{ kind: 'duplicate-key', side: 'left', path: 'amount', at: ['amount'] }]);
  });

  it('form-encoded bodies diff as decoded fields', () => {
    const form = (id: string, text: string) =>
      record({
        id,
        headers: [['Content-Type', 'application/x-www-form-urlencoded']],
        body: { size: text.length, encoding: 'utf8', text },
      });
    const cmp = compareCaptures(
      form('a', 'amount=10&note=hello+world&tag=a&tag=b&gone=1'),
      form('b', 'note=hello%20world&amount=20&tag=a&new=%E2%82%AC'),
    );
    if (cmp.body.kind !== 'form') throw new Error(cmp.body.kind);
    expect(cmp.body.changes.map((c) => [c.kind, c.name, c.before, c.after])).toEqual([
      ['changed', 'amount', ['10'], ['20']],
      ['changed', 'tag', ['a', 'b'], ['a']],
      ['removed', 'gone', ['1'], undefined],
      ['added', 'new', undefined, ['€']],
    ]);
    expect(splitLines(cmp.body.rightText)).toEqual(['note=hello world', 'amount=20', 'tag=a', 'new=€']);
  });

  it('other text diffs by line: an inserted line is one hunk', () => {
    const text = (id: string, t: string) =>
      record({ id, headers: [['Content-Type', 'text/plain']], body: { size: t.length, encoding: 'utf8', text: t } });
    const cmp = compareCaptures(text('a', 'one\ntwo\nthree\nfour'), text('b', 'one\ntwo\nTWO AND A HALF\nthree\nfour'));
    if (cmp.body.kind !== 'text') throw new Error(cmp.body.kind);
    expect(cmp.body.changes).toEqual([
      { kind: 'added', leftLine: 3, leftCount: 0, rightLine: 3, rightCount: 1, after: 'TWO AND A HALF' },
    ]);
  });

  it('binary bodies compare by size and SHA-256', () => {
    const bin = (id: string, bytes: number[]) =>
      record({ id, body: { size: bytes.length, encoding: 'base64', text: base64(bytes) } });
    const cmp = compareCaptures(bin('a', [0xff, 0xfe, 0x00]), bin('b', [0xff, 0xfe, 0x01, 0x02]));
    expect(cmp.body).toMatchObject({ kind: 'binary', equal: false, left: { size: 3 }, right: { size: 4 } });
    const same = compareCaptures(bin('a', [0xff, 0x00]), bin('b', [0xff, 0x00]));
    expect(same.body).toMatchObject({ kind: 'binary', equal: true });
    if (same.body.kind === 'binary') expect(same.body.left.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('bodies of different kinds compare as text with a note', () => {
    const left = record({
      id: 'a',
      headers: [['Content-Type', 'application/x-www-form-urlencoded']],
      body: { size: 3, encoding: 'utf8', text: 'a=1' },
    });
    const right = record({
      id: 'b',
      headers: [['Content-Type', 'text/plain']],
      body: { size: 3, encoding: 'utf8', text: 'a=2' },
    });
    const cmp = compareCaptures(left, right);
    expect(cmp.body.kind).toBe('text');
    expect(cmp.body.notes).toEqual([
      { kind: 'fallback', message: 'Left is form fields, right is text: compared as text lines.' },
    ]);
  });

  it('two empty bodies are simply empty', () => {
    expect(compareCaptures(record({ id: 'a' }), record({ id: 'b' })).body).toEqual({ kind: 'empty', notes: [] });
  });
});

describe('applyNoise and comparisonText', () => {
  const left = jsonRecord(
    'a',
    '{"id":"evt_1","created":1,"data":{"object":{"amount":1000}},"request":{"idempotency_key":"k1"}}',
    [
      ['Date', 'Mon'],
      ['Stripe-Signature', 't=1'],
    ],
  );
  const right = jsonRecord(
    'b',
    '{"id":"evt_2","created":2,"data":{"object":{"amount":2000}},"request":{"idempotency_key":"k2"}}',
    [
      ['Date', 'Tue'],
      ['Stripe-Signature', 't=2'],
    ],
  );

  it('hides changes matching the chosen presets and counts them', () => {
    const cmp = compareCaptures(left, right);
    const none = applyNoise(cmp, compileNoise(DEFAULT_NOISE_PREFS));
    expect(none.body.kind === 'json' && none.body.changes.map((c) => c.path)).toEqual([
      'id',
      'created',
      'data.object.amount',
      'request.idempotency_key',
    ]);
    const ts = applyNoise(
      cmp,
      compileNoise({ ...DEFAULT_NOISE_PREFS, presets: { timestamps: true, ids: false, signatures: false } }),
    );
    expect(ts.body.kind === 'json' && ts.body.changes.map((c) => c.path)).toEqual([
      'id',
      'data.object.amount',
      'request.idempotency_key',
    ]);
    expect(ts.headers.map((h) => h.name)).toEqual(['Stripe-Signature']);
    expect(ts.hidden).toEqual({ query: 0, headers: 1, body: 1 });
    const all = applyNoise(
      cmp,
      compileNoise({ jsonPaths: [], headers: [], presets: { timestamps: true, ids: true, signatures: true } }),
    );
    expect(all.body.kind === 'json' && all.body.changes.map((c) => c.path)).toEqual(['data.object.amount']);
    expect(all.headers).toEqual([]);
  });

  it('copies as text in the words the view uses', () => {
    const cmp = applyNoise(
      compareCaptures(left, right),
      compileNoise({ ...DEFAULT_NOISE_PREFS, presets: { timestamps: true, ids: false, signatures: false } }),
    );
    const text = comparisonText(cmp);
    expect(text).toContain('  data.object.amount: 1000 → 2000');
    expect(text).toContain('  id: "evt_1" → "evt_2"');
    expect(text).toContain('  Stripe-Signature: t=1 → t=2');
    expect(text).toContain('(1 hidden by noise rules)');
    expect(text).not.toContain('created');
  });
});
