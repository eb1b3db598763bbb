/* Square delivery facts for `hooklens check`. */
import type { ProviderProfile } from '../profile';

export const squareProfile: ProviderProfile = {
  providerId: 'square',
  name: 'Square',
  docs: 'https://developer.squareup.com/docs/webhooks/overview',
  // https://developer.squareup.com/docs/webhooks/troubleshooting: acknowledge within 10 seconds with a 2xx.
  timeoutMs: 10_000,
  timeoutDocumented: true,
  // https://developer.squareup.com/docs/webhooks/troubleshooting: unsuccessful deliveries are retried for up to 72 hours.
  retrySchedule: 'retried with backoff for up to 72 hours, then discarded',
  // https://developer.squareup.com/docs/webhooks/overview: "Webhooks can be sent more than once"; event_id identifies the event.
  eventId: { in: 'json', path: ['event_id'] },
  eventType: { in: 'json', path: ['type'] },
  bodyFormat: 'json',
  contentType: 'application/json',
  // The docs describe only the signature header, written when signing.
  deliveryHeaders: [],
  sample: (now) => ({
    type: 'payment.updated',
    body: {
      merchant_id: 'ML_HOOKLENS',
      type: 'payment.updated',
      event_id: 'hooklens-sample-event',
      created_at: new Date(now * 1000).toISOString(),
      data: {
        type: 'payment',
        id: 'KkAkhdMsgzn59SM8A89WgKwekxLZY',
        object: { payment: { id: 'KkAkhdMsgzn59SM8A89WgKwekxLZY', status: 'COMPLETED' } },
      },
    },
  }),
  reversePair: {
    first: {
      type: 'payment.created',
      set: [[{ in: 'json', path: ['data', 'object', 'payment', 'status'] }, 'APPROVED']],
    },
    second: { type: 'payment.updated' },
    why: 'Square sends each event on its own and retries for up to 72 hours, so payment.updated can arrive before payment.created',
  },
};
