/*
 * Resend (through Svix): `{ type, created_at, data }`; email events carry the `email_id` (a UUID)
 * Resend returned when the email was sent, so sent → delivered → bounced share it.
 * https://resend.com/docs/dashboard/webhooks/event-types
 */
import type { CatalogEventSpec, CatalogProviderSpec, EventContext, LifecycleStage } from '../types';
import { svixSender } from './svix-sender';

function email(ctx: EventContext, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    created_at: ctx.isoAt(-2),
    email_id: ctx.objectId,
    from: 'Acme <onboarding@resend.dev>',
    to: ['delivered@resend.dev'],
    subject: 'Your receipt from Acme',
    broadcast_id: null,
    headers: [{ name: 'X-Entity-Ref-ID', value: String(ctx.int(8)) }],
    tags: { category: 'receipt' },
    ...extra,
  };
}

function contact(ctx: EventContext, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: ctx.objectId,
    audience_id: '78261eea-8f8b-4381-83c6-79fa7120f1cf',
    segment_ids: [],
    created_at: ctx.isoAt(-60),
    updated_at: ctx.iso,
    email: 'steve.wozniak@gmail.com',
    first_name: 'Steve',
    last_name: 'Wozniak',
    unsubscribed: false,
    ...extra,
  };
}

function event(
  type: string,
  summary: string,
  kind: string,
  stage: LifecycleStage,
  data: (ctx: EventContext) => unknown,
): CatalogEventSpec {
  return { type, summary, object: { kind, stage }, body: (ctx) => ({ type, created_at: ctx.iso, data: data(ctx) }) };
}

export const resendCatalog: CatalogProviderSpec = {
  ...svixSender,
  id: 'resend',
  name: 'Resend',
  docs: 'https://resend.com/docs/dashboard/webhooks/event-types',
  newObjectId: (_kind, t) => t.uuid(),
  events: [
    event('email.sent', 'An email was accepted for delivery', 'email', 'created', (ctx) => email(ctx)),
    event('email.delivered', "An email reached the recipient's server", 'email', 'updated', (ctx) => email(ctx)),
    event('email.bounced', 'An email bounced', 'email', 'updated', (ctx) =>
      email(ctx, {
        bounce: { message: "The recipient's email address does not exist.", subType: 'Suppressed', type: 'Permanent' },
      }),
    ),
    event('email.opened', 'A recipient opened an email', 'email', 'updated', (ctx) => email(ctx)),
    event('email.clicked', 'A recipient clicked a link', 'email', 'updated', (ctx) =>
      email(ctx, {
        click: {
          ipAddress: '203.0.113.7',
          link: 'https://resend.com',
          timestamp: ctx.iso,
          userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)',
        },
      }),
    ),
    event('contact.created', 'A contact was added', 'contact', 'created', (ctx) => contact(ctx)),
    event('contact.updated', 'A contact changed', 'contact', 'updated', (ctx) => contact(ctx, { unsubscribed: true })),
    event('contact.deleted', 'A contact was removed', 'contact', 'deleted', (ctx) => contact(ctx)),
  ],
};
