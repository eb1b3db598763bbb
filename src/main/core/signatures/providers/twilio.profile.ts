/* Twilio (Messaging) delivery facts for `hooklens check`. */
import type { ProviderProfile } from '../profile';

export const twilioProfile: ProviderProfile = {
  providerId: 'twilio',
  name: 'Twilio',
  docs: 'https://www.twilio.com/docs/usage/webhooks',
  // https://www.twilio.com/docs/api/errors/11205: 10 s to connect, 15 s in total for the HTTP response.
  timeoutMs: 15_000,
  timeoutDocumented: true,
  // https://www.twilio.com/docs/usage/webhooks/webhooks-connection-overrides: retries only when set with #rc= on the URL; otherwise the fallback URL.
  retrySchedule: 'no retries by default; connection overrides (#rc=…) add them, otherwise the fallback URL is called',
  // https://www.twilio.com/docs/messaging/guides/webhook-request: MessageSid is the unique id of the message.
  eventId: { in: 'form', name: 'MessageSid' },
  // A Messaging webhook has no event type: the URL it is sent to says what it is.
  eventType: null,
  bodyFormat: 'form',
  contentType: 'application/x-www-form-urlencoded',
  // X-Twilio-Signature is the only header the docs describe; it is written when signing.
  deliveryHeaders: [],
  sample: () => ({
    type: 'message',
    body: {
      MessageSid: 'SM00000000000000000000000000hook',
      AccountSid: 'AC00000000000000000000000000hook',
      From: '+15005550006',
      To: '+15005550001',
      Body: 'Hello from the check',
      NumMedia: '0',
    },
  }),
};
