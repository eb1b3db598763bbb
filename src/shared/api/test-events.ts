/*
 * The test-events section: the offline catalog of signed provider events (see
 * src/main/core/catalog), previewed and sent from the app. A send is recorded in the replay
 * history (source 'test-event') and its result has the same shape as a replay's.
 *
 * Secrets: an event is signed with the secret stored for (endpoint, signer); when none is stored,
 * a fresh one in the provider's format is generated, stored, and returned once as
 * `generatedSecret`, so the user can give it to their server and Hooklens's own check agrees.
 * No events of its own: a send is announced by the replay section's 'replay:sent'.
 */
import type { HeaderPair } from '../capture';
import type { ReplayHistoryEntry } from '../replay/types';

export type LifecycleStage = 'created' | 'updated' | 'deleted';

export interface TestEventType {
  type: string;
  summary: string;
  /** Events about one object (created → updated → deleted) share an object id when passed back. */
  object?: { kind: string; stage: LifecycleStage };
}

export interface TestEventProvider {
  id: string;
  name: string;
  /** Signature provider id; the secret is stored under it. */
  signer: string;
  secretHint: string;
  docs: string;
  contentType: string;
  events: TestEventType[];
}

/** Where a test event goes: the replay target (the user's server) or Hooklens's own capture URL. */
export type TestEventTarget = 'replay' | 'capture';

export interface TestEventInput {
  provider: string;
  event: string;
  /** Whose stored secret signs it, and whose capture URL receives it with target 'capture'. */
  endpointId: string;
  target: TestEventTarget;
  /** Path (and query) after the target; defaults to `/webhooks/<provider>`. */
  path?: string;
  /** An edited body, signed as is; the generated one when absent. */
  body?: string;
  /** The object id of an earlier event of the same lifecycle. */
  objectId?: string;
}

export interface TestEventPreview {
  url: string;
  headers: HeaderPair[];
  body: string;
  eventId: string;
  objectId?: string;
  /** 'generate': no secret is stored yet; sending generates and stores one. */
  secret: 'stored' | 'generate';
}

export interface TestEventSent {
  entry: ReplayHistoryEntry;
  eventId: string;
  objectId?: string;
  /** Present once, when the send generated and stored the secret. */
  generatedSecret?: string;
}

export interface TestEventsMethods {
  listTestEventProviders(): Promise<TestEventProvider[]>;
  /** The request a send would make now (fresh ids; the signature is recomputed at send time). */
  previewTestEvent(input: TestEventInput): Promise<TestEventPreview>;
  sendTestEvent(input: TestEventInput): Promise<TestEventSent>;
}

export const testEventsMethodNames = {
  listTestEventProviders: true,
  previewTestEvent: true,
  sendTestEvent: true,
} as const satisfies Record<keyof TestEventsMethods, true>;
