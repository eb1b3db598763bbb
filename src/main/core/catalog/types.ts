/*
 * Shapes of the test-event catalog. A provider file describes, as data plus small body builders,
 * the deliveries one webhook sender makes: the headers it always sends, how it names its ids and
 * secrets, and 5–8 of its most used event types. `build-test-event.ts` turns one entry into a
 * signed request with fresh ids and timestamps.
 *
 * Lifecycles: events about one object (a subscription created → updated → deleted, a pull request
 * opened → closed) name the same `object.kind`; a send given the `objectId` of an earlier send puts
 * that id everywhere the provider would, so such events can be sent in or out of order.
 */
import type { LifecycleStage } from '../../../shared/api/test-events';
import type { HeaderPair } from '../../../shared/capture';

/** Where an event sits in the life of its object; the handler check reorders on it. */
export type { LifecycleStage };

/** A form-encoded body (Twilio): ordered fields, repeats allowed. */
export interface FormFields {
  form: [string, string][];
}

export type EventBody = unknown;

export interface EventContext {
  /** The send time. */
  now: Date;
  nowSec: number;
  nowMs: number;
  /** `now` as ISO 8601 with milliseconds, UTC. */
  iso: string;
  /** The provider's id of this event or delivery (Stripe evt_…, a GitHub delivery UUID…). */
  eventId: string;
  /** The object the event is about; stable across a lifecycle when the caller passes it back. */
  objectId: string;
  /** The full URL the request is sent to (signed by Twilio, Square and HubSpot). */
  url: string;
  /** A fresh random id: prefix + `length` characters of `alphabet`. */
  id(prefix: string, length: number, alphabet?: IdAlphabet): string;
  uuid(): string;
  /** A fresh positive integer of `digits` digits (Shopify, GitHub and HubSpot ids are numbers). */
  int(digits: number): number;
  /** `now` moved by `seconds` (negative: earlier), as ISO 8601. */
  isoAt(seconds: number): string;
}

export type IdAlphabet = 'base62' | 'hex' | 'lowerAlnum' | 'upperAlnum' | 'digits' | 'crockford';

export interface CatalogEventSpec {
  /** The provider's own name for the event (`payment_intent.succeeded`, `pull_request.opened`…). */
  type: string;
  summary: string;
  object?: { kind: string; stage: LifecycleStage };
  /** JSON value, or `FormFields` for form-encoded senders. */
  body(ctx: EventContext): EventBody;
  /** Headers this event adds to the provider's common ones (GitHub's X-GitHub-Event…). */
  headers?(ctx: EventContext): HeaderPair[];
}

export interface CatalogProviderSpec {
  /** Catalog id (`stripe`, `clerk`…); also accepted by `hooklens trigger --provider`. */
  id: string;
  name: string;
  /** Id of the signature provider in ../signatures/registry.ts that signs these events. */
  signer: string;
  /** Where the payload shapes were read. */
  docs: string;
  contentType: string;
  /** Spaces of indentation in the JSON the provider sends (Stripe pretty-prints); compact when absent. */
  indent?: number;
  newSecret(): string;
  newEventId(ctx: Pick<EventContext, 'id' | 'uuid' | 'int'>): string;
  /** A fresh id for an object of `kind` (the event's `object.kind`, or its type when it has none). */
  newObjectId(kind: string, ctx: Pick<EventContext, 'id' | 'uuid' | 'int'>): string;
  /** Headers on every delivery, before the signature headers, in the provider's order. */
  headers(ctx: EventContext, event: CatalogEventSpec): HeaderPair[];
  /** Renames or reorders the signer's headers (Svix senders write svix-* instead of webhook-*). */
  signatureHeaders?(signed: HeaderPair[]): HeaderPair[];
  events: CatalogEventSpec[];
}
