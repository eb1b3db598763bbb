import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../shared/capture';
import { detectProviders } from '../signatures/registry';
import { signedDeliveries } from '../signatures/test-support/signed-deliveries';
import { makeRecord } from '../store/test-support/records';
import { headerValueShape } from '../signatures/detect-by-shape';
import { signingProvider } from './classify';

describe('signing provider detection on the capture path', () => {
  it('remembers an answer per header shape that a fresh detection of another delivery agrees with, for every signing provider', () => {
    const fresh = (headers: HeaderPair[]) => detectProviders({ method: 'POST', headers, body: Buffer.alloc(0) })[0]?.id;
    // Round 0 fills the cache with every provider's deliveries; round 1 signs new ones (another
    // secret, id and time), so a shape that two providers share, or that loses what a detect reads,
    // gives a remembered answer that differs from the fresh one.
    for (const { provider, round, headers } of signedDeliveries()) {
      expect(signingProvider(makeRecord('{}', { headers }))?.id, `${provider.id}, round ${round}`).toBe(fresh(headers));
    }
  });

  it('shapes away what changes per delivery and keeps what detection reads', () => {
    expect(headerValueShape('t=1700000000,v1=' + 'ab'.repeat(32))).toBe(
      headerValueShape('t=1700000977,v1=' + 'cd'.repeat(32)),
    );
    expect(headerValueShape('sha1=' + 'a'.repeat(40))).not.toBe(headerValueShape('sha256=' + 'a'.repeat(64)));
    expect(headerValueShape('Basic dXNlcjpwYXNzd29yZA==')).not.toBe(headerValueShape('Bearer dXNlcjpwYXNzd29yZA=='));
  });

  it('gives the same answer as the registry, remembered or not, and tells Intercom from GitHub and Bitbucket', () => {
    const cases: HeaderPair[][] = [
      [['Stripe-Signature', 't=1,v1=00']],
      [['X-Hub-Signature', 'sha1=00']],
      [
        ['X-Hub-Signature', 'sha256=00'],
        ['X-Event-Key', 'repo:push'],
      ],
      [
        ['X-Hub-Signature', 'sha1=00'],
        ['X-GitHub-Event', 'push'],
      ],
      [['x-hub-signature', ' SHA1=00']],
      [['X-Custom', '1']],
    ];
    for (let round = 0; round < 2; round += 1)
      for (const headers of cases) {
        const record = makeRecord('{}', { headers });
        expect(signingProvider(record)?.id, JSON.stringify(headers)).toBe(
          detectProviders({ method: 'POST', headers, body: Buffer.from('{}') })[0]?.id,
        );
      }
    expect(signingProvider(makeRecord('{}', { headers: [['X-Hub-Signature', 'sha1=00']] }))?.id).toBe('intercom');
  });
});
