/*
 * `--event TYPE` from the test-event catalog: the provider's realistic event body and headers,
 * built with fresh ids (its signature is dropped: every probe signs anew). When the event belongs
 * to a lifecycle (created → updated → deleted), the first two events of that object, built about
 * the same object id, become the reverse-order probe's pair. Events the catalog does not know fall
 * back to the profile's sample body with that type.
 */
import { buildTestEvent, listTestEventProviders, testEventLifecycles } from '../catalog';
import type { ProviderProfile } from '../signatures/profile';
import type { Provider } from '../signatures/types';
import { deliveryFromCapture, deliveryFromEvent } from './delivery';
import type { ReversePair } from './probe-context';
import type { SourceInput } from './run-check';

export interface EventSource {
  source: SourceInput;
  reversePair?: ReversePair;
}

/** The catalog provider for `--provider` as typed (clerk, resend…), else the signature provider's id. */
function catalogProvider(typed: string, provider: Provider): string | undefined {
  const ids = new Set(listTestEventProviders().map((p) => p.id));
  const key = typed.toLowerCase();
  if (ids.has(key)) return key;
  return ids.has(provider.id) ? provider.id : undefined;
}

export function eventSource(
  typed: string,
  provider: Provider,
  profile: ProviderProfile,
  type: string,
  target: string,
): EventSource {
  const catalogId = catalogProvider(typed, provider);
  const known = catalogId ? testEventLifecycles(catalogId) : [];
  const inCatalog =
    catalogId !== undefined &&
    listTestEventProviders().some((p) => p.id === catalogId && p.events.some((e) => e.type === type));
  if (!catalogId || !inCatalog) {
    const { body } = profile.sample(Math.floor(Date.now() / 1000));
    return {
      source: { delivery: deliveryFromEvent(profile, type, body), label: `built-in ${profile.name} sample as ${type}` },
    };
  }
  const build = (event: string, objectId?: string) => {
    const built = buildTestEvent({ provider: catalogId, event, url: target, ...(objectId ? { objectId } : {}) });
    return {
      built,
      delivery: deliveryFromCapture(
        { method: built.method, headers: built.headers, body: { encoding: 'utf8', text: built.body.toString('utf8') } },
        provider,
      ),
    };
  };
  const source = { delivery: build(type).delivery, label: `catalog event ${catalogId} ${type}` };
  const lifecycle = known.find((l) => l.events.some((e) => e.type === type) && l.events.length >= 2);
  if (!lifecycle) return { source };
  const [firstType, secondType] = [lifecycle.events[0]!.type, lifecycle.events[1]!.type];
  const first = build(firstType);
  const second = build(secondType, first.built.objectId);
  return {
    source,
    reversePair: {
      first: { type: firstType, delivery: first.delivery },
      second: { type: secondType, delivery: second.delivery },
      why: `${secondType} and ${firstType} are about the same ${lifecycle.kind}, and deliveries are not guaranteed to arrive in order`,
    },
  };
}
