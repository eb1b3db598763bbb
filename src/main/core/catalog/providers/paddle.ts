/*
 * Paddle Billing: `{ event_id: evt_…, event_type, occurred_at, notification_id: ntf_…, data }`,
 * `data` being the entity as the Paddle API returns it (snake_case; ids a type prefix + a
 * lower-case ULID; amounts as strings in the smallest currency unit; times ISO 8601 with
 * microseconds).
 * https://developer.paddle.com/webhooks/overview, https://developer.paddle.com/api-reference/overview
 */
import { catalogEntry, type Lifecycle } from '../catalog-entry';
import { byKindPrefix, randomBase64, randomId } from '../random-ids';
import type { CatalogEventSpec, CatalogProviderSpec, EventContext } from '../types';

const CUSTOMER = 'ctm_01jcz2hkl3n5test0000000001';
const ADDRESS = 'add_01jcz2hkl3n5test0000000001';
const PRICE = 'pri_01jcz2hkl3n5test0000000001';
const PRODUCT = 'pro_01jcz2hkl3n5test0000000001';

const PREFIX: Record<string, string> = { transaction: 'txn_', subscription: 'sub_', customer: 'ctm_' };

const micro = (iso: string): string => iso.replace(/Z$/, '000Z');

function ulid(ctx: Pick<EventContext, 'id'>, prefix: string): string {
  return ctx.id(`${prefix}01`, 24, 'crockford');
}

function price(ctx: EventContext): Record<string, unknown> {
  return {
    id: PRICE,
    product_id: PRODUCT,
    name: 'Monthly (per seat)',
    description: 'Monthly',
    type: 'standard',
    billing_cycle: { interval: 'month', frequency: 1 },
    trial_period: null,
    tax_mode: 'account_setting',
    unit_price: { amount: '1500', currency_code: 'USD' },
    unit_price_overrides: [],
    quantity: { minimum: 1, maximum: 100 },
    status: 'active',
    custom_data: null,
    import_meta: null,
    created_at: '2025-06-01T09:00:00.000000Z',
    updated_at: micro(ctx.isoAt(-86400)),
  };
}

const totals = { subtotal: '1500', discount: '0', tax: '0', total: '1500' };

/** The fields a transaction and a subscription open with: the entity, its status, who is billed. */
function billedEntity(ctx: EventContext, status: string): Record<string, unknown> {
  return { id: ctx.objectId, status, customer_id: CUSTOMER, address_id: ADDRESS, business_id: null };
}

function transaction(
  ctx: EventContext,
  status: 'completed' | 'paid' | 'past_due',
  paymentStatus: 'captured' | 'error',
): Record<string, unknown> {
  const failed = paymentStatus === 'error';
  return {
    ...billedEntity(ctx, status),
    custom_data: null,
    origin: 'subscription_recurring',
    collection_mode: 'automatic',
    subscription_id: 'sub_01jcz2hkl3n5test0000000001',
    invoice_id: failed ? null : ulid(ctx, 'inv_'),
    invoice_number: failed ? null : `325-${ctx.int(5)}`,
    billing_details: null,
    billing_period: { starts_at: micro(ctx.iso), ends_at: micro(ctx.isoAt(30 * 86400)) },
    currency_code: 'USD',
    discount_id: null,
    created_at: micro(ctx.isoAt(-10)),
    updated_at: micro(ctx.iso),
    billed_at: micro(ctx.isoAt(-10)),
    items: [{ price: price(ctx), quantity: 1, proration: null }],
    details: {
      tax_rates_used: [{ tax_rate: '0', totals }],
      totals: {
        ...totals,
        credit: '0',
        balance: failed ? '1500' : '0',
        grand_total: '1500',
        fee: failed ? null : '125',
        earnings: failed ? null : '1375',
        currency_code: 'USD',
      },
      adjusted_totals: null,
      payout_totals: failed
        ? null
        : {
            ...totals,
            credit: '0',
            balance: '0',
            grand_total: '1500',
            fee: '125',
            earnings: '1375',
            currency_code: 'USD',
          },
      adjusted_payout_totals: null,
      line_items: [
        {
          id: ulid(ctx, 'txnitm_'),
          price_id: PRICE,
          quantity: 1,
          proration: null,
          tax_rate: '0',
          unit_totals: totals,
          totals,
          product: {
            id: PRODUCT,
            name: 'Hooklens Team',
            description: null,
            type: 'standard',
            tax_category: 'saas',
            image_url: null,
            custom_data: null,
            status: 'active',
            created_at: '2025-06-01T09:00:00.000000Z',
            updated_at: '2025-06-01T09:00:00.000000Z',
          },
        },
      ],
    },
    payments: [
      {
        payment_attempt_id: ctx.uuid(),
        stored_payment_method_id: ctx.uuid(),
        payment_method_id: ulid(ctx, 'paymtd_'),
        amount: '1500',
        status: paymentStatus,
        error_code: failed ? 'declined' : null,
        method_details: {
          type: 'card',
          card: { type: 'visa', last4: '4242', expiry_month: 5, expiry_year: 2028, cardholder_name: 'Sam Miller' },
        },
        created_at: micro(ctx.isoAt(-5)),
        captured_at: failed ? null : micro(ctx.iso),
      },
    ],
    checkout: { url: null },
  };
}

function subscription(
  ctx: EventContext,
  status: 'active' | 'canceled',
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const canceled = status === 'canceled';
  return {
    ...billedEntity(ctx, status),
    currency_code: 'USD',
    created_at: micro(ctx.isoAt(-120)),
    updated_at: micro(ctx.iso),
    started_at: micro(ctx.isoAt(-120)),
    first_billed_at: micro(ctx.isoAt(-120)),
    next_billed_at: canceled ? null : micro(ctx.isoAt(30 * 86400)),
    paused_at: null,
    canceled_at: canceled ? micro(ctx.iso) : null,
    discount: null,
    collection_mode: 'automatic',
    billing_details: null,
    current_billing_period: canceled
      ? null
      : { starts_at: micro(ctx.isoAt(-120)), ends_at: micro(ctx.isoAt(30 * 86400)) },
    billing_cycle: { interval: 'month', frequency: 1 },
    scheduled_change: null,
    items: [
      {
        status: 'active',
        quantity: 1,
        recurring: true,
        created_at: micro(ctx.isoAt(-120)),
        updated_at: micro(ctx.iso),
        previously_billed_at: micro(ctx.isoAt(-120)),
        next_billed_at: canceled ? null : micro(ctx.isoAt(30 * 86400)),
        trial_dates: null,
        price: price(ctx),
      },
    ],
    custom_data: null,
    import_meta: null,
    ...extra,
  };
}

function customer(ctx: EventContext, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: ctx.objectId,
    name: 'Sam Miller',
    email: 'sam@example.com',
    marketing_consent: false,
    status: 'active',
    custom_data: null,
    locale: 'en',
    created_at: micro(ctx.isoAt(-30)),
    updated_at: micro(ctx.iso),
    import_meta: null,
    ...extra,
  };
}

function event(
  type: string,
  summary: string,
  object: Lifecycle | undefined,
  data: (ctx: EventContext) => unknown,
): CatalogEventSpec {
  return catalogEntry(type, summary, object, (ctx) => ({
    event_id: ctx.eventId,
    event_type: type,
    occurred_at: micro(ctx.iso),
    notification_id: ulid(ctx, 'ntf_'),
    data: data(ctx),
  }));
}

export const paddleCatalog: CatalogProviderSpec = {
  id: 'paddle',
  name: 'Paddle Billing',
  signer: 'paddle',
  docs: 'https://developer.paddle.com/webhooks/overview',
  contentType: 'application/json',
  newSecret: () => `pdl_ntfset_${randomId('01', 24, 'crockford')}_${randomBase64(24).replace(/[+/=]/g, '')}`,
  newEventId: (t) => ulid(t, 'evt_'),
  newObjectId: (kind, t) => ulid(t, byKindPrefix(PREFIX, kind, 'obj_')),
  headers: () => [
    ['Content-Type', 'application/json'],
    ['User-Agent', 'Paddle'],
  ],
  events: [
    event(
      'transaction.completed',
      'A payment went through and the transaction is processed',
      { kind: 'transaction', stage: 'updated' },
      (ctx) => transaction(ctx, 'completed', 'captured'),
    ),
    event('transaction.paid', 'A transaction was paid', { kind: 'transaction', stage: 'updated' }, (ctx) =>
      transaction(ctx, 'paid', 'captured'),
    ),
    event('transaction.payment_failed', 'A payment attempt failed', { kind: 'transaction', stage: 'updated' }, (ctx) =>
      transaction(ctx, 'past_due', 'error'),
    ),
    event('subscription.created', 'A subscription was created', { kind: 'subscription', stage: 'created' }, (ctx) =>
      subscription(ctx, 'active'),
    ),
    event('subscription.updated', 'A subscription changed', { kind: 'subscription', stage: 'updated' }, (ctx) =>
      subscription(ctx, 'active', {
        scheduled_change: { action: 'cancel', effective_at: micro(ctx.isoAt(30 * 86400)), resume_at: null },
      }),
    ),
    event('subscription.canceled', 'A subscription was canceled', { kind: 'subscription', stage: 'deleted' }, (ctx) =>
      subscription(ctx, 'canceled'),
    ),
    event('customer.created', 'A customer was created', { kind: 'customer', stage: 'created' }, (ctx) => customer(ctx)),
    event('customer.updated', 'A customer changed', { kind: 'customer', stage: 'updated' }, (ctx) =>
      customer(ctx, { marketing_consent: true }),
    ),
  ],
};
