/* The catalog as plain data: what `hooklens events` prints and the UI's pickers show. */
import type { TestEventProvider, TestEventType } from '../../../shared/api/test-events';
import { getProvider } from '../signatures/registry';
import { findCatalogProvider } from './build-test-event';
import { CATALOG } from './catalog-list';
import type { LifecycleStage } from './types';

export type { TestEventProvider, TestEventType };

export function listTestEventProviders(): TestEventProvider[] {
  return CATALOG.map((spec) => ({
    id: spec.id,
    name: spec.name,
    signer: spec.signer,
    secretHint: getProvider(spec.signer)?.secretHint ?? '',
    docs: spec.docs,
    contentType: spec.contentType,
    events: spec.events.map((e) => ({ type: e.type, summary: e.summary, ...(e.object ? { object: e.object } : {}) })),
  }));
}

/** One provider's events, or every event of every provider. */
export function listTestEvents(provider?: string): (TestEventType & { provider: string })[] {
  const specs = provider === undefined ? CATALOG : [findCatalogProvider(provider)];
  return specs.flatMap((spec) =>
    spec.events.map((e) => ({
      provider: spec.id,
      type: e.type,
      summary: e.summary,
      ...(e.object ? { object: e.object } : {}),
    })),
  );
}

const STAGE_ORDER: Record<LifecycleStage, number> = { created: 0, updated: 1, deleted: 2 };

/**
 * Lifecycles of one provider: per object kind, its events in their natural order (created first,
 * deleted last). Build the first, then pass its `objectId` to the others, in any order.
 */
export function testEventLifecycles(provider: string): { kind: string; events: TestEventType[] }[] {
  const byKind = new Map<string, TestEventType[]>();
  for (const e of listTestEvents(provider)) {
    if (!e.object) continue;
    const list = byKind.get(e.object.kind) ?? [];
    list.push({ type: e.type, summary: e.summary, object: e.object });
    byKind.set(e.object.kind, list);
  }
  return [...byKind].map(([kind, events]) => ({
    kind,
    events: events.sort((a, b) => STAGE_ORDER[a.object!.stage] - STAGE_ORDER[b.object!.stage]),
  }));
}
