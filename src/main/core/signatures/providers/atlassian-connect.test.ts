import {
  createQueryStringHash,
  decodeSymmetric,
  encodeSymmetric,
  fromMethodAndUrl,
  SymmetricAlgorithm,
} from 'atlassian-jwt';
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { atlassianConnect, queryStringHash } from './atlassian-connect';

// Judged by atlassian-jwt, the library Atlassian Connect Express signs and verifies with.
const URL = 'https://app.example.com/webhooks/jira-issue-updated?user_id=557058%3Af1a2&issue=PROJ-1';
const SHARED = 'cfA0xMLzTIwCoqfJXpM3CvS3dH3qRx0nAEJqU2uqdjwqPEWp4R7I1mCb0WH2l3Xy';
const qsh = (url: string) => createQueryStringHash(fromMethodAndUrl('POST', url), false, 'https://app.example.com');

describe('atlassian-connect', () => {
  schemeCases({
    provider: atlassianConnect,
    secret: SHARED,
    wrongSecret: `${SHARED.slice(0, -1)}z`,
    body: JSON.stringify({
      timestamp: 1760000000000,
      webhookEvent: 'jira:issue_updated',
      issue_event_type_name: 'issue_generic',
      issue: { id: '10001', key: 'PROJ-1', fields: { summary: 'Crash on save' } },
    }),
    url: URL,
    delivery: [
      ['Content-Type', 'application/json'],
      ['User-Agent', 'Atlassian Webhook HTTP Client'],
      ['X-Atlassian-Webhook-Identifier', '1234-5678'],
    ],
    tamperedUrl: URL.replace('PROJ-1', 'PROJ-2'),
    reference: (_body, secret, t): HeaderPair[] => [
      [
        'Authorization',
        `JWT ${encodeSymmetric({ iss: 'jira:7f3a', iat: t, exp: t + 180, qsh: qsh(URL) }, secret, SymmetricAlgorithm.HS256)}`,
      ],
    ],
    referenceVerify(headers, _body, secret) {
      try {
        const token = header({ headers }, 'Authorization')!.replace(/^JWT /, '');
        const claims = decodeSymmetric(token, secret, SymmetricAlgorithm.HS256) as { qsh?: string };
        return claims.qsh === qsh(URL);
      } catch {
        return false;
      }
    },
  });
});

describe('atlassian qsh', () => {
  it('computes the query string hash as atlassian-jwt does', () => {
    for (const url of [
      URL,
      'https://app.example.com/',
      'https://app.example.com/a/b/?z=1&a=2&a=1&jwt=x',
      'https://app.example.com/p&q?x=%20y%2Cz&b=*',
    ]) {
      expect(queryStringHash('POST', url), url).toBe(qsh(url));
    }
  });

  it('finds the app base path under which the token was made', () => {
    const url = 'https://host.example.com/my-app/installed';
    const token = encodeSymmetric(
      {
        iss: 'jira:1',
        iat: 1760000000,
        exp: 1760000180,
        qsh: createQueryStringHash(fromMethodAndUrl('POST', url), false, 'https://host.example.com/my-app'),
      },
      SHARED,
      SymmetricAlgorithm.HS256,
    );
    const r = atlassianConnect.verify(
      { method: 'POST', url, headers: [['Authorization', `JWT ${token}`]], body: Buffer.from('{}') },
      { secret: SHARED, now: 1760000010 },
    );
    expect(r).toMatchObject({ valid: true });
  });
});
