/*
 * Shopify: the topic (`orders/create`) travels in `X-Shopify-Topic`, the body is the resource
 * itself as the REST Admin API returns it (numeric ids, `admin_graphql_api_id`, prices as
 * decimal strings, times with the shop's offset).
 * https://shopify.dev/docs/api/webhooks?reference=toml, https://shopify.dev/docs/apps/build/webhooks
 */
import { randomBytes } from 'node:crypto';
import type { CatalogEventSpec, CatalogProviderSpec, EventContext } from '../types';

const SHOP = 'hooklens-test.myshopify.com';
const API_VERSION = '2025-10';

/** Shopify writes times in the shop's zone; the test shop is on UTC-04:00. */
function shopTime(iso: string): string {
  const d = new Date(Date.parse(iso) - 4 * 3600_000);
  return d.toISOString().replace(/\.\d{3}Z$/, '-04:00');
}

const CUSTOMER_ID = 7_294_118_372_110;

function customer(ctx: EventContext, id = CUSTOMER_ID): Record<string, unknown> {
  return {
    id,
    email: 'bob.norman@example.com',
    created_at: shopTime(ctx.isoAt(-86400 * 30)),
    updated_at: shopTime(ctx.iso),
    first_name: 'Bob',
    last_name: 'Norman',
    state: 'enabled',
    note: null,
    verified_email: true,
    tags: '',
    currency: 'USD',
    phone: '+16136120707',
    admin_graphql_api_id: `gid://shopify/Customer/${id}`,
  };
}

function order(
  ctx: EventContext,
  financial: 'pending' | 'paid',
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const id = Number(ctx.objectId);
  const number = (id % 9000) + 1000;
  return {
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    app_id: 580_111,
    browser_ip: '203.0.113.7',
    buyer_accepts_marketing: false,
    cancel_reason: null,
    cancelled_at: null,
    confirmation_number: randomBytes(5).toString('hex').toUpperCase().slice(0, 9),
    confirmed: true,
    contact_email: 'bob.norman@example.com',
    created_at: shopTime(ctx.isoAt(-60)),
    currency: 'USD',
    current_total_price: '403.00',
    email: 'bob.norman@example.com',
    financial_status: financial,
    fulfillment_status: null,
    name: `#${number}`,
    order_number: number,
    processed_at: shopTime(ctx.isoAt(-60)),
    subtotal_price: '398.00',
    tags: '',
    test: true,
    token: randomBytes(16).toString('hex'),
    total_discounts: '0.00',
    total_price: '403.00',
    total_tax: '0.00',
    updated_at: shopTime(ctx.iso),
    customer: customer(ctx),
    line_items: [
      {
        id: ctx.int(14),
        admin_graphql_api_id: `gid://shopify/LineItem/${ctx.int(14)}`,
        name: 'IPod Nano - 8GB',
        price: '199.00',
        product_id: 632_910_392,
        quantity: 2,
        sku: 'IPOD2008PINK',
        title: 'IPod Nano - 8GB',
        variant_id: 808_950_810,
        variant_title: 'Pink',
        vendor: null,
        taxable: true,
        requires_shipping: true,
      },
    ],
    shipping_lines: [{ id: ctx.int(13), code: 'Standard', price: '5.00', title: 'Standard' }],
    ...extra,
  };
}

function product(ctx: EventContext): Record<string, unknown> {
  const id = Number(ctx.objectId);
  return {
    admin_graphql_api_id: `gid://shopify/Product/${id}`,
    body_html: 'An example product for test events.',
    created_at: shopTime(ctx.isoAt(-3600)),
    handle: 'hooklens-hoodie',
    id,
    product_type: 'Apparel',
    published_at: shopTime(ctx.isoAt(-3600)),
    template_suffix: null,
    title: 'Hooklens Hoodie',
    updated_at: shopTime(ctx.iso),
    vendor: 'Hooklens',
    status: 'active',
    published_scope: 'global',
    tags: 'hoodie, winter',
    variants: [
      {
        admin_graphql_api_id: `gid://shopify/ProductVariant/${id + 1}`,
        id: id + 1,
        product_id: id,
        title: 'Default Title',
        price: '59.00',
        sku: 'HK-HOODIE',
        position: 1,
        inventory_quantity: 25,
        inventory_item_id: id + 2,
      },
    ],
    options: [{ name: 'Title', id: id + 3, product_id: id, position: 1, values: ['Default Title'] }],
    images: [],
    image: null,
  };
}

const topic = (
  name: string,
  summary: string,
  body: CatalogEventSpec['body'],
  object?: CatalogEventSpec['object'],
): CatalogEventSpec => ({
  type: name,
  summary,
  ...(object ? { object } : {}),
  body,
});

export const shopifyCatalog: CatalogProviderSpec = {
  id: 'shopify',
  name: 'Shopify',
  signer: 'shopify',
  docs: 'https://shopify.dev/docs/api/admin-rest/latest/resources/webhook#event-topics',
  contentType: 'application/json',
  newSecret: () => randomBytes(16).toString('hex'),
  newEventId: (t) => t.uuid(),
  newObjectId: (_kind, t) => String(t.int(13)),
  headers: (ctx, event) => [
    ['Content-Type', 'application/json'],
    ['User-Agent', 'Shopify-Captain-Hook'],
    ['X-Shopify-Topic', event.type],
    ['X-Shopify-Shop-Domain', SHOP],
    ['X-Shopify-API-Version', API_VERSION],
    ['X-Shopify-Webhook-Id', ctx.eventId],
    ['X-Shopify-Event-Id', ctx.uuid()],
    ['X-Shopify-Triggered-At', ctx.iso],
  ],
  events: [
    topic('orders/create', 'An order was placed', (ctx) => order(ctx, 'pending'), { kind: 'order', stage: 'created' }),
    topic('orders/paid', 'An order was paid', (ctx) => order(ctx, 'paid'), { kind: 'order', stage: 'updated' }),
    topic('orders/updated', 'An order changed', (ctx) => order(ctx, 'paid', { note: 'Gift wrap, please' }), {
      kind: 'order',
      stage: 'updated',
    }),
    topic(
      'orders/cancelled',
      'An order was cancelled',
      (ctx) =>
        order(ctx, 'paid', {
          cancel_reason: 'customer',
          cancelled_at: shopTime(ctx.iso),
          financial_status: 'refunded',
        }),
      { kind: 'order', stage: 'deleted' },
    ),
    topic('products/create', 'A product was created', (ctx) => product(ctx), { kind: 'product', stage: 'created' }),
    topic('products/update', 'A product changed', (ctx) => ({ ...product(ctx), title: 'Hooklens Hoodie (2026)' }), {
      kind: 'product',
      stage: 'updated',
    }),
    // Deletions carry only the id: the resource is gone.
    topic('products/delete', 'A product was deleted', (ctx) => ({ id: Number(ctx.objectId) }), {
      kind: 'product',
      stage: 'deleted',
    }),
    topic('app/uninstalled', 'The app was removed from the shop', () => ({
      id: 548_380_009,
      name: 'Hooklens Test Shop',
      email: 'owner@example.com',
      domain: null,
      myshopify_domain: SHOP,
      plan_name: 'partner_test',
      country_code: 'US',
      currency: 'USD',
      iana_timezone: 'America/New_York',
    })),
  ],
};
