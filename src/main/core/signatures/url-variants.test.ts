import { describe, expect, it } from 'vitest';
import { findUrlMismatch, resolveSignedUrl, urlVariants } from './url-variants';

describe('url variants', () => {
  it('offers scheme, port, trailing-slash and query neighbours, never the URL itself', () => {
    const url = 'http://abc.example.com:8080/hooks/in?x=1';
    const urls = urlVariants(url).map((v) => v.url);
    expect(urls).not.toContain(url);
    for (const u of [
      'https://abc.example.com:8080/hooks/in?x=1',
      'https://abc.example.com/hooks/in?x=1',
      'http://abc.example.com/hooks/in?x=1',
      'http://abc.example.com:8080/hooks/in/?x=1',
      'http://abc.example.com:8080/hooks/in',
    ]) {
      expect(urls).toContain(u);
    }
    expect(new Set(urls).size).toBe(urls.length);
    expect(urlVariants('not a url')).toEqual([]);
  });

  it('names the neighbour that matches', () => {
    const r = findUrlMismatch('p', 'http://h.test/a/', (u) => u === 'https://h.test/a');
    expect(r).toMatchObject({ valid: false, failure: 'url_mismatch' });
    expect(r!.reason).toContain('https://h.test/a (with https://, without the trailing slash)');
    expect(findUrlMismatch('p', 'http://h.test/a', () => false)).toBeUndefined();
  });

  it('resolves the signed URL from a given one or, saying so, from the Host header', () => {
    const req = (url: string | undefined, headers: [string, string][] = []) => ({
      method: 'POST',
      url,
      headers,
      body: Buffer.alloc(0),
    });
    expect(resolveSignedUrl(req('/x'), { secret: '', url: 'http://a.test/y' })).toEqual({ url: 'http://a.test/y' });
    const rebuilt = resolveSignedUrl(
      req('/hook?q=1', [
        ['Host', 'h.test'],
        ['X-Forwarded-Proto', 'http, https'],
      ]),
      { secret: '' },
    );
    expect(rebuilt?.url).toBe('http://h.test/hook?q=1');
    expect(rebuilt?.assumption).toContain('assumed to be http://h.test/hook?q=1');
    expect(
      resolveSignedUrl(
        req('/hook', [
          ['x-forwarded-host', 'pub.test'],
          ['host', 'local'],
        ]),
        { secret: '' },
      )?.url,
    ).toBe('https://pub.test/hook');
    expect(resolveSignedUrl(req('/hook'), { secret: '' })).toBeUndefined();
    expect(resolveSignedUrl(req(undefined, [['host', 'h']]), { secret: '' })).toBeUndefined();
  });
});
