import { describe, expect, it } from 'vitest';
import { parseOptions, portOption, UsageError } from './cli-args';
import { resolveDataDir } from '../data-dir';

const spec = {
  port: { kind: 'string' },
  open: { kind: 'boolean' },
  header: { kind: 'list' },
} as const;

describe('command-line options', () => {
  it('reads values, inline values, repeated lists and negated flags', () => {
    expect(parseOptions(['--port', '80', '--no-open', '--header', 'A: 1', '--header=B: 2'], spec)).toEqual({
      port: '80',
      open: false,
      header: ['A: 1', 'B: 2'],
    });
    expect(parseOptions(['--open'], spec)).toEqual({ open: true });
  });

  it('rejects unknown options, missing values and stray arguments', () => {
    expect(() => parseOptions(['--prot', '80'], spec)).toThrow(UsageError);
    expect(() => parseOptions(['--port'], spec)).toThrow(/needs a value/);
    expect(() => parseOptions(['serve'], spec)).toThrow(/Unexpected argument/);
    expect(() => parseOptions(['--open=yes'], spec)).toThrow(/takes no value/);
  });

  it('validates ports', () => {
    expect(portOption('0', 'port')).toBe(0);
    expect(portOption(undefined, 'port')).toBeUndefined();
    expect(() => portOption('65536', 'port')).toThrow(UsageError);
    expect(() => portOption('8a', 'port')).toThrow(UsageError);
  });

  it('chooses the data directory: flag, then HOOKLENS_DATA_DIR, then ~/.hooklens', () => {
    expect(resolveDataDir('/tmp/a', { HOOKLENS_DATA_DIR: '/tmp/b' })).toBe('/tmp/a');
    expect(resolveDataDir(undefined, { HOOKLENS_DATA_DIR: '/tmp/b' })).toBe('/tmp/b');
    expect(resolveDataDir(undefined, {})).toMatch(/\.hooklens$/);
  });
});
