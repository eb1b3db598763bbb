import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../shared/capture';
import { detectProviders, PROVIDERS } from '../signatures/registry';
import { makeRecord } from '../store/test-support/records';
import { signingProvider, VALUE_SENSITIVE_HEADERS } from './classify';

const BODY = Buffer.from('{"id":"evt_1","type":"ping"}');

describe('signing provider detection on the capture path', () => {
  it('is decided by header names alone for every provider that can sign, but the listed value-sensitive ones', () => {
    for (const p of PROVIDERS) {
      if (!p.sign) continue;
      const headers: HeaderPair[] = [
        ['Content-Type', 'application/json'],
        ...p.sign({ secret: 'whsec_dGVzdHNlY3JldA==', body: BODY, id: 'msg_1', url: 'https://example.test/h' }),
      ];
      const blanked = headers.map(([n, v]): HeaderPair => [n, VALUE_SENSITIVE_HEADERS.has(n.toLowerCase()) ? v : 'x']);
      const ids = (h: HeaderPair[]) => detectProviders({ method: 'POST', headers: h, body: BODY }).map((d) => d.id);
      expect(ids(blanked), p.id).toEqual(ids(headers));
    }
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
          detectProviders({ method: 'POST', headers, body: BODY })[0]?.id,
        );
      }
    expect(signingProvider(makeRecord('{}', { headers: [['X-Hub-Signature', 'sha1=00']] }))?.id).toBe('intercom');
  });
});
