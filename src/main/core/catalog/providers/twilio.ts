/*
 * Twilio: form-encoded POSTs (PascalCase parameters), signed over the full URL plus the sorted
 * parameters. Messaging webhooks (incoming SMS, status callbacks) and voice webhooks (incoming
 * call, call status). Sids: two letters + 32 hex characters (AC account, SM message, CA call).
 * https://www.twilio.com/docs/messaging/guides/webhook-request, https://www.twilio.com/docs/voice/twiml#request-parameters
 */
import { randomBytes } from 'node:crypto';
import { objectEvents } from '../catalog-entry';
import type { CatalogEventSpec, CatalogProviderSpec, EventContext, FormFields } from '../types';

const ACCOUNT = 'AC1f0e5c2b9a8d7e6f5a4b3c2d1e0f9a8b';
const SERVICE = 'MG9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a';
const OUR_NUMBER = '+15017122661';
const CUSTOMER = '+15558675310';

function sid(prefix: string): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

function messageStatus(ctx: EventContext, status: string, extra: [string, string][] = []): FormFields {
  return {
    form: [
      ['SmsSid', ctx.objectId],
      ['SmsStatus', status],
      ['MessageStatus', status],
      ['To', CUSTOMER],
      ['MessagingServiceSid', SERVICE],
      ['MessageSid', ctx.objectId],
      ['AccountSid', ACCOUNT],
      ['From', OUR_NUMBER],
      ['ApiVersion', '2010-04-01'],
      ...extra,
    ],
  };
}

function call(ctx: EventContext, status: string, extra: [string, string][] = []): FormFields {
  return {
    form: [
      ['AccountSid', ACCOUNT],
      ['ApiVersion', '2010-04-01'],
      ['CallSid', ctx.objectId],
      ['CallStatus', status],
      ['Called', OUR_NUMBER],
      ['CalledCountry', 'US'],
      ['Caller', CUSTOMER],
      ['CallerCountry', 'US'],
      ['Direction', 'inbound'],
      ['From', CUSTOMER],
      ['FromCountry', 'US'],
      ['To', OUR_NUMBER],
      ['ToCountry', 'US'],
      ...extra,
    ],
  };
}

const messageStatusOf =
  (status: string) =>
  (ctx: EventContext): FormFields =>
    messageStatus(ctx, status);

// 30003: the handset was unreachable.
const undelivered = (ctx: EventContext): FormFields => messageStatus(ctx, 'undelivered', [['ErrorCode', '30003']]);

const callCompleted = (ctx: EventContext): FormFields =>
  call(ctx, 'completed', [
    ['CallDuration', '42'],
    ['Duration', '1'],
    ['Timestamp', ctx.now.toUTCString().replace('GMT', '+0000')],
    ['CallbackSource', 'call-progress-events'],
    ['SequenceNumber', '0'],
  ]);

const events: CatalogEventSpec[] = [
  {
    type: 'message.received',
    summary: 'An SMS arrived at your number',
    body: (ctx) => ({
      form: [
        ['ToCountry', 'US'],
        ['ToState', 'CA'],
        ['SmsMessageSid', ctx.objectId],
        ['NumMedia', '0'],
        ['ToCity', 'SAN FRANCISCO'],
        ['FromZip', '94105'],
        ['SmsSid', ctx.objectId],
        ['FromState', 'CA'],
        ['SmsStatus', 'received'],
        ['FromCity', 'SAN FRANCISCO'],
        ['Body', 'Is my order on its way?'],
        ['FromCountry', 'US'],
        ['To', OUR_NUMBER],
        ['MessagingServiceSid', SERVICE],
        ['ToZip', '94105'],
        ['NumSegments', '1'],
        ['MessageSid', ctx.objectId],
        ['AccountSid', ACCOUNT],
        ['From', CUSTOMER],
        ['ApiVersion', '2010-04-01'],
      ],
    }),
  },
  ...objectEvents('message', [
    ['message.sent', 'created', 'Status callback: a message left Twilio', messageStatusOf('sent')],
    ['message.delivered', 'updated', 'Status callback: the carrier delivered a message', messageStatusOf('delivered')],
    ['message.undelivered', 'updated', 'Status callback: the carrier could not deliver a message', undelivered],
  ]),
  ...objectEvents('call', [
    ['call.incoming', 'created', 'A call is ringing your number (answer with TwiML)', (ctx) => call(ctx, 'ringing')],
    ['call.completed', 'updated', 'Status callback: a call ended', callCompleted],
  ]),
];

export const twilioCatalog: CatalogProviderSpec = {
  id: 'twilio',
  name: 'Twilio',
  signer: 'twilio',
  docs: 'https://www.twilio.com/docs/usage/webhooks/webhooks-security',
  contentType: 'application/x-www-form-urlencoded',
  newSecret: () => randomBytes(16).toString('hex'),
  newEventId: (t) => `${t.uuid()}`,
  newObjectId: (kind) => sid(kind.startsWith('call') ? 'CA' : 'SM'),
  headers: (ctx) => [
    ['Content-Type', 'application/x-www-form-urlencoded'],
    ['User-Agent', 'TwilioProxy/1.1'],
    ['I-Twilio-Idempotency-Token', ctx.eventId],
    ['X-Home-Region', 'us1'],
  ],
  events,
};
