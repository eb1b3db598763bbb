/*
 * Provider profiles: the documented delivery facts of a webhook sender, the data `hooklens check`
 * plays the provider with. One profile per provider, in `providers/<id>.profile.ts` beside its
 * signature scheme, each fact with the URL it was read from. Where a provider publishes no number
 * the profile says so (`timeoutDocumented: false`) instead of passing a guess off as a fact.
 *
 * Field locations name where a value lives in a delivery: a header, a JSON path in the body, or a
 * form field (Twilio posts application/x-www-form-urlencoded).
 */
import type { HeaderPair } from '../../../shared/capture';

export type FieldLocation =
  { in: 'header'; name: string } | { in: 'json'; path: (string | number)[] } | { in: 'form'; name: string };

/** One event as the provider would send it; values are set on the profile's sample body. */
export interface ProfileEvent {
  type: string;
  /** Further fields that make this event what it is (an action, a status). */
  set?: [FieldLocation, string | number][];
}

export interface ProviderProfile {
  /** The signature provider this profile belongs to (registry id). */
  providerId: string;
  name: string;
  /** The main page the facts come from. */
  docs: string;
  /** How long the provider waits for a 2xx before it counts the delivery as failed. */
  timeoutMs: number;
  /** False when the provider publishes no number; `timeoutMs` is then a conservative stand-in. */
  timeoutDocumented: boolean;
  /** In words, as the provider documents it. */
  retrySchedule: string;
  /** Headers a retried delivery carries, for retry number `attempt` (1 = first retry). */
  retryHeaders?(attempt: number, reason: 'timeout' | 'error'): HeaderPair[];
  /** The idempotency key: the same on every retry of one event. Null when the provider sends none. */
  eventId: FieldLocation | null;
  /** What to deduplicate on when `eventId` is null. */
  dedupeHint?: string;
  eventType: FieldLocation | null;
  /** Seconds of signature-timestamp tolerance receivers are told to allow; absent when no timestamp is signed. */
  toleranceSec?: number;
  /** A signed timestamp kept inside the body (Linear's webhookTimestamp), in milliseconds. */
  bodyTimestampMs?: FieldLocation;
  /** Largest body the provider sends, when documented. */
  maxPayloadBytes?: number;
  bodyFormat: 'json' | 'form';
  contentType: string;
  /** Headers real deliveries carry besides the signature (User-Agent, event and delivery headers). */
  deliveryHeaders: HeaderPair[];
  /** A minimal event body for `now` (unix seconds), used when no capture or catalog event is given. */
  sample(now: number): { type: string; body: unknown };
  /** Two events about one object that can arrive in either order; sent second-first by the check. */
  reversePair?: { first: ProfileEvent; second: ProfileEvent; why: string };
}
