/*
 * Clerk (through Svix): `{ data, object: "event", type, timestamp (ms), instance_id,
 * event_attributes }`, `data` being the resource as Clerk's Backend API returns it (snake_case,
 * times in unix milliseconds, ids `user_`/`sess_`/`org_` + 27 base62 characters).
 * https://clerk.com/docs/webhooks/overview, https://clerk.com/docs/reference/webhooks/events
 */
import { objectEvents } from '../catalog-entry';
import { byKindPrefix } from '../random-ids';
import type { CatalogProviderSpec, EventContext } from '../types';
import { svixSender } from './svix-sender';

const INSTANCE = 'ins_2hKlensTestInstance0001aZ';

const PREFIX: Record<string, string> = { user: 'user_', session: 'sess_', organization: 'org_', email: 'ema_' };

function envelope(ctx: EventContext, type: string, data: unknown): unknown {
  return {
    data,
    event_attributes: {
      http_request: {
        client_ip: '203.0.113.7',
        user_agent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36',
      },
    },
    instance_id: INSTANCE,
    object: 'event',
    timestamp: ctx.nowMs,
    type,
  };
}

function user(ctx: EventContext, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const emailId = ctx.id('idn_', 27);
  return {
    backup_code_enabled: false,
    banned: false,
    created_at: ctx.nowMs - 60_000,
    email_addresses: [
      {
        email_address: 'example@example.org',
        id: emailId,
        linked_to: [],
        object: 'email_address',
        verification: { status: 'verified', strategy: 'email_code' },
      },
    ],
    external_id: null,
    first_name: 'Example',
    has_image: false,
    id: ctx.objectId,
    image_url: 'https://img.clerk.com/preview.png',
    last_name: 'Example',
    last_sign_in_at: null,
    locked: false,
    object: 'user',
    password_enabled: true,
    phone_numbers: [],
    primary_email_address_id: emailId,
    primary_phone_number_id: null,
    private_metadata: {},
    public_metadata: {},
    two_factor_enabled: false,
    unsafe_metadata: {},
    updated_at: ctx.nowMs,
    username: null,
    ...extra,
  };
}

function session(ctx: EventContext, status: 'active' | 'ended'): Record<string, unknown> {
  return {
    abandon_at: ctx.nowMs + 30 * 86_400_000,
    client_id: ctx.id('client_', 27),
    created_at: ctx.nowMs - (status === 'ended' ? 3_600_000 : 0),
    expire_at: ctx.nowMs + 7 * 86_400_000,
    id: ctx.objectId,
    last_active_at: ctx.nowMs,
    object: 'session',
    status,
    updated_at: ctx.nowMs,
    user_id: 'user_2hKlensTestUser000000001aZ',
  };
}

const updatedUser = (ctx: EventContext): Record<string, unknown> =>
  user(ctx, { first_name: 'Updated', last_sign_in_at: ctx.nowMs - 5000 });

// Clerk sends only the id of a deleted user.
const deletedUser = (ctx: EventContext): Record<string, unknown> => ({
  deleted: true,
  id: ctx.objectId,
  object: 'user',
});

export const clerkCatalog: CatalogProviderSpec = {
  ...svixSender,
  id: 'clerk',
  name: 'Clerk',
  docs: 'https://clerk.com/docs/webhooks/overview',
  newObjectId: (kind, t) => t.id(byKindPrefix(PREFIX, kind, 'obj_'), 27),
  events: [
    ...objectEvents('user', [
      ['user.created', 'created', 'A user signed up', (ctx, type) => envelope(ctx, type, user(ctx))],
      ['user.updated', 'updated', 'A user changed their profile', (ctx, type) => envelope(ctx, type, updatedUser(ctx))],
      ['user.deleted', 'deleted', 'A user was deleted', (ctx, type) => envelope(ctx, type, deletedUser(ctx))],
    ]),
    ...objectEvents('session', [
      ['session.created', 'created', 'A user signed in', (ctx, type) => envelope(ctx, type, session(ctx, 'active'))],
      ['session.ended', 'deleted', 'A user signed out', (ctx, type) => envelope(ctx, type, session(ctx, 'ended'))],
    ]),
    {
      type: 'organization.created',
      summary: 'An organization was created',
      body: (ctx) =>
        envelope(ctx, 'organization.created', {
          created_at: ctx.nowMs,
          created_by: 'user_2hKlensTestUser000000001aZ',
          id: ctx.objectId,
          image_url: 'https://img.clerk.com/preview.png',
          logo_url: null,
          name: 'Acme Inc',
          object: 'organization',
          public_metadata: {},
          slug: 'acme-inc',
          updated_at: ctx.nowMs,
        }),
    },
  ],
};
