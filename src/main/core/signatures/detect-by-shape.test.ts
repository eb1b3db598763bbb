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

  it('answers one delivery after another that differs from it in one value shape, or one name, afresh', () => {
    const base: HeaderPair[] = [
      ['Host', 'hooks.example'],
      ['User-Agent', 'GitHub-Hookshot/abc1234'],
      ['Content-Type', 'application/json'],
    ];
    // Each list follows the one before it; every answer must equal asking every provider again.
    const asked: HeaderPair[][] = [
      [...base, ['X-Hub-Signature', `sha1=${'a'.repeat(40)}`]],
      [...base, ['X-Hub-Signature', `sha1=${'b'.repeat(40)}`]],
      [...base, ['X-Hub-Signature', `sha256=${'c'.repeat(64)}`]],
      [...base, ['X-Hub-Signature', `sha256=${'c'.repeat(64)}`], ['X-GitHub-Event', 'push']],
      [...base, ['X-Hub-Signature-256', `sha256=${'c'.repeat(64)}`]],
      [...base, ['X-Event-Key', `sha256=${'c'.repeat(64)}`]],
      [
        ['Host', 'hooks.example'],
        ['User-Agent', 'Segment.io/1.0'],
        ['Content-Type', 'application/json'],
        ['X-Signature', 'a'.repeat(40)],
      ],
      [
        ['Host', 'hooks.example'],
        ['User-Agent', 'curl/8.5.0'],
        ['Content-Type', 'application/json'],
        ['X-Signature', 'a'.repeat(40)],
      ],
    ];
    const answers = asked.map((headers) => {
      // A new list each time, with new strings, as the listener builds it.
      const copy = headers.map(([n, v]): HeaderPair => [`${n} `.trimEnd(), `${v} `.trimEnd()]);
      const got = ids(detectByShape('POST', copy));
      expect(got, JSON.stringify(headers.at(-1))).toEqual(fresh('POST', headers));
      return got.join(',');
    });
    // The sequence is only a test if the answers do change along it.
    expect(new Set(answers).size).toBeGreaterThanOrEqual(4);
  });
});
