import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../shared/capture';
import { detectByShape } from './detect-by-shape';
import { detectProviders, PROVIDERS } from './registry';
import type { Provider, SignOptions } from './types';

const BODY = Buffer.from('{"id":"evt_1","type":"ping"}');
const ids = (providers: readonly Provider[]): string[] => providers.map((p) => p.id);
const fresh = (method: string, headers: HeaderPair[]): string[] =>
  ids(detectProviders({ method, headers, body: Buffer.alloc(0) }));

function signed(p: Provider, opts: Omit<SignOptions, 'secret'>, secret: string): HeaderPair[] | undefined {
  for (const form of [`whsec_${secret}`, secret, `hooklens:${secret}`]) {
    try {
      return p.sign!({ ...opts, secret: form });
    } catch {
      // that provider refuses this form of secret; try the next
    }
  }
  return undefined;
}

describe('provider detection remembered per header shape', () => {
  it('gives the whole ranked list a fresh detection gives, for every signing provider, on new deliveries too', () => {
    // Round 0 fills the memory; round 1 signs other deliveries (secret, id, time) whose shapes must
    // lead to the same full answer as asking every provider again.
    let checked = 0;
    for (const [round, secret] of ['dGVzdHNlY3JldA==', 'b3RoZXJzZWNyZXQx'].entries())
      for (const p of PROVIDERS) {
        if (!p.sign) continue;
        const opts = {
          body: BODY,
          id: `msg_${round}${p.id}`,
          url: 'https://example.test/h',
          timestamp: 1_700_000_000 + round * 977,
        };
        const headers = signed(p, opts, secret);
        if (!headers) continue;
        const all: HeaderPair[] = [['Content-Type', 'application/json'], ...headers];
        for (const method of ['POST', 'PUT']) {
          expect(ids(detectByShape(method, all)), `${p.id} ${method}, round ${round}`).toEqual(fresh(method, all));
          checked += 1;
        }
      }
    expect(checked).toBeGreaterThan(40);
  });

  it('answers a request no provider claims with an empty list, and several claimants in ranked order', () => {
    const none: HeaderPair[] = [['X-Custom', '1']];
    expect(detectByShape('POST', none)).toEqual([]);
    const shared: HeaderPair[] = [['X-Hub-Signature', 'sha1=00']];
    for (let round = 0; round < 2; round += 1)
      expect(ids(detectByShape('POST', shared))).toEqual(fresh('POST', shared));
  });
});
