import { describe, expect, it } from 'vitest';
import { diffJson } from './json-diff';
import { changeList, node } from './test-helpers';

describe('diffJson: objects', () => {
  it('lists nested value changes, additions and removals by path', () => {
    const left = '{"data":{"object":{"amount":1000,"currency":"usd","metadata":{"order":"42"},"old":true}}}';
    const right = '{"data":{"object":{"amount":2000,"currency":"usd","metadata":{"order":"42","plan":"pro"}}}}';
    const diff = diffJson(node(left), node(right));
    expect(diff.changes.map((c) => [c.kind, c.path, c.before, c.after])).toEqual([
      ['changed', 'data.object.amount', '1000', '2000'],
      ['added', 'data.object.metadata.plan', undefined, '"pro"'],
      ['removed', 'data.object.old', 'true', undefined],
    ]);
    expect(diff.total).toBe(3);
  });

  it('ignores key order and whitespace', () => {
    expect(
      changeList('{"a":1,"b":{"c":[1,2],"d":null}}', '{ "b" : { "d" : null , "c" : [ 1 , 2 ] } ,\n "a" : 1 }'),
    ).toEqual([]);
  });

  it('tells null apart from a missing key', () => {
    expect(changeList('{"a":null,"b":1}', '{"b":1}')).toEqual(['removed a']);
    expect(changeList('{"b":1}', '{"a":null,"b":1}')).toEqual(['added a']);
    const diff = diffJson(node('{"a":null}'), node('{"a":0}'));
    expect(diff.changes).toMatchObject([
      { kind: 'changed', path: 'a', before: 'null', after: '0', typeChange: { from: 'null', to: 'number' } },
    ]);
  });

  it('reports type changes with both types', () => {
    const diff = diffJson(node('{"n":"1","o":{"x":1},"arr":[1]}'), node('{"n":1,"o":[1],"arr":{"0":1}}'));
    expect(diff.changes.map((c) => [c.path, c.typeChange])).toEqual([
      ['n', { from: 'string', to: 'number' }],
      ['o', { from: 'object', to: 'array' }],
      ['arr', { from: 'array', to: 'object' }],
    ]);
  });

  it('writes unicode and odd keys readably', () => {
    const left = '{"名前":"a","prix€":1,"a b":{"ключ":true},"__proto__":{"x":1}}';
    const right = '{"名前":"b","prix€":2,"a b":{"ключ":false},"__proto__":{"x":2}}';
    expect(changeList(left, right)).toEqual([
      'changed 名前',
      'changed ["prix€"]',
      'changed ["a b"].ключ',
      'changed __proto__.x',
    ]);
  });

  it('a root value change is reported at (root)', () => {
    expect(changeList('1', '2')).toEqual(['changed (root)']);
    expect(changeList('"a"', '{"a":1}')).toEqual(['changed (root)']);
  });
});

describe('diffJson: arrays', () => {
  it('an insertion in the middle is one added item, not a cascade', () => {
    expect(changeList('[1,2,3,4,5,6]', '[1,2,3,99,4,5,6]')).toEqual(['added [3]']);
    expect(changeList('{"items":["a","b","c","d"]}', '{"items":["a","b","X","c","d"]}')).toEqual(['added items[2]']);
  });

  it('a removal in the middle is one removed item', () => {
    expect(changeList('[1,2,3,4,5,6]', '[1,2,4,5,6]')).toEqual(['removed [2]']);
  });

  it('aligns objects by id and shows index shifts on changed items', () => {
    const left = '{"lines":[{"id":"il_1","amount":100},{"id":"il_2","amount":200},{"id":"il_3","amount":300}]}';
    const right =
      '{"lines":[{"id":"il_1","amount":100},{"id":"il_new","amount":50},{"id":"il_2","amount":250},{"id":"il_3","amount":300}]}';
    const diff = diffJson(node(left), node(right));
    expect(diff.changes.map((c) => `${c.kind} ${c.path}`)).toEqual(['added lines[1]', 'changed lines[1→2].amount']);
    expect(diff.changes[1]).toMatchObject({
      left: ['lines', 1, 'amount'],
      right: ['lines', 2, 'amount'],
      before: '200',
      after: '250',
    });
  });

  it('aligns id-less objects by content and compares a modified one field by field', () => {
    const left = '[{"sku":"a","qty":1},{"sku":"b","qty":1},{"sku":"c","qty":1}]';
    const right = '[{"sku":"a","qty":1},{"sku":"new","qty":9,"gift":true},{"sku":"b","qty":2},{"sku":"c","qty":1}]';
    // "b" changed and "new" was inserted before it: the pairing follows similarity, not position.
    expect(changeList(left, right)).toEqual(['added [1]', 'changed [1→2].qty']);
  });

  it('reports an identical item found elsewhere as moved', () => {
    expect(changeList('[1,2,3]', '[3,1,2]')).toEqual(['moved [2→0]']);
    const left = '[{"id":"a","v":1},{"id":"b","v":2},{"id":"c","v":3}]';
    const right = '[{"id":"c","v":3},{"id":"a","v":1},{"id":"b","v":20}]';
    // Listed in the left document's order.
    expect(changeList(left, right)).toEqual(['changed [1→2].v', 'moved [2→0]']);
  });

  it('pairs same-position replacements as changes', () => {
    expect(changeList('["a","b","c"]', '["a","B","c"]')).toEqual(['changed [1]']);
    expect(changeList('[[1,2],[3,4]]', '[[1,2],[3,5]]')).toEqual(['changed [1][1]']);
  });

  it('handles empty arrays on either side', () => {
    expect(changeList('[]', '[1,2]')).toEqual(['added [0]', 'added [1]']);
    expect(changeList('[1,2]', '[]')).toEqual(['removed [0]', 'removed [1]']);
  });
});

describe('diffJson: numbers', () => {
  it('numbers that differ only in formatting are equal, with a note', () => {
    const diff = diffJson(node('{"a":1.0,"b":1e3,"c":-0,"d":[2.50]}'), node('{"a":1,"b":1000,"c":0,"d":[2.5]}'));
    expect(diff.changes).toEqual([]);
    expect(
      diff.notes.map((n) => [
        n.kind,
        'path' in n ? n.path : '',
        'left' in n ? n.left : '',
        'right' in n ? n.right : '',
      ]),
    ).toEqual([
      ['number-format', 'a', '1.0', '1'],
      ['number-format', 'b', '1e3', '1000'],
      ['number-format', 'c', '-0', '0'],
      ['number-format', 'd[0]', '2.50', '2.5'],
    ]);
  });

  it('integers beyond double precision still differ, with a note', () => {
    const diff = diffJson(node('{"big":9007199254740993}'), node('{"big":9007199254740992}'));
    expect(diff.changes).toMatchObject([
      { kind: 'changed', path: 'big', before: '9007199254740993', after: '9007199254740992' },
    ]);
    expect(diff.notes).toMatchObject([{ kind: 'number-precision', path: 'big' }]);
  });

  it('keeps literals as written in previews', () => {
    const diff = diffJson(node('{"x":1.50}'), node('{"x":1.75}'));
    expect(diff.changes[0]).toMatchObject({ before: '1.50', after: '1.75' });
  });
});

describe('diffJson: limits', () => {
  it('caps the listed changes but counts them all', () => {
    const left = JSON.stringify(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i])));
    const right = JSON.stringify(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i + 1])));
    const diff = diffJson(node(left), node(right), { maxChanges: 10 });
    expect(diff.changes).toHaveLength(10);
    expect(diff.total).toBe(50);
  });

  it('shortens long string previews', () => {
    const long = 'x'.repeat(500);
    const diff = diffJson(node(`{"s":"${long}"}`), node('{"s":"y"}'));
    expect(diff.changes[0].before).toBe(`"${'x'.repeat(80)}…"`);
  });
});
