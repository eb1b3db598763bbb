/*
 * Square: `{ merchant_id, type, event_id (UUID), created_at, data: { type, id, object: { <type>:
 * {…} } } }`, the object as the Connect v2 API returns it (money as `{ amount, currency }` in the
 * smallest unit, ids of ~22–29 base62 characters), signed over notification URL + body.
 * https://developer.squareup.com/docs/webhooks/overview, https://developer.squareup.com/reference/square/webhooks
 */
import { catalogEntry } from '../catalog-entry';
import { randomBase64 } from '../random-ids';
import type { CatalogEventSpec, CatalogProviderSpec, EventContext, LifecycleStage } from '../types';

const MERCHANT = '6SSW7HV8K2ST5';
const LOCATION = 'L88917AVBK2S5';
const VERSION = '2025-10-16';

function payment(ctx: EventContext, status: 'APPROVED' | 'COMPLETED'): Record<string, unknown> {
  return {
    amount_money: { amount: 1000, currency: 'USD' },
    total_money: { amount: 1000, currency: 'USD' },
    approved_money: { amount: 1000, currency: 'USD' },
    card_details: {
      card: {
        bin: '411111',
        card_brand: 'VISA',
        card_type: 'CREDIT',
        exp_month: 11,
        exp_year: 2028,
        last_4: '1111',
        prepaid_type: 'NOT_PREPAID',
      },
      entry_method: 'KEYED',
      status: status === 'COMPLETED' ? 'CAPTURED' : 'AUTHORIZED',
      avs_status: 'AVS_ACCEPTED',
      cvv_status: 'CVV_ACCEPTED',
    },
    created_at: ctx.isoAt(-5),
    updated_at: ctx.iso,
    id: ctx.objectId,
    location_id: LOCATION,
    order_id: ctx.id('', 29),
    receipt_number: ctx.objectId.slice(0, 4),
    source_type: 'CARD',
    status,
    version: status === 'COMPLETED' ? 2 : 1,
  };
}

function order(ctx: EventContext, state: 'OPEN' | 'COMPLETED', version: number): Record<string, unknown> {
  return {
    created_at: ctx.isoAt(-30),
    location_id: LOCATION,
    order_id: ctx.objectId,
    state,
    updated_at: ctx.iso,
    version,
  };
}

function customer(ctx: EventContext, version: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    address: {
      address_line_1: '1955 Broadway',
      locality: 'Oakland',
      administrative_district_level_1: 'CA',
      postal_code: '94612',
      country: 'US',
    },
    created_at: ctx.isoAt(-600),
    creation_source: 'THIRD_PARTY',
    email_address: 'amelia.earhart@example.com',
    family_name: 'Earhart',
    given_name: 'Amelia',
    id: ctx.objectId,
    preferences: { email_unsubscribed: false },
    updated_at: ctx.iso,
    version,
    ...extra,
  };
}

// Square names lifecycle events <object>.<stage>; the object lies under data.object.<data type>.
function event(
  type: string,
  stage: LifecycleStage | undefined,
  summary: string,
  dataType: string,
  inner: (ctx: EventContext) => Record<string, unknown>,
): CatalogEventSpec {
  const object = stage && { kind: type.slice(0, type.lastIndexOf('.')), stage };
  return catalogEntry(type, summary, object, (ctx) => ({
    merchant_id: MERCHANT,
    type,
    event_id: ctx.eventId,
    created_at: ctx.iso,
    data: { type: dataType, id: ctx.objectId, object: { [dataType]: inner(ctx) } },
  }));
}

export const squareCatalog: CatalogProviderSpec = {
  id: 'square',
  name: 'Square',
  signer: 'square',
  docs: 'https://developer.squareup.com/reference/square/webhooks',
  contentType: 'application/json',
  newSecret: () => randomBase64(16).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'),
  newEventId: (t) => t.uuid(),
  newObjectId: (kind, t) =>
    t.id('', kind.startsWith('customer') ? 26 : 29, kind.startsWith('customer') ? 'upperAlnum' : 'base62'),
  headers: () => [
    ['Content-Type', 'application/json'],
    ['User-Agent', 'Square Connect v2'],
    ['Square-Version', VERSION],
    ['Square-Environment', 'Sandbox'],
  ],
  events: [
    event('payment.created', 'created', 'A payment was authorized', 'payment', (ctx) => payment(ctx, 'APPROVED')),
    event('payment.updated', 'updated', 'A payment was captured', 'payment', (ctx) => payment(ctx, 'COMPLETED')),
    event('refund.created', undefined, 'A payment was refunded', 'refund', (ctx) => ({
      amount_money: { amount: 1000, currency: 'USD' },
      created_at: ctx.iso,
      id: `${ctx.id('', 29)}_${ctx.objectId}`,
      location_id: LOCATION,
      order_id: ctx.id('', 29),
      payment_id: ctx.id('', 29),
      reason: 'Returned goods',
      status: 'PENDING',
      updated_at: ctx.iso,
      version: 1,
    })),
    event('order.created', 'created', 'An order was created', 'order_created', (ctx) => order(ctx, 'OPEN', 1)),
    event('order.updated', 'updated', 'An order changed state', 'order_updated', (ctx) => order(ctx, 'COMPLETED', 4)),
    event('customer.created', 'created', 'A customer profile was created', 'customer', (ctx) => customer(ctx, 0)),
    event('customer.updated', 'updated', 'A customer profile changed', 'customer', (ctx) =>
      customer(ctx, 1, { note: 'Prefers email' }),
    ),
    event('customer.deleted', 'deleted', 'A customer profile was deleted', 'customer', (ctx) => customer(ctx, 2)),
  ],
};
