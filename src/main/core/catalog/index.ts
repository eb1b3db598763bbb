/*
 * The test-event catalog: realistic, signed webhook deliveries for providers a developer may have
 * no account with, built offline.
 *
 *   listTestEventProviders()            → [{ id, name, signer, secretHint, docs, contentType, events: [{ type, summary, object? }] }]
 *   listTestEvents(provider?)           → [{ provider, type, summary, object? }]
 *   testEventLifecycles(provider)       → [{ kind, events }]   events about one object, created → deleted
 *   buildTestEvent({ provider, event, secret?, url?, overrides?, body?, objectId?, now? })
 *     → { method: 'POST', url, path, headers: [name, value][], body: Buffer, eventId,
 *         objectId?, object?: { kind, stage }, secret, secretGenerated, signer, provider, event }
 *
 * Every build has fresh ids and timestamps (`now`, default the current time) and is signed with
 * `secret` (a fresh one in the provider's format when absent, returned with `secretGenerated`).
 * Events with an `object` belong to a lifecycle: pass the `objectId` of one build to another of the
 * same kind and both are about the same object, whatever order they are sent in:
 *
 *   const created = buildTestEvent({ provider: 'stripe', event: 'customer.subscription.created', secret });
 *   const deleted = buildTestEvent({ provider: 'stripe', event: 'customer.subscription.deleted', secret, objectId: created.objectId });
 *
 * `url` is where the event will be sent: Twilio, Square and HubSpot sign it, so it must be the
 * exact URL the request reaches. `overrides` are `[path, value]` edits (`data.object.amount`,
 * `500`), `body` replaces the generated text and is signed as is.
 */
export { buildTestEvent, DEFAULT_TARGET, type TestEvent, type TestEventInput } from './build-test-event';
export {
  listTestEventProviders,
  listTestEvents,
  testEventLifecycles,
  type TestEventProvider,
  type TestEventType,
} from './list-test-events';
export { parseOverride, type Override } from './set-path';
export type { LifecycleStage } from './types';
export { deliveryEventType } from './event-type';
export { createTestEventsService, type TestEventsServiceDeps } from './test-events-service';
