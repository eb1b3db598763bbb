/* Twitch EventSub (webhook transport) delivery facts for `hooklens check`. */
import type { ProviderProfile } from '../profile';

/** The subscription object of Twitch's documented channel.follow notification. */
export function channelFollowSubscription(): Record<string, unknown> {
  return {
    id: 'f1c2a387-161a-49f9-a165-0f21d7a4e1c4',
    type: 'channel.follow',
    version: '2',
    status: 'enabled',
    cost: 0,
  };
}

export const twitchProfile: ProviderProfile = {
  providerId: 'twitch',
  name: 'Twitch EventSub',
  docs: 'https://dev.twitch.tv/docs/eventsub/handling-webhook-events/',
  // https://dev.twitch.tv/docs/eventsub/handling-webhook-events/: "respond to notification requests within a few seconds" (no number).
  timeoutMs: 3_000,
  timeoutDocumented: false,
  // https://dev.twitch.tv/docs/eventsub/: at-least-once delivery; too many slow answers revoke the subscription.
  retrySchedule:
    'resent when Twitch is unsure it was received; repeated failures revoke the subscription (notification_failures_exceeded)',
  // https://dev.twitch.tv/docs/eventsub/#handling-duplicate-events: a resent message keeps its message id.
  eventId: { in: 'header', name: 'Twitch-Eventsub-Message-Id' },
  eventType: { in: 'header', name: 'Twitch-Eventsub-Subscription-Type' },
  // https://dev.twitch.tv/docs/eventsub/#guarding-against-replay-attacks: drop messages older than 10 minutes.
  toleranceSec: 600,
  bodyFormat: 'json',
  contentType: 'application/json',
  // https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#list-of-request-headers
  deliveryHeaders: [
    ['Twitch-Eventsub-Message-Type', 'notification'],
    ['Twitch-Eventsub-Subscription-Version', '1'],
  ],
  sample: () => ({
    type: 'channel.follow',
    body: {
      subscription: channelFollowSubscription(),
      event: {
        user_id: '1234',
        user_login: 'cool_user',
        broadcaster_user_id: '1337',
        broadcaster_user_login: 'cooler_user',
        followed_at: '2026-01-01T00:00:00.000Z',
      },
    },
  }),
  reversePair: {
    first: { type: 'stream.online' },
    second: { type: 'stream.offline' },
    why: 'a resent stream.online can arrive after the stream.offline of the same broadcaster',
  },
};
