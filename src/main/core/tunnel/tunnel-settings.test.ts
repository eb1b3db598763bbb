import { describe, expect, it } from 'vitest';
import { HooklensError } from '../../../shared/errors';
import { applyOverrides, normalizeSubdomain, normalizeTunnelHost, validateTunnelPatch } from './tunnel-settings';

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof HooklensError ? err.code : 'not-a-hooklens-error';
  }
}

describe('tunnel settings validation', () => {
  it('keeps a bare http(s) origin and drops the trailing slash', () => {
    expect(normalizeTunnelHost(' https://localtunnel.me/ ')).toBe('https://localtunnel.me');
    expect(normalizeTunnelHost('http://localhost:4000')).toBe('http://localhost:4000');
  });

  it('refuses hosts that are not bare http(s) origins', () => {
    for (const bad of [
      'localtunnel.me',
      'ftp://x.org',
      'https://a.b/path',
      'https://u:p@a.b',
      'https://a.b/?q=1',
      '',
    ]) {
      expect(codeOf(() => normalizeTunnelHost(bad))).toBe('invalid_argument');
    }
  });

  it('accepts subdomains localtunnel servers accept and lower-cases them', () => {
    expect(normalizeSubdomain('')).toBe('');
    expect(normalizeSubdomain('  MyHooks ')).toBe('myhooks');
    expect(normalizeSubdomain('my-hooks-2')).toBe('my-hooks-2');
    expect(normalizeSubdomain('a'.repeat(63))).toBe('a'.repeat(63));
  });

  it('refuses subdomains a server would refuse', () => {
    for (const bad of ['abc', '-hooks', 'hooks-', 'my_hooks', 'my.hooks', 'a'.repeat(64), 'ünïcode']) {
      expect(codeOf(() => normalizeSubdomain(bad))).toBe('invalid_argument');
    }
  });

  it('checks every field of a patch and refuses unknown keys', () => {
    expect(validateTunnelPatch({ enabled: false, host: 'https://lt.example.com/', subdomain: 'Hooks1' })).toEqual({
      enabled: false,
      host: 'https://lt.example.com',
      subdomain: 'hooks1',
    });
    expect(codeOf(() => validateTunnelPatch({ enabled: 'yes' }))).toBe('invalid_argument');
    expect(codeOf(() => validateTunnelPatch({ host: 3 }))).toBe('invalid_argument');
    expect(codeOf(() => validateTunnelPatch({ port: 1 }))).toBe('invalid_argument');
    expect(codeOf(() => validateTunnelPatch(null))).toBe('invalid_argument');
    expect(codeOf(() => validateTunnelPatch([]))).toBe('invalid_argument');
  });

  it('lets defined overrides win over saved values', () => {
    const saved = { enabled: true, host: 'https://localtunnel.me', subdomain: 'saved' };
    expect(applyOverrides(saved, { enabled: false, subdomain: undefined })).toEqual({ ...saved, enabled: false });
  });
});
