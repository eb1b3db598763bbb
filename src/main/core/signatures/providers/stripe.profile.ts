/* Stripe delivery facts for `hooklens check`. */
import type { ProviderProfile } from '../profile';

export const stripeProfile: ProviderProfile = {
  providerId: 'stripe',
  name: 'Stripe',
  docs: 'https://docs.stripe.com/webhooks',
  // Stripe asks for a 2xx "quickly, prior to any complex logic that could cause a timeout" and shows
  // "Timed out" in the dashboard, but publishes no number (support.stripe.com/questions/webhooks-how-to-investigate-and-fix-timed-out).
  timeoutMs: 10_000,
  timeoutDocumented: false,
  // https://docs.stripe.com/webhooks: live mode retries with exponential backoff for up to three days; sandbox three times over a few hours.
  retrySchedule: 'exponential backoff for up to 3 days (live); 3 times over a few hours (sandbox)',
  // https://docs.stripe.com/webhooks: the Event object's id is the same on every retry.
  eventId: { in: 'json', path: ['id'] },
  eventType: { in: 'json', path: ['type'] },
  // https://docs.stripe.com/webhooks: the libraries' default tolerance is five minutes.
  toleranceSec: 300,
  bodyFormat: 'json',
  contentType: 'application/json; charset=utf-8',
  // Stripe's docs name no delivery headers besides Stripe-Signature.
  deliveryHeaders: [],
  sample: (now) => ({
    type: 'invoice.paid',
    body: {
      id: 'evt_hooklens_sample',
      object: 'event',
      api_version: '2024-06-20',
      created: now,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type: 'invoice.paid',
      data: {
        object: {
          id: 'sub_hooklens_sample',
          object: 'subscription',
          customer: 'cus_hooklens_sample',
          status: 'active',
        },
      },
    },
  }),
  // https://docs.stripe.com/webhooks: Stripe does not guarantee delivery in the order events were created.
  reversePair: {
    first: { type: 'customer.subscription.created' },
    second: { type: 'customer.subscription.updated' },
    why: 'Stripe does not guarantee event order: an update can arrive before the create of the same subscription',
  },
};
