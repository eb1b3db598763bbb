/*
 * Builders for catalog entries. Senders name most events `<object>.<what happened>` and wrap the
 * object in an envelope that names the type again, so a provider can list the events of one
 * object's lifecycle as table rows: type, stage, summary, and the body built for that type.
 */
import type { CatalogEventSpec, EventBody, EventContext, LifecycleStage } from './types';

export interface Lifecycle {
  kind: string;
  stage: LifecycleStage;
}

/** One entry; `object` stays out of entries that belong to no lifecycle. */
export function catalogEntry(
  type: string,
  summary: string,
  object: Lifecycle | undefined,
  body: CatalogEventSpec['body'],
): CatalogEventSpec {
  return { type, summary, ...(object ? { object } : {}), body };
}

export type ObjectEventRow = readonly [
  type: string,
  stage: LifecycleStage,
  summary: string,
  body: (ctx: EventContext, type: string) => EventBody,
];

/** The entries for the events about one kind of object, in row order. */
export function objectEvents(kind: string, rows: readonly ObjectEventRow[]): CatalogEventSpec[] {
  return rows.map(([type, stage, summary, body]) =>
    catalogEntry(type, summary, { kind, stage }, (ctx) => body(ctx, type)),
  );
}
