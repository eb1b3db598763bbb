/* Standard Webhooks / Svix delivery facts for `hooklens check`. */
import type { ProviderProfile } from '../profile';

export const standardWebhooksProfile: ProviderProfile = {
  providerId: 'standard-webhooks',
  name: 'Standard Webhooks / Svix',
  docs: 'https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md',
  // https://docs.svix.com/retries: a 2xx "within a reasonable time-frame (15s with Svix)".
  timeoutMs: 15_000,
  timeoutDocumented: true,
  // https://docs.svix.com/retries: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
  retrySchedule: 'immediately, then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h',
  // Standard Webhooks spec, "Webhook metadata": webhook-id is the idempotency key, the same on retries.
  eventId: { in: 'header', name: 'webhook-id' },
  // Standard Webhooks spec, "Payload structure": the body's `type` names the event.
  eventType: { in: 'json', path: ['type'] },
  // Standard Webhooks spec, "Verifying webhook authenticity": reject timestamps more than five minutes off.
  toleranceSec: 300,
  bodyFormat: 'json',
  contentType: 'application/json',
  // The spec defines only webhook-id, webhook-timestamp and webhook-signature, all written when signing.
  deliveryHeaders: [],
  sample: (now) => ({
    type: 'user.created',
    body: {
      type: 'user.created',
      timestamp: new Date(now * 1000).toISOString(),
      data: { id: 'user_hooklens_sample', email: 'sample@example.com' },
    },
  }),
  reversePair: {
    first: { type: 'user.created' },
    second: { type: 'user.updated', set: [[{ in: 'json', path: ['data', 'email'] }, 'changed@example.com']] },
    why: 'Svix retries each message on its own schedule, so an update can overtake the create of the same object',
  },
};
