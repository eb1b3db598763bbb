import { createHmac } from 'node:crypto';
import { describe } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { notion } from './notion';

// Notion webhooks reference: X-Notion-Signature is sha256= and the hex HMAC-SHA256 of the body keyed with the verification_token.
const digest = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('notion', () => {
  schemeCases({
    provider: notion,
    secret: 'secret_tMrlL1qK5vuQAh1b6cZGhFChZTSYJlce98V0pYn7yBl',
    wrongSecret: 'secret_tMrlL1qK5vuQAh1b6cZGhFChZTSYJlce98V0pYn7yBl'.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x')),
    body: JSON.stringify({
      id: '367cba44-b6f3-4c92-81e7-6a2e9659efd4',
      timestamp: '2026-01-01T00:00:00.000Z',
      workspace_id: '13950b26-c203-4f3b-b97d-93ec06319565',
      subscription_id: '29d75c0d-5546-4414-8459-7b7a92f1fc4b',
      type: 'page.created',
      entity: { id: '153104cd-477e-809d-8dc4-ff2d96ae3090', type: 'page' },
      attempt_number: 1,
    }),
    delivery: [
      ['Content-Type', 'application/json'],
      ['User-Agent', 'notion-api'],
    ],
    reference: (body, secret): HeaderPair[] => [['X-Notion-Signature', digest(secret, body)]],
    referenceVerify: (headers, body, secret) => header({ headers }, 'X-Notion-Signature') === digest(secret, body),
  });
});
