import { describe, expect, it } from 'vitest';
import { prettyJson } from './pretty-json';

describe('prettyJson', () => {
  it('indents like JSON.stringify where values survive parsing', () => {
    for (const text of [
      '{"a":1,"b":[1,2,{"c":"x\\\\\\"y"}],"d":{},"e":[],"f":null,"g":true,"h":-1.5}',
      '[ ]',
      '"s"',
      '42',
      '[{"k":"a,b:c]}"}]',
    ]) {
      expect(prettyJson(text)).toBe(JSON.stringify(JSON.parse(text), null, 2));
    }
  });

  it('keeps digits, key order and duplicate keys exactly as sent', () => {
    expect(prettyJson('{"big":12345678901234567890123,"a":1,"a":2, "e":1.0}')).toBe(
      '{\n  "big": 12345678901234567890123,\n  "a": 1,\n  "a": 2,\n  "e": 1.0\n}',
    );
  });

  it('is null for text that is not JSON', () => {
    expect(prettyJson('{"a":')).toBeNull();
    expect(prettyJson('  ')).toBeNull();
  });
});
