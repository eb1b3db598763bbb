/* Paddle Billing delivery facts for `hooklens check`. */
import type { ProviderProfile } from '../profile';

export const paddleProfile: ProviderProfile = {
  providerId: 'paddle',
  name: 'Paddle Billing',
  docs: 'https://developer.paddle.com/webhooks/respond-to-webhooks',
  // https://developer.paddle.com/webhooks/respond-to-webhooks: respond with 200 within five seconds.
  timeoutMs: 5_000,
  timeoutDocumented: true,
  // https://developer.paddle.com/webhooks/respond-to-webhooks: live up to 60 retries over 3 days; sandbox 3 over 15 minutes.
  retrySchedule: 'live: up to 60 retries over 3 days with exponential backoff; sandbox: 3 retries over 15 minutes',
  // https://developer.paddle.com/webhooks/about/how-webhooks-work: at-least-once delivery; deduplicate on event_id.
  eventId: { in: 'json', path: ['event_id'] },
  eventType: { in: 'json', path: ['event_type'] },
  // https://developer.paddle.com/webhooks/signature-verification: the SDKs reject signatures older than 5 seconds.
  toleranceSec: 5,
  bodyFormat: 'json',
  contentType: 'application/json',
  deliveryHeaders: [],
  sample: (now) => ({
    type: 'subscription.updated',
    body: {
      event_id: 'evt_hooklens_sample',
      event_type: 'subscription.updated',
      occurred_at: new Date(now * 1000).toISOString(),
      notification_id: 'ntf_hooklens_sample',
      data: { id: 'sub_hooklens_sample', status: 'active', customer_id: 'ctm_hooklens_sample' },
    },
  }),
  // https://developer.paddle.com/webhooks/about/how-webhooks-work: use occurred_at, not arrival order; webhooks can arrive out of sequence.
  reversePair: {
    first: { type: 'subscription.created' },
    second: { type: 'subscription.updated', set: [[{ in: 'json', path: ['data', 'status'] }, 'past_due']] },
    why: 'Paddle says webhooks can arrive out of sequence: subscription.updated before subscription.created',
  },
};
