/*
 * Linear: `{ action: create|update|remove, type: Issue|Comment|Project…, actor, createdAt, data,
 * url, updatedFrom?, organizationId, webhookTimestamp (ms, signed), webhookId }`; the model name
 * is repeated in `Linear-Event`. Ids are UUIDs; `updatedFrom` holds the previous values of what
 * changed. Catalog types read `<type>.<action>`.
 * https://linear.app/developers/webhooks
 */
import { randomBase64 } from '../random-ids';
import type { CatalogEventSpec, CatalogProviderSpec, EventContext, LifecycleStage } from '../types';

const ORG = 'c6d5a7f4-0f79-4b4a-9cb2-3a1b1a6e58e1';
const WEBHOOK = '000042e3-d123-4980-b49f-8e140eef9329';
const TEAM = { id: '72b2a2dc-6f4f-4423-9d34-24b5bd10634a', key: 'ENG', name: 'Engineering' };
const ACTOR = {
  id: '5c0a6b58-5e1c-4e0d-9e85-0a3a2b1f9c11',
  type: 'user',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  url: 'https://linear.app/acme/profiles/ada',
};

function issue(ctx: EventContext, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const number = (parseInt(ctx.objectId.slice(0, 4), 16) % 900) + 100;
  return {
    id: ctx.objectId,
    createdAt: ctx.isoAt(-60),
    updatedAt: ctx.iso,
    number,
    title: 'Webhook retries create duplicate rows',
    description: 'Deduplicate on the delivery id.',
    priority: 2,
    priorityLabel: 'High',
    estimate: 3,
    sortOrder: -1234.5,
    teamId: TEAM.id,
    team: TEAM,
    stateId: '1e5a0a8b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
    state: { id: '1e5a0a8b-3c4d-4e5f-8a9b-0c1d2e3f4a5b', name: 'Todo', color: '#e2e2e2', type: 'unstarted' },
    creatorId: ACTOR.id,
    assigneeId: null,
    labelIds: [],
    labels: [],
    identifier: `${TEAM.key}-${number}`,
    url: `https://linear.app/acme/issue/${TEAM.key}-${number}/webhook-retries-create-duplicate-rows`,
    ...extra,
  };
}

function project(ctx: EventContext, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: ctx.objectId,
    createdAt: ctx.isoAt(-3600),
    updatedAt: ctx.iso,
    name: 'Webhook reliability',
    description: 'Every delivery stored before it is acknowledged',
    slugId: ctx.objectId.slice(-12),
    color: '#bec2c8',
    state: 'planned',
    progress: 0,
    teamIds: [TEAM.id],
    leadId: ACTOR.id,
    url: `https://linear.app/acme/project/webhook-reliability-${ctx.objectId.slice(-12)}`,
    ...extra,
  };
}

function event(
  type: string,
  action: 'create' | 'update' | 'remove',
  summary: string,
  stage: LifecycleStage | undefined,
  data: (ctx: EventContext) => Record<string, unknown>,
  updatedFrom?: (ctx: EventContext) => Record<string, unknown>,
): CatalogEventSpec {
  return {
    type: `${type}.${action}`,
    summary,
    ...(stage ? { object: { kind: type, stage } } : {}),
    headers: () => [['Linear-Event', type]],
    body: (ctx) => {
      const d = data(ctx);
      return {
        action,
        actor: ACTOR,
        createdAt: ctx.iso,
        data: d,
        url: d.url,
        type,
        ...(updatedFrom ? { updatedFrom: updatedFrom(ctx) } : {}),
        organizationId: ORG,
        webhookTimestamp: ctx.nowMs,
        webhookId: WEBHOOK,
      };
    },
  };
}

export const linearCatalog: CatalogProviderSpec = {
  id: 'linear',
  name: 'Linear',
  signer: 'linear',
  docs: 'https://linear.app/developers/webhooks',
  contentType: 'application/json; charset=utf-8',
  newSecret: () => `lin_wh_${randomBase64(30).replace(/[+/=]/g, '')}`,
  newEventId: (t) => t.uuid(),
  newObjectId: (_kind, t) => t.uuid(),
  headers: (ctx) => [
    ['Content-Type', 'application/json; charset=utf-8'],
    ['User-Agent', 'Linear-Webhook'],
    ['Linear-Delivery', ctx.eventId],
  ],
  events: [
    event('Issue', 'create', 'An issue was created', 'created', (ctx) => issue(ctx)),
    event(
      'Issue',
      'update',
      'An issue moved to another state',
      'updated',
      (ctx) =>
        issue(ctx, {
          stateId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
          state: { id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', name: 'In Progress', color: '#f2c94c', type: 'started' },
          startedAt: ctx.iso,
        }),
      (ctx) => ({ updatedAt: ctx.isoAt(-60), stateId: '1e5a0a8b-3c4d-4e5f-8a9b-0c1d2e3f4a5b', startedAt: null }),
    ),
    event('Issue', 'remove', 'An issue was deleted (moved to trash)', 'deleted', (ctx) =>
      issue(ctx, { archivedAt: ctx.iso, trashed: true }),
    ),
    event('Comment', 'create', 'A comment was added to an issue', undefined, (ctx) => ({
      id: ctx.objectId,
      createdAt: ctx.iso,
      updatedAt: ctx.iso,
      body: 'Reproduced with a replayed delivery.',
      issueId: 'd6a2b6f0-8c1e-4d4b-9a77-5f8c2e1b3a90',
      issue: { id: 'd6a2b6f0-8c1e-4d4b-9a77-5f8c2e1b3a90', title: 'Webhook retries create duplicate rows' },
      userId: ACTOR.id,
      reactionData: [],
      url: `https://linear.app/acme/issue/ENG-123#comment-${ctx.objectId.slice(0, 8)}`,
    })),
    event('Project', 'create', 'A project was created', 'created', (ctx) => project(ctx)),
    event(
      'Project',
      'update',
      'A project changed',
      'updated',
      (ctx) => project(ctx, { state: 'started', startedAt: ctx.iso }),
      () => ({ state: 'planned', startedAt: null }),
    ),
  ],
};
