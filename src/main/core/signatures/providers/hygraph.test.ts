import { generateWebhookSignature, verifyWebhookSignature } from '@hygraph/utils';
import { afterEach, describe, vi } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { hygraph } from './hygraph';

// Judged by @hygraph/utils (generateWebhookSignature stamps Date.now(), so the clock is set to the case's time).
function sdkSign(body: string, secret: string, t: number): string {
  vi.useFakeTimers({ now: t * 1000, toFake: ['Date'] });
  try {
    return generateWebhookSignature({ rawPayload: body, secret, environmentName: 'master' });
  } finally {
    vi.useRealTimers();
  }
}
afterEach(() => vi.useRealTimers());

describe('hygraph', () => {
  schemeCases({
    provider: hygraph,
    secret: 'hygraph-webhook-secret-1f3e',
    wrongSecret: 'hygraph-webhook-secret-1f3x',
    body: JSON.stringify({
      operation: 'publish',
      data: { __typename: 'Post', id: 'ckadrcx4g00pw01525c5d2e56', title: 'Hello «world»', stage: 'PUBLISHED' },
    }),
    toleranceSec: 300,
    delivery: [
      ['Content-Type', 'application/json'],
      ['User-Agent', 'Hygraph'],
    ],
    reference: (body, secret, t): HeaderPair[] => [['gcms-signature', sdkSign(body, secret, t)]],
    referenceVerify: (headers, body, secret) =>
      verifyWebhookSignature({ rawPayload: body, signature: header({ headers }, 'gcms-signature')!, secret }),
  });
});
