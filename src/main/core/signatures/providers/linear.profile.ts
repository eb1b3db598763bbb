/* Linear delivery facts for `hooklens check`. */
import type { ProviderProfile } from '../profile';

export const linearProfile: ProviderProfile = {
  providerId: 'linear',
  name: 'Linear',
  docs: 'https://linear.app/developers/webhooks',
  // https://linear.app/developers/webhooks: a delivery that "takes longer than 5s to respond" has failed.
  timeoutMs: 5_000,
  timeoutDocumented: true,
  // https://linear.app/developers/webhooks: retried at most 3 times with backoff, the first after 1 minute, then 1 hour.
  retrySchedule: 'at most 3 retries with backoff: after 1 minute, 1 hour, then longer',
  // https://linear.app/developers/webhooks: Linear-Delivery is a unique id per delivery; Linear-Event names the resource type.
  eventId: { in: 'header', name: 'Linear-Delivery' },
  eventType: { in: 'header', name: 'Linear-Event' },
  // https://linear.app/developers/webhooks: webhookTimestamp (ms) is signed and the SDK allows one minute.
  toleranceSec: 60,
  bodyTimestampMs: { in: 'json', path: ['webhookTimestamp'] },
  bodyFormat: 'json',
  contentType: 'application/json; charset=utf-8',
  // Linear-Delivery and Linear-Event are set per delivery from eventId and eventType above.
  deliveryHeaders: [],
  sample: (now) => ({
    type: 'Issue',
    body: {
      action: 'create',
      type: 'Issue',
      createdAt: new Date(now * 1000).toISOString(),
      data: { id: '2174add1-f7c8-44e3-bbf3-2d60b5ea8bc9', identifier: 'HOOK-1', title: 'Sample issue', priority: 2 },
      url: 'https://linear.app/hooklens/issue/HOOK-1',
      organizationId: 'e5f2f4a3-hooklens-sample',
      webhookTimestamp: now * 1000,
      webhookId: '000000-hooklens-webhook',
    },
  }),
  reversePair: {
    first: { type: 'Issue', set: [[{ in: 'json', path: ['action'] }, 'create']] },
    second: {
      type: 'Issue',
      set: [
        [{ in: 'json', path: ['action'] }, 'update'],
        [{ in: 'json', path: ['data', 'priority'] }, 1],
      ],
    },
    why: 'a retried create can arrive after the update of the same issue',
  },
};
