/*
 * Which event a webhook carries and the sender's id for it, read the way each provider documents
 * its deliveries. The id is the one that stays the same when the provider retries or redelivers
 * (GitHub's X-GitHub-Delivery, Stripe's evt_…, Svix's webhook-id…), so two captures with the same
 * id on one endpoint are the same event delivered twice.
 *
 * Headers are looked up by lower-case name (first value). The body is
 * parsed at most once, lazily, and only when the provider keeps the event in it.
 */

export interface EventFacts {
  eventType?: string;
  eventId?: string;
}

export interface EventSource {
  header(lowerName: string): string | undefined;
  /** The body as JSON; undefined when it is not JSON (or too large to be worth parsing). */
  json(): unknown;
  /** The body as form fields (application/x-www-form-urlencoded); undefined otherwise. */
  form(): URLSearchParams | undefined;
}

type Extractor = (src: EventSource) => EventFacts;

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A string or number field along a path, as text. */
function field(v: unknown, ...path: string[]): string | undefined {
  let cur = v;
  for (const key of path) {
    if (!isObj(cur)) return undefined;
    cur = cur[key];
  }
  if (typeof cur === 'string') return cur === '' ? undefined : cur;
  if (typeof cur === 'number' && Number.isFinite(cur)) return String(cur);
  return undefined;
}

function joined(...parts: (string | undefined)[]): string | undefined {
  const present = parts.filter((p): p is string => p !== undefined);
  return present.length > 0 ? present.join('.') : undefined;
}

function facts(eventType: string | undefined, eventId: string | undefined): EventFacts {
  const out: EventFacts = {};
  if (eventType) out.eventType = eventType;
  if (eventId) out.eventId = eventId;
  return out;
}

/** `{ type, id }` at the top of the body: Stripe, Vercel, Mux, Standard Webhooks bodies. */
const typeAndId =
  (typeKey = 'type', idKey = 'id'): Extractor =>
  (src) =>
    facts(field(src.json(), typeKey), field(src.json(), idKey));

/** The first element of a JSON array body (HubSpot, SendGrid batch several events in one request). */
function firstOf(src: EventSource): { first: unknown; count: number } {
  const body = src.json();
  return Array.isArray(body) ? { first: body[0], count: body.length } : { first: undefined, count: 0 };
}

function batchType(type: string | undefined, count: number): string | undefined {
  return type && count > 1 ? `${type} (+${count - 1} more)` : type;
}

const EXTRACTORS: Record<string, Extractor> = {
  // Event object: { id: "evt_…", type: "payment_intent.succeeded", … }; retries send the same evt_ id.
  stripe: typeAndId(),
  // X-GitHub-Event names the event, the body's `action` the activity; redeliveries keep X-GitHub-Delivery.
  github: (src) =>
    facts(joined(src.header('x-github-event'), field(src.json(), 'action')), src.header('x-github-delivery')),
  // X-Shopify-Topic "orders/create"; X-Shopify-Webhook-Id is kept across retries (X-Shopify-Event-Id names the event).
  shopify: (src) =>
    facts(src.header('x-shopify-topic'), src.header('x-shopify-webhook-id') ?? src.header('x-shopify-event-id')),
  slack: (src) => {
    const body = src.json();
    if (isObj(body)) {
      // Events API: { type: "event_callback", event_id, event: { type } }; url_verification has no event.
      const inner = field(body, 'event', 'type');
      return facts(inner ?? field(body, 'type'), field(body, 'event_id'));
    }
    const form = src.form();
    // Interactivity posts `payload=<json>`; slash commands post `command=/name`.
    const payload = form?.get('payload');
    if (payload) {
      try {
        const parsed: unknown = JSON.parse(payload);
        return facts(field(parsed, 'type'), field(parsed, 'trigger_id'));
      } catch {
        return {};
      }
    }
    return facts(form?.get('command') ?? undefined, form?.get('trigger_id') ?? undefined);
  },
  // Form fields; I-Twilio-Idempotency-Token is the same on every retry of one callback.
  twilio: (src) => {
    const form = src.form();
    const message = form?.get('MessageStatus') ?? form?.get('SmsStatus');
    const call = form?.get('CallStatus');
    const type = message ? `message.${message}` : call ? `call.${call}` : undefined;
    return facts(
      type,
      src.header('i-twilio-idempotency-token') ?? form?.get('MessageSid') ?? form?.get('CallSid') ?? undefined,
    );
  },
  // { type: "payment.updated", event_id: "…" }
  square: typeAndId('type', 'event_id'),
  paddle: (src) => {
    const body = src.json();
    // Paddle Billing: { event_id: "evt_…", event_type: "transaction.completed" }.
    if (isObj(body)) return facts(field(body, 'event_type'), field(body, 'event_id') ?? field(body, 'notification_id'));
    // Paddle Classic: form fields alert_name / alert_id.
    const form = src.form();
    return facts(form?.get('alert_name') ?? undefined, form?.get('alert_id') ?? undefined);
  },
  // Body { type: "Issue", action: "create" }; Linear-Delivery is a per-delivery UUID.
  linear: (src) => facts(joined(field(src.json(), 'type'), field(src.json(), 'action')), src.header('linear-delivery')),
  // { event: "meeting.started", event_ts } ; Zoom documents no delivery id.
  zoom: (src) => facts(field(src.json(), 'event'), undefined),
  // Message type (notification, webhook_callback_verification, revocation) and subscription type;
  // Twitch resends a message with the same Twitch-Eventsub-Message-Id.
  twitch: (src) => {
    const kind = src.header('twitch-eventsub-message-type');
    const sub = src.header('twitch-eventsub-subscription-type');
    const type = kind === 'notification' ? sub : joined(sub, kind);
    return facts(type, src.header('twitch-eventsub-message-id'));
  },
  // An array of { eventId, subscriptionType: "contact.creation" }.
  hubspot: (src) => {
    const { first, count } = firstOf(src);
    return facts(batchType(field(first, 'subscriptionType'), count), count === 1 ? field(first, 'eventId') : undefined);
  },
  // Interactions { id, type: 1 } (1 = PING); webhook events { type: 1, event: { type: "APPLICATION_AUTHORIZED" } }.
  discord: (src) => {
    const body = src.json();
    const event = field(body, 'event', 'type');
    const type = field(body, 'type');
    return facts(event ?? (type !== undefined ? `interaction.${type}` : undefined), field(body, 'id'));
  },
  // An array of { event: "delivered", sg_event_id }.
  sendgrid: (src) => {
    const { first, count } = firstOf(src);
    return facts(batchType(field(first, 'event'), count), count === 1 ? field(first, 'sg_event_id') : undefined);
  },
  typeform: typeAndId('event_type', 'event_id'),
  trello: (src) => facts(field(src.json(), 'action', 'type'), field(src.json(), 'action', 'id')),
  coinbase: (src) => facts(field(src.json(), 'event', 'type'), field(src.json(), 'event', 'id')),
  razorpay: (src) => facts(field(src.json(), 'event'), src.header('x-razorpay-event-id')),
  lemonsqueezy: (src) => facts(src.header('x-event-name') ?? field(src.json(), 'meta', 'event_name'), undefined),
  sentry: (src) =>
    facts(joined(src.header('sentry-hook-resource'), field(src.json(), 'action')), src.header('request-id')),
  vercel: typeAndId(),
  contentful: (src) => facts(src.header('x-contentful-topic'), undefined),
  mux: typeAndId(),
  workos: typeAndId('event', 'id'),
  line: (src) => {
    const body = src.json();
    const events = isObj(body) ? body.events : undefined;
    const first = Array.isArray(events) ? events[0] : undefined;
    const count = Array.isArray(events) ? events.length : 0;
    return facts(batchType(field(first, 'type'), count), count === 1 ? field(first, 'webhookEventId') : undefined);
  },
  telnyx: (src) => facts(field(src.json(), 'data', 'event_type'), field(src.json(), 'data', 'id')),
  intercom: (src) => facts(field(src.json(), 'topic'), field(src.json(), 'id')),
  bitbucket: (src) => facts(src.header('x-event-key'), src.header('x-request-uuid')),
  // X-Gitlab-Event "Push Hook"; X-Gitlab-Event-UUID per event (Idempotency-Key on retries of newer versions).
  gitlab: (src) =>
    facts(
      src.header('x-gitlab-event') ?? field(src.json(), 'object_kind'),
      src.header('idempotency-key') ?? src.header('x-gitlab-event-uuid'),
    ),
  sanity: (src) => facts(src.header('sanity-operation'), src.header('idempotency-key')),
  // webhook-id (svix-id for Svix itself) is the message id, the same on every retry.
  'standard-webhooks': (src) => facts(field(src.json(), 'type'), src.header('webhook-id') ?? src.header('svix-id')),
};

/**
 * Providers recognised by headers that carry no signature, so an unsigned delivery still says who
 * sent it: checked in order when no signature provider claimed the request.
 */
const UNSIGNED_HINTS: [header: string, provider: string][] = [
  ['x-github-event', 'github'],
  ['x-shopify-topic', 'shopify'],
  ['x-gitlab-event', 'gitlab'],
  ['twitch-eventsub-message-id', 'twitch'],
  ['linear-delivery', 'linear'],
  ['svix-id', 'standard-webhooks'],
  ['webhook-id', 'standard-webhooks'],
];

export function providerFromHints(src: EventSource): string | undefined {
  for (const [name, provider] of UNSIGNED_HINTS) if (src.header(name) !== undefined) return provider;
  return undefined;
}

export function extractEvent(providerId: string, src: EventSource): EventFacts {
  const extract = Object.hasOwn(EXTRACTORS, providerId) ? EXTRACTORS[providerId] : undefined;
  if (!extract) return {};
  try {
    return extract(src);
  } catch {
    // Untrusted bodies: a shape no extractor expected means "unknown event", never a failed capture.
    return {};
  }
}
