/* Slack Events API delivery facts for `hooklens check`. */
import type { ProviderProfile } from '../profile';

export const slackProfile: ProviderProfile = {
  providerId: 'slack',
  name: 'Slack',
  docs: 'https://api.slack.com/apis/events-api',
  // https://api.slack.com/apis/events-api: answer with HTTP 200 within three seconds.
  timeoutMs: 3_000,
  timeoutDocumented: true,
  // https://api.slack.com/apis/events-api: up to 3 retries, nearly immediately, after 1 minute, after 5 minutes.
  retrySchedule: 'up to 3 retries: nearly immediately, after 1 minute, after 5 minutes',
  // https://api.slack.com/apis/events-api: retries carry X-Slack-Retry-Num and X-Slack-Retry-Reason.
  retryHeaders: (attempt, reason) => [
    ['X-Slack-Retry-Num', String(attempt)],
    ['X-Slack-Retry-Reason', reason === 'timeout' ? 'http_timeout' : 'http_error'],
  ],
  // https://api.slack.com/apis/events-api: event_id is unique per event across workspaces.
  eventId: { in: 'json', path: ['event_id'] },
  eventType: { in: 'json', path: ['event', 'type'] },
  // https://api.slack.com/authentication/verifying-requests-from-slack: reject requests older than five minutes.
  toleranceSec: 300,
  bodyFormat: 'json',
  contentType: 'application/json',
  // Only the signature headers are documented; retries add the two above.
  deliveryHeaders: [],
  sample: (now) => ({
    type: 'app_mention',
    body: {
      token: 'verification-token-unused',
      team_id: 'T0HOOKLENS',
      api_app_id: 'A0HOOKLENS',
      event: {
        type: 'app_mention',
        user: 'U0HOOKLENS',
        text: '<@U0APP> hello',
        ts: `${now}.000100`,
        channel: 'C0HOOKLENS',
        event_ts: `${now}.000100`,
      },
      type: 'event_callback',
      event_id: 'Ev0HOOKLENS',
      event_time: now,
    },
  }),
};
