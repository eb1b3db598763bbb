import { describe, expect, it } from 'vitest';
import { DEFAULT_ENDPOINT_ID } from '../../../shared/capture';
import { routeEndpointId, slugOfUrl } from './routing';
import { checkSlug, slugify } from './slug';

const slugs = new Map([
  ['stripe-dev', 'ep_stripe'],
  ['github-app', 'ep_github'],
]);

describe('endpoint routing', () => {
  it('matches the /e/<slug> prefix followed by a path, a query or nothing', () => {
    expect(routeEndpointId('/e/stripe-dev/hook', slugs)).toBe('ep_stripe');
    expect(routeEndpointId('/e/stripe-dev', slugs)).toBe('ep_stripe');
    expect(routeEndpointId('/e/stripe-dev?x=1', slugs)).toBe('ep_stripe');
    expect(routeEndpointId('/e/github-app/a/b/c?x=/e/stripe-dev/', slugs)).toBe('ep_github');
  });

  it('does not match a slug that is only a prefix of the segment', () => {
    expect(routeEndpointId('/e/stripe-devx/hook', slugs)).toBe(DEFAULT_ENDPOINT_ID);
    expect(routeEndpointId('/e/stripe/hook', slugs)).toBe(DEFAULT_ENDPOINT_ID);
  });

  it('sends unknown slugs and other paths to the default endpoint', () => {
    expect(routeEndpointId('/e/nope/hook', slugs)).toBe(DEFAULT_ENDPOINT_ID);
    expect(routeEndpointId('/stripe-dev/hook', slugs)).toBe(DEFAULT_ENDPOINT_ID);
    expect(routeEndpointId('/', slugs)).toBe(DEFAULT_ENDPOINT_ID);
    expect(routeEndpointId('/e/', slugs)).toBe(DEFAULT_ENDPOINT_ID);
    expect(routeEndpointId('/e//stripe-dev', slugs)).toBe(DEFAULT_ENDPOINT_ID);
    expect(routeEndpointId('*', slugs)).toBe(DEFAULT_ENDPOINT_ID);
  });

  it('decodes percent-encoded slugs and ignores case', () => {
    expect(routeEndpointId('/e/stripe%2Ddev/hook', slugs)).toBe('ep_stripe');
    expect(routeEndpointId('/e/%73tripe-dev', slugs)).toBe('ep_stripe');
    expect(routeEndpointId('/e/Stripe-Dev/hook', slugs)).toBe('ep_stripe');
  });

  it('sends malformed percent-encoding to the default endpoint instead of throwing', () => {
    expect(slugOfUrl('/e/%E0%A4%A/x')).toBeNull();
    expect(routeEndpointId('/e/%zz/x', slugs)).toBe(DEFAULT_ENDPOINT_ID);
  });
});

describe('slugs', () => {
  it('derives URL-safe slugs from names', () => {
    expect(slugify('Stripe Dev')).toBe('stripe-dev');
    expect(slugify('  GitHub App (prod)! ')).toBe('github-app-prod');
    expect(slugify('Café')).toBe('cafe');
  });

  it('rejects slugs that would not survive a URL', () => {
    expect(() => checkSlug('a/b')).toThrow(expect.objectContaining({ field: 'slug' }));
    expect(() => checkSlug('')).toThrow(expect.objectContaining({ field: 'slug' }));
    expect(() => checkSlug('-x')).toThrow(expect.objectContaining({ field: 'slug' }));
    expect(checkSlug('ok_1-2')).toBe('ok_1-2');
  });
});
