/*
 * The event type of a delivery, read where its provider writes it (a header, a body field), so a
 * terminal line or a list can say "invoice.paid" rather than "POST /". Undefined when the request
 * carries no such field: the type is never guessed from the body's shape.
 */
import { headerValue, type HeaderPair } from '../../../shared/capture';

type Json = Record<string, unknown>;

function parse(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

function formType(body: Buffer): string | undefined {
  const form = new URLSearchParams(body.toString('utf8'));
  // Twilio: a status callback names the message or call status; an incoming message has SmsStatus=received.
  const message = form.get('MessageStatus') ?? form.get('SmsStatus');
  if (form.has('MessageSid') && message) return `message.${message}`;
  const call = form.get('CallStatus');
  if (form.has('CallSid') && call) return call === 'ringing' ? 'call.incoming' : `call.${call}`;
  return undefined;
}

/** `signer` is the signature provider that matched or was detected, when known. */
export function deliveryEventType(headers: readonly HeaderPair[], body: Buffer, signer?: string): string | undefined {
  const github = headerValue(headers, 'X-GitHub-Event');
  const shopify = headerValue(headers, 'X-Shopify-Topic');
  if (shopify) return shopify;
  const twitchType = headerValue(headers, 'Twitch-Eventsub-Message-Type');
  if (twitchType)
    return twitchType === 'notification'
      ? (headerValue(headers, 'Twitch-Eventsub-Subscription-Type') ?? twitchType)
      : twitchType;
  const contentType = headerValue(headers, 'Content-Type') ?? '';
  if (/x-www-form-urlencoded/i.test(contentType)) return formType(body);

  const json = parse(body);
  if (github) {
    const action = isObject(json) ? text(json.action) : undefined;
    return action ? `${github}.${action}` : github;
  }
  // HubSpot batches events in an array; the first one names the batch.
  if (Array.isArray(json)) return isObject(json[0]) ? text(json[0].subscriptionType) : undefined;
  if (!isObject(json)) return undefined;
  const linear = headerValue(headers, 'Linear-Event');
  if (linear || signer === 'linear') {
    const type = text(json.type) ?? linear;
    return type && text(json.action) ? `${type}.${text(json.action)}` : type;
  }
  // Slack: the envelope says event_callback; the event inside says what happened.
  if (json.type === 'event_callback' && isObject(json.event)) {
    const inner = text(json.event.type);
    return inner === 'message' && json.event.channel_type === 'channel' ? 'message.channels' : inner;
  }
  return text(json.type) ?? text(json.event_type) ?? text(json.event);
}
