import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { okta } from './okta';

// Okta's event hooks guide: the configured authScheme value arrives verbatim in Authorization.
const BODY = JSON.stringify({
  eventType: 'com.okta.event_hook',
  eventTypeVersion: '1.0',
  cloudEventsVersion: '0.1',
  source: 'https://example.okta.com/api/v1/eventHooks/whoql0HfiLGPWc8Hx0g4',
  eventId: 'b5a188b9-5ece-4636-b041-482ffda96311',
  data: {
    events: [
      {
        uuid: '5eb8df8c-3a4c-11ea-8d8c-a5e2c8bd1af4',
        published: '2026-01-01T00:00:00.000Z',
        eventType: 'user.session.start',
        displayMessage: 'User login to Okta',
        severity: 'INFO',
      },
    ],
  },
  eventTime: '2026-01-01T00:00:01.000Z',
  contentType: 'application/json',
});

describe('okta', () => {
  schemeCases({
    provider: okta,
    secret: 'my-shared-secret-OktaHook1',
    wrongSecret: 'my-shared-secret-OktaHook2',
    body: BODY,
    bodyUnsigned: true,
    tamper: (b) => b.replace('user.session.start', 'user.session.end'),
    delivery: [
      ['Content-Type', 'application/json'],
      ['User-Agent', 'Okta Event Hooks'],
    ],
    reference: (_body, secret): HeaderPair[] => [['Authorization', secret]],
    referenceVerify: (headers, _body, secret) => header({ headers }, 'Authorization') === secret,
  });

  it('names the one-time verification request', () => {
    const req = {
      method: 'GET',
      headers: [['X-Okta-Verification-Challenge', 'X4jy8NBaOMcR0ZZU4Ukw']] as HeaderPair[],
      body: Buffer.alloc(0),
    };
    expect(okta.detect(req)).toBe(false);
    const r = okta.verify(req, { secret: 's' });
    expect(r).toMatchObject({ valid: false, failure: 'malformed_header' });
    expect(r.reason).toMatch(/one-time verification/);
  });
});
