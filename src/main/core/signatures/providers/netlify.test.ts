import { createHash } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { describe } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { netlify } from './netlify';

// Netlify has no verifying SDK; its docs verify with a JWS library (jsonwebtoken here), iss "netlify" and a hex sha256 of the body.
const sha256 = (body: string) => createHash('sha256').update(body).digest('hex');

describe('netlify', () => {
  schemeCases({
    provider: netlify,
    secret: 'netlify-jws-secret-4f1a',
    wrongSecret: 'netlify-jws-secret-4f1b',
    body: JSON.stringify({
      id: '5d4ac1e2b6e1e2a9d4f3c8a1',
      site_id: 'b0a6cfa3-9c37-4a3e-8f55-54c3b0a9a1f0',
      state: 'ready',
      name: 'my-site',
      deploy_time: 12,
      branch: 'main',
    }),
    delivery: [
      ['Content-Type', 'application/json'],
      ['User-Agent', 'Netlify'],
    ],
    reference: (body, secret): HeaderPair[] => [
      [
        'X-Webhook-Signature',
        jwt.sign({ iss: 'netlify', sha256: sha256(body) }, secret, { algorithm: 'HS256', noTimestamp: true }),
      ],
    ],
    referenceVerify(headers, body, secret) {
      try {
        const claims = jwt.verify(header({ headers }, 'X-Webhook-Signature')!, secret, {
          algorithms: ['HS256'],
          issuer: 'netlify',
        }) as { sha256?: string };
        return claims.sha256 === sha256(body);
      } catch {
        return false;
      }
    },
  });
});
