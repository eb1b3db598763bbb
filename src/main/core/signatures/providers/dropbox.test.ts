import { createHmac } from 'node:crypto';
import { describe } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { dropbox } from './dropbox';

// Signature computed as Dropbox's webhook reference describes: hex HMAC-SHA256 of the raw body keyed with the app secret.
const digest = (secret: string, body: string) => `${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('dropbox', () => {
  schemeCases({
    provider: dropbox,
    secret: 'k3m9xq0zrtv1abc',
    wrongSecret: 'k3m9xq0zrtv1abc'.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x')),
    body: JSON.stringify({
      list_folder: { accounts: ['dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc'] },
      delta: { users: [12345678] },
    }),
    delivery: [
      ['User-Agent', 'DropboxWebhooks/1.0'],
      ['Content-Type', 'application/json'],
    ],
    reference: (body, secret): HeaderPair[] => [['X-Dropbox-Signature', digest(secret, body)]],
    referenceVerify: (headers, body, secret) => header({ headers }, 'X-Dropbox-Signature') === digest(secret, body),
  });
});
