import { createHmac } from 'node:crypto';
import { describe } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { header } from '../crypto-helpers';
import { schemeCases } from '../test-support/scheme-cases';
import { woocommerce } from './woocommerce';

// WooCommerce REST API docs (Webhooks): base64 HMAC-SHA256 of the payload keyed with the webhook secret.
const digest = (secret: string, body: string) => `${createHmac('sha256', secret).update(body).digest('base64')}`;

describe('woocommerce', () => {
  schemeCases({
    provider: woocommerce,
    secret: 'wc_secret_7Yx2Lq',
    wrongSecret: 'wc_secret_7Yx2Lq'.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x')),
    body: JSON.stringify({
      id: 727,
      status: 'processing',
      currency: 'EUR',
      total: '29.35',
      line_items: [{ id: 315, name: 'Woo Single #1', quantity: 2 }],
    }),
    delivery: [
      ['X-WC-Webhook-Source', 'https://shop.example.com/'],
      ['X-WC-Webhook-Topic', 'order.created'],
      ['X-WC-Webhook-Resource', 'order'],
      ['X-WC-Webhook-Event', 'created'],
      ['X-WC-Webhook-ID', '12'],
      ['User-Agent', 'WooCommerce/9.4.2 Hookshot (WordPress/6.7.1)'],
    ],
    reference: (body, secret): HeaderPair[] => [['X-WC-Webhook-Signature', digest(secret, body)]],
    referenceVerify: (headers, body, secret) => header({ headers }, 'X-WC-Webhook-Signature') === digest(secret, body),
  });
});
