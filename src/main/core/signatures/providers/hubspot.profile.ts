/* HubSpot (app webhooks API) delivery facts for `hooklens check`. */
import type { ProviderProfile } from '../profile';

export const hubspotProfile: ProviderProfile = {
  providerId: 'hubspot',
  name: 'HubSpot',
  docs: 'https://developers.hubspot.com/docs/api/webhooks',
  // https://developers.hubspot.com/docs/api/webhooks: a batch not answered within 5 seconds is retried
  // (older revisions of the page said 1 s, then 2 s; integrate.hubspot.com/t/what-does-will-retry-mean-when/3953).
  timeoutMs: 5_000,
  timeoutDocumented: true,
  // https://developers.hubspot.com/docs/api/webhooks: up to 10 retries spread over the next 24 hours.
  retrySchedule:
    'up to 10 retries spread over 24 hours, with randomised delays; 4xx answers (except 429) are not retried',
  // https://developers.hubspot.com/docs/api/webhooks: each event in the batch has an eventId.
  eventId: { in: 'json', path: [0, 'eventId'] },
  eventType: { in: 'json', path: [0, 'subscriptionType'] },
  // https://developers.hubspot.com/docs/apps/legacy-apps/authentication/validating-requests: reject timestamps older than 5 minutes.
  toleranceSec: 300,
  bodyFormat: 'json',
  contentType: 'application/json',
  // The signature headers are the only ones documented; they are written when signing.
  deliveryHeaders: [],
  sample: (now) => ({
    type: 'contact.propertyChange',
    body: [
      {
        eventId: 1,
        subscriptionId: 12345,
        portalId: 62515,
        appId: 54321,
        occurredAt: now * 1000,
        subscriptionType: 'contact.propertyChange',
        attemptNumber: 0,
        objectId: 123,
        propertyName: 'email',
        propertyValue: 'sample@example.com',
        changeSource: 'CRM',
      },
    ],
  }),
  // https://developers.hubspot.com/docs/api/webhooks: events are not guaranteed to arrive in order; use occurredAt.
  reversePair: {
    first: { type: 'contact.creation' },
    second: { type: 'contact.propertyChange' },
    why: 'HubSpot does not guarantee order: a property change can arrive before the creation of the same contact',
  },
};
