/* Zoom delivery facts for `hooklens check`. */
import type { ProviderProfile } from '../profile';

export const zoomProfile: ProviderProfile = {
  providerId: 'zoom',
  name: 'Zoom',
  docs: 'https://developers.zoom.us/docs/api/webhooks/',
  // https://developers.zoom.us/blog/webhook-delays/: respond with 200 or 204 within three seconds.
  timeoutMs: 3_000,
  timeoutDocumented: true,
  // https://developers.zoom.us/blog/webhook-delays/: 3 retries, 5 minutes, then 20 and 60 minutes after the previous one.
  retrySchedule: '3 retries: 5 minutes after the first attempt, then 20 minutes, then 60 minutes',
  // Zoom documents no event id; the event name, event_ts and the object id together identify a notification.
  eventId: { in: 'json', path: ['event_ts'] },
  dedupeHint: 'event + event_ts + payload.object.id (Zoom sends no event id)',
  eventType: { in: 'json', path: ['event'] },
  // Zoom documents no replay window for x-zm-request-timestamp (see signatures/providers/zoom.ts).
  bodyFormat: 'json',
  contentType: 'application/json; charset=utf-8',
  // The docs describe only x-zm-signature and x-zm-request-timestamp, written when signing.
  deliveryHeaders: [],
  sample: (now) => ({
    type: 'meeting.started',
    body: {
      event: 'meeting.started',
      event_ts: now * 1000,
      payload: {
        account_id: 'hooklens-account',
        object: { id: '85746065432', uuid: 'hooklens-meeting-uuid==', topic: 'Sample meeting' },
      },
    },
  }),
  reversePair: {
    first: { type: 'meeting.started' },
    second: { type: 'meeting.ended' },
    why: 'Zoom retries a failed notification up to 85 minutes later, after newer events of the same meeting',
  },
};
