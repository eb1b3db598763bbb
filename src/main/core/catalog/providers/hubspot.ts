/*
 * HubSpot (app webhooks): the body is a JSON array of up to 100 events; each names its
 * `subscriptionType` (`contact.creation`…), `objectId` (numeric, shared by one record's
 * creation → propertyChange → deletion), `occurredAt` in ms and a per-event `eventId`. The
 * catalog sends one event per request. Signed with v3 (method + URL + body + timestamp).
 * https://developers.hubspot.com/docs/api/webhooks
 */
import { randomUUID } from 'node:crypto';
import type { CatalogEventSpec, CatalogProviderSpec, EventContext, LifecycleStage } from '../types';

const PORTAL = 62_515;
const APP = 1_160_452;

function event(
  type: string,
  summary: string,
  stage: LifecycleStage | undefined,
  extra: (ctx: EventContext) => Record<string, unknown> = () => ({}),
): CatalogEventSpec {
  return {
    type,
    summary,
    ...(stage ? { object: { kind: type.split('.')[0]!, stage } } : {}),
    body: (ctx) => [
      {
        eventId: Number(ctx.eventId),
        subscriptionId: 2_881_778,
        portalId: PORTAL,
        appId: APP,
        occurredAt: ctx.nowMs,
        subscriptionType: type,
        attemptNumber: 0,
        objectId: Number(ctx.objectId),
        changeSource: 'CRM_UI',
        ...extra(ctx),
      },
    ],
  };
}

export const hubspotCatalog: CatalogProviderSpec = {
  id: 'hubspot',
  name: 'HubSpot',
  signer: 'hubspot',
  docs: 'https://developers.hubspot.com/docs/api/webhooks',
  contentType: 'application/json',
  newSecret: () => randomUUID(),
  newEventId: (t) => String(t.int(10)),
  newObjectId: (_kind, t) => String(t.int(9)),
  headers: () => [
    ['Content-Type', 'application/json'],
    ['User-Agent', 'HubSpot Connect 2.0 (http://dev.hubspot.com/) - WebhooksExecutorDaemon-executor'],
  ],
  events: [
    event('contact.creation', 'A contact was created', 'created', () => ({ changeFlag: 'NEW' })),
    event('contact.propertyChange', 'A contact property changed', 'updated', () => ({
      propertyName: 'lifecyclestage',
      propertyValue: 'customer',
      sourceId: 'userId:8831234',
    })),
    event('contact.deletion', 'A contact was deleted', 'deleted', () => ({ changeFlag: 'DELETED' })),
    event('company.creation', 'A company was created', undefined, () => ({ changeFlag: 'NEW' })),
    event('deal.creation', 'A deal was created', 'created', () => ({ changeFlag: 'NEW' })),
    event('deal.propertyChange', 'A deal moved stage', 'updated', () => ({
      propertyName: 'dealstage',
      propertyValue: 'closedwon',
      sourceId: 'userId:8831234',
    })),
    event('contact.merge', 'Two contacts were merged', undefined, (ctx) => ({
      primaryObjectId: Number(ctx.objectId),
      mergedObjectIds: [ctx.int(9)],
      newObjectId: Number(ctx.objectId),
      numberOfPropertiesMoved: 12,
    })),
  ],
};
