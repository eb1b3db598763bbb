/*
 * The test-events section of the API: previews and sends catalog events for an endpoint, to the
 * replay target or to Hooklens's own capture URL. Sends go through the replay service, so they
 * land in the replay history like any other request the app sent.
 */
import type { Endpoint } from '../../../shared/api/endpoints';
import type {
  TestEventInput,
  TestEventPreview,
  TestEventsMethods,
  TestEventSent,
} from '../../../shared/api/test-events';
import { HooklensError } from '../../../shared/errors';
import { joinTarget } from '../../../shared/replay/target-url';
import type { ReplayHistoryEntry, ReplaySendInput } from '../../../shared/replay/types';
import type { CoreService } from '../service';
import { buildTestEvent, findCatalogProvider, type TestEvent } from './build-test-event';
import { listTestEventProviders } from './list-test-events';

export interface TestEventsServiceDeps {
  listEndpoints(): Promise<Endpoint[]>;
  /** Base URL of the capture listener, e.g. http://127.0.0.1:8787/ */
  captureUrl(): string;
  replayTargetBase(): Promise<string>;
  getSecret(endpointId: string, providerId: string): string | undefined;
  storeSecret(endpointId: string, providerId: string, secret: string): Promise<unknown>;
  sendReplay(input: ReplaySendInput): Promise<ReplayHistoryEntry>;
}

function checkInput(input: unknown): TestEventInput {
  const i = input as Partial<TestEventInput> | null;
  if (typeof i !== 'object' || i === null)
    throw new HooklensError('invalid_argument', 'the test event must be an object');
  for (const key of ['provider', 'event', 'endpointId'] as const)
    if (typeof i[key] !== 'string' || i[key] === '') throw new HooklensError('invalid_argument', `${key} must be text`);
  if (i.target !== 'replay' && i.target !== 'capture')
    throw new HooklensError('invalid_argument', "target must be 'replay' or 'capture'");
  for (const key of ['path', 'body', 'objectId'] as const)
    if (i[key] !== undefined && typeof i[key] !== 'string')
      throw new HooklensError('invalid_argument', `${key} must be text`);
  if (i.path !== undefined && i.path !== '' && !i.path.startsWith('/'))
    throw new HooklensError('invalid_argument', 'path must start with "/"');
  return i as TestEventInput;
}

export function createTestEventsService(deps: TestEventsServiceDeps): CoreService<TestEventsMethods> {
  async function targetUrl(input: TestEventInput): Promise<string> {
    const path = input.path || `/webhooks/${findCatalogProvider(input.provider).id}`;
    if (input.target === 'replay') return joinTarget(await deps.replayTargetBase(), path);
    const endpoint = (await deps.listEndpoints()).find((e) => e.id === input.endpointId);
    if (!endpoint) throw new HooklensError('not_found', `no endpoint ${input.endpointId}`);
    const base = deps.captureUrl().replace(/\/+$/, '');
    return `${base}${endpoint.slug ? `/e/${endpoint.slug}` : ''}${path}`;
  }

  async function build(input: TestEventInput): Promise<{ event: TestEvent; stored: boolean }> {
    const spec = findCatalogProvider(input.provider);
    const stored = deps.getSecret(input.endpointId, spec.signer);
    const event = buildTestEvent({
      provider: input.provider,
      event: input.event,
      url: await targetUrl(input),
      ...(stored ? { secret: stored } : {}),
      ...(input.body !== undefined ? { body: input.body } : {}),
      ...(input.objectId ? { objectId: input.objectId } : {}),
    });
    return { event, stored: stored !== undefined };
  }

  return {
    handlers: {
      async listTestEventProviders() {
        return listTestEventProviders();
      },
      async previewTestEvent(raw): Promise<TestEventPreview> {
        const { event, stored } = await build(checkInput(raw));
        return {
          url: event.url,
          headers: event.headers,
          body: event.body.toString('utf8'),
          eventId: event.eventId,
          ...(event.objectId ? { objectId: event.objectId } : {}),
          secret: stored ? 'stored' : 'generate',
        };
      },
      async sendTestEvent(raw): Promise<TestEventSent> {
        const input = checkInput(raw);
        const { event, stored } = await build(input);
        // Stored before sending: the capture it makes (target 'capture') is checked with it at once.
        if (!stored) await deps.storeSecret(input.endpointId, event.signer, event.secret);
        const entry = await deps.sendReplay({
          captureId: null,
          source: 'test-event',
          request: {
            method: event.method,
            url: event.url,
            headers: event.headers,
            body: { encoding: 'utf8', text: event.body.toString('utf8') },
          },
        });
        return {
          entry,
          eventId: event.eventId,
          ...(event.objectId ? { objectId: event.objectId } : {}),
          ...(stored ? {} : { generatedSecret: event.secret }),
        };
      },
    },
    close: async () => undefined,
  };
}
