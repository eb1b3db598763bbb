/*
 * Stripe: one `event` object per delivery (`evt_…`), the resource under `data.object`, the
 * changed fields under `data.previous_attributes` for `*.updated`. Ids are a type prefix plus 24
 * base62 characters; amounts are integers in the currency's smallest unit; times unix seconds.
 * https://docs.stripe.com/api/events/object, https://docs.stripe.com/webhooks
 */
import { objectEvents } from '../catalog-entry';
import { byKindPrefix, randomId } from '../random-ids';
import type { CatalogProviderSpec, EventContext } from '../types';

const API_VERSION = '2025-10-29.clover';

const OBJECT_PREFIX: Record<string, string> = {
  'customer.subscription': 'sub_',
  payment_intent: 'pi_',
  'checkout.session': 'cs_test_a1',
  invoice: 'in_',
  charge: 'ch_',
};

function envelope(ctx: EventContext, type: string, object: unknown, previous?: Record<string, unknown>): unknown {
  return {
    id: ctx.eventId,
    object: 'event',
    api_version: API_VERSION,
    created: ctx.nowSec,
    data: { object, ...(previous ? { previous_attributes: previous } : {}) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: ctx.id('req_', 14), idempotency_key: ctx.uuid() },
    type,
  };
}

function paymentIntent(ctx: EventContext, status: 'succeeded' | 'requires_payment_method'): Record<string, unknown> {
  const failed = status !== 'succeeded';
  const charge = ctx.id('ch_', 24);
  return {
    id: ctx.objectId,
    object: 'payment_intent',
    amount: 2000,
    amount_capturable: 0,
    amount_received: failed ? 0 : 2000,
    automatic_payment_methods: { allow_redirects: 'always', enabled: true },
    capture_method: 'automatic_async',
    client_secret: `${ctx.objectId}_secret_${ctx.id('', 25)}`,
    confirmation_method: 'automatic',
    created: ctx.nowSec - 3,
    currency: 'usd',
    customer: ctx.id('cus_', 14),
    description: 'Hooklens test payment',
    last_payment_error: failed
      ? {
          code: 'card_declined',
          decline_code: 'insufficient_funds',
          doc_url: 'https://stripe.com/docs/error-codes/card-declined',
          message: 'Your card has insufficient funds.',
          payment_method: { id: ctx.id('pm_', 24), object: 'payment_method', type: 'card' },
          type: 'card_error',
        }
      : null,
    latest_charge: charge,
    livemode: false,
    metadata: { order_id: String(ctx.int(6)) },
    payment_method: ctx.id('pm_', 24),
    payment_method_types: ['card'],
    receipt_email: 'jenny.rosen@example.com',
    status,
  };
}

function subscription(
  ctx: EventContext,
  status: 'active' | 'canceled',
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const start = ctx.nowSec - 60;
  return {
    id: ctx.objectId,
    object: 'subscription',
    billing_cycle_anchor: start,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: status === 'canceled' ? ctx.nowSec : null,
    collection_method: 'charge_automatically',
    created: start,
    currency: 'usd',
    customer: 'cus_HooklensTest01',
    ended_at: status === 'canceled' ? ctx.nowSec : null,
    items: {
      object: 'list',
      data: [
        {
          id: ctx.id('si_', 14),
          object: 'subscription_item',
          current_period_end: start + 30 * 86400,
          current_period_start: start,
          price: {
            id: 'price_HooklensProMonthly',
            object: 'price',
            active: true,
            currency: 'usd',
            product: 'prod_HooklensPro',
            recurring: { interval: 'month', interval_count: 1, usage_type: 'licensed' },
            type: 'recurring',
            unit_amount: 1500,
          },
          quantity: 1,
          subscription: ctx.objectId,
        },
      ],
      has_more: false,
      url: `/v1/subscription_items?subscription=${ctx.objectId}`,
    },
    latest_invoice: ctx.id('in_', 24),
    livemode: false,
    metadata: {},
    start_date: start,
    status,
    ...extra,
  };
}

const subscriptionEvent =
  (status: 'active' | 'canceled') =>
  (ctx: EventContext, type: string): unknown =>
    envelope(ctx, type, subscription(ctx, status));

// Set to cancel at the period's end; previous_attributes holds what that changed.
const cancelScheduled = (ctx: EventContext, type: string): unknown =>
  envelope(ctx, type, subscription(ctx, 'active', { cancel_at_period_end: true, cancel_at: ctx.nowSec + 30 * 86400 }), {
    cancel_at_period_end: false,
    cancel_at: null,
  });

export const stripeCatalog: CatalogProviderSpec = {
  id: 'stripe',
  name: 'Stripe',
  signer: 'stripe',
  docs: 'https://docs.stripe.com/api/events/types',
  contentType: 'application/json; charset=utf-8',
  indent: 2,
  newSecret: () => randomId('whsec_', 32),
  newEventId: (t) => t.id('evt_', 24),
  newObjectId: (kind, t) => t.id(byKindPrefix(OBJECT_PREFIX, kind, 'obj_'), 24),
  headers: () => [
    ['Content-Type', 'application/json; charset=utf-8'],
    ['Cache-Control', 'no-cache'],
    ['User-Agent', 'Stripe/1.0 (+https://stripe.com/docs/webhooks)'],
    ['Accept', '*/*; q=0.5, application/xml'],
  ],
  events: [
    {
      type: 'payment_intent.succeeded',
      summary: 'A payment was captured',
      body: (ctx) => envelope(ctx, 'payment_intent.succeeded', paymentIntent(ctx, 'succeeded')),
    },
    {
      type: 'payment_intent.payment_failed',
      summary: 'A payment attempt was declined',
      body: (ctx) => envelope(ctx, 'payment_intent.payment_failed', paymentIntent(ctx, 'requires_payment_method')),
    },
    {
      type: 'checkout.session.completed',
      summary: 'A Checkout session was paid',
      body: (ctx) =>
        envelope(ctx, 'checkout.session.completed', {
          id: ctx.objectId,
          object: 'checkout.session',
          amount_subtotal: 1500,
          amount_total: 1500,
          cancel_url: 'https://example.com/cancel',
          client_reference_id: null,
          created: ctx.nowSec - 120,
          currency: 'usd',
          customer: ctx.id('cus_', 14),
          customer_details: {
            email: 'jenny.rosen@example.com',
            name: 'Jenny Rosen',
            address: { country: 'US', postal_code: '94107' },
          },
          expires_at: ctx.nowSec + 86400,
          livemode: false,
          metadata: {},
          mode: 'subscription',
          payment_intent: null,
          payment_status: 'paid',
          status: 'complete',
          subscription: ctx.id('sub_', 24),
          success_url: 'https://example.com/success?session_id={CHECKOUT_SESSION_ID}',
          url: null,
        }),
    },
    {
      type: 'invoice.paid',
      summary: 'An invoice was paid (subscription renewals)',
      body: (ctx) =>
        envelope(ctx, 'invoice.paid', {
          id: ctx.objectId,
          object: 'invoice',
          account_country: 'US',
          amount_due: 1500,
          amount_paid: 1500,
          amount_remaining: 0,
          billing_reason: 'subscription_cycle',
          collection_method: 'charge_automatically',
          created: ctx.nowSec - 3600,
          currency: 'usd',
          customer: 'cus_HooklensTest01',
          customer_email: 'jenny.rosen@example.com',
          hosted_invoice_url: `https://invoice.stripe.com/i/acct_${ctx.id('', 16)}/test_${ctx.id('', 40)}`,
          lines: {
            object: 'list',
            data: [
              {
                id: ctx.id('il_', 24),
                object: 'line_item',
                amount: 1500,
                currency: 'usd',
                description: '1 × Hooklens Pro (at $15.00 / month)',
                period: { end: ctx.nowSec + 30 * 86400, start: ctx.nowSec },
                quantity: 1,
              },
            ],
            has_more: false,
            url: `/v1/invoices/${ctx.objectId}/lines`,
          },
          livemode: false,
          number: `HK-${ctx.int(4)}`,
          paid: true,
          period_end: ctx.nowSec,
          period_start: ctx.nowSec - 30 * 86400,
          status: 'paid',
          status_transitions: { finalized_at: ctx.nowSec - 3600, paid_at: ctx.nowSec },
          subtotal: 1500,
          total: 1500,
        }),
    },
    ...objectEvents('customer.subscription', [
      ['customer.subscription.created', 'created', 'A subscription started', subscriptionEvent('active')],
      ['customer.subscription.updated', 'updated', 'A subscription changed (plan, quantity, status)', cancelScheduled],
      ['customer.subscription.deleted', 'deleted', 'A subscription ended', subscriptionEvent('canceled')],
    ]),
    {
      type: 'charge.refunded',
      summary: 'A charge was refunded in full',
      body: (ctx) =>
        envelope(ctx, 'charge.refunded', {
          id: ctx.objectId,
          object: 'charge',
          amount: 2000,
          amount_captured: 2000,
          amount_refunded: 2000,
          balance_transaction: ctx.id('txn_', 24),
          captured: true,
          created: ctx.nowSec - 86400,
          currency: 'usd',
          customer: ctx.id('cus_', 14),
          livemode: false,
          paid: true,
          payment_intent: ctx.id('pi_', 24),
          payment_method: ctx.id('pm_', 24),
          refunded: true,
          refunds: {
            object: 'list',
            data: [
              {
                id: ctx.id('re_', 24),
                object: 'refund',
                amount: 2000,
                charge: ctx.objectId,
                created: ctx.nowSec,
                currency: 'usd',
                reason: 'requested_by_customer',
                status: 'succeeded',
              },
            ],
            has_more: false,
            url: `/v1/charges/${ctx.objectId}/refunds`,
          },
          status: 'succeeded',
        }),
    },
  ],
};
