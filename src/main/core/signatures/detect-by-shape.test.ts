import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../shared/capture';
import { detectByShape } from './detect-by-shape';
import { detectProviders } from './registry';
import { signedDeliveries } from './test-support/signed-deliveries';
import type { Provider } from './types';

const ids = (providers: readonly Provider[]): string[] => providers.map((p) => p.id);
const fresh = (method: string, headers: HeaderPair[]): string[] =>
  ids(detectProviders({ method, headers, body: Buffer.alloc(0) }));

describe('provider detection remembered per header shape', () => {
  it('gives the whole ranked list a fresh detection gives, for every signing provider, on new deliveries too', () => {
    // Round 0 fills the memory; round 1 signs other deliveries (secret, id, time) whose shapes must
    // lead to the same full answer as asking every provider again.
    let checked = 0;
    for (const { provider, round, headers } of signedDeliveries()) {
      for (const method of ['POST', 'PUT']) {
        expect(ids(detectByShape(method, headers)), `${provider.id} ${method}, round ${round}`).toEqual(
          fresh(method, headers),
        );
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
