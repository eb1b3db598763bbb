/* GitHub delivery facts for `hooklens check`. */
import type { ProviderProfile } from '../profile';

export const githubProfile: ProviderProfile = {
  providerId: 'github',
  name: 'GitHub',
  docs: 'https://docs.github.com/en/webhooks/webhook-events-and-payloads',
  // https://docs.github.com/en/webhooks/using-webhooks/best-practices-for-using-webhooks#respond-within-10-seconds
  timeoutMs: 10_000,
  timeoutDocumented: true,
  // https://docs.github.com/en/webhooks/using-webhooks/handling-failed-webhook-deliveries: GitHub does not redeliver failed deliveries automatically.
  retrySchedule: 'no automatic retries; failed deliveries can be redelivered by hand or through the API',
  // https://docs.github.com/en/webhooks/webhook-events-and-payloads#delivery-headers: X-GitHub-Delivery is a GUID per delivery (kept on redelivery).
  eventId: { in: 'header', name: 'X-GitHub-Delivery' },
  eventType: { in: 'header', name: 'X-GitHub-Event' },
  // https://docs.github.com/en/webhooks/webhook-events-and-payloads#payload-cap: payloads are capped at 25 MB.
  maxPayloadBytes: 25 * 1024 * 1024,
  bodyFormat: 'json',
  contentType: 'application/json',
  // https://docs.github.com/en/webhooks/webhook-events-and-payloads#delivery-headers
  deliveryHeaders: [
    ['User-Agent', 'GitHub-Hookshot/hooklens'],
    ['X-GitHub-Hook-ID', '123456789'],
    ['X-GitHub-Hook-Installation-Target-Type', 'repository'],
    ['X-GitHub-Hook-Installation-Target-ID', '987654321'],
  ],
  sample: () => ({
    type: 'issues',
    body: {
      action: 'opened',
      issue: { id: 1, number: 1, title: 'Sample issue', state: 'open' },
      repository: { id: 987654321, full_name: 'octo-org/hooklens-sample' },
      sender: { login: 'octocat', id: 1 },
    },
  }),
  reversePair: {
    first: { type: 'issues', set: [[{ in: 'json', path: ['action'] }, 'opened']] },
    second: {
      type: 'issues',
      set: [
        [{ in: 'json', path: ['action'] }, 'closed'],
        [{ in: 'json', path: ['issue', 'state'] }, 'closed'],
      ],
    },
    why: 'deliveries are independent HTTP requests: a "closed" can reach the handler before the "opened" of the same issue',
  },
};
