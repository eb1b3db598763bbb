/* Shopify delivery facts for `hooklens check`. */
import type { ProviderProfile } from '../profile';

export const shopifyProfile: ProviderProfile = {
  providerId: 'shopify',
  name: 'Shopify',
  docs: 'https://shopify.dev/docs/apps/build/webhooks',
  // https://shopify.dev/docs/apps/build/webhooks/subscribe/https: 1 s to connect, 5 s in total for the response.
  timeoutMs: 5_000,
  timeoutDocumented: true,
  // https://shopify.dev/changelog/updates-to-webhook-retry-mechanism: 8 retries over 4 hours, exponential backoff, original payload.
  retrySchedule:
    '8 retries over 4 hours with exponential backoff; Admin API subscriptions are removed after 8 consecutive failures',
  // https://shopify.dev/docs/apps/build/webhooks/ignore-duplicates: X-Shopify-Webhook-Id stays the same on every retry.
  eventId: { in: 'header', name: 'X-Shopify-Webhook-Id' },
  eventType: { in: 'header', name: 'X-Shopify-Topic' },
  bodyFormat: 'json',
  contentType: 'application/json',
  // https://shopify.dev/docs/apps/build/webhooks/subscribe/https: headers on each delivery.
  deliveryHeaders: [
    ['X-Shopify-Shop-Domain', 'hooklens-sample.myshopify.com'],
    ['X-Shopify-API-Version', '2025-01'],
    ['X-Shopify-Triggered-At', '2026-01-01T00:00:00.000Z'],
  ],
  sample: () => ({
    type: 'orders/create',
    body: {
      id: 820982911946154500,
      admin_graphql_api_id: 'gid://shopify/Order/820982911946154500',
      name: '#1001',
      financial_status: 'paid',
    },
  }),
  // https://shopify.dev/docs/apps/build/webhooks/best-practices: Shopify does not guarantee ordering within a topic or across topics.
  reversePair: {
    first: { type: 'orders/create' },
    second: { type: 'orders/updated', set: [[{ in: 'json', path: ['financial_status'] }, 'refunded']] },
    why: 'Shopify does not guarantee delivery order: orders/updated can arrive before orders/create of the same order',
  },
};
