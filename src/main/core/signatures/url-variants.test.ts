import { describe, expect, it } from 'vitest';
import { findUrlMismatch, urlVariants } from './url-variants';

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
});
