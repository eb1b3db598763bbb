/*
 * Diff speed: two ~1 MB Stripe-like invoice.paid events that differ in a few places (an amount, a
 * timestamp, a metadata key, one line item inserted in the middle), compared end to end as the
 * view does it (parse, structural diff, pretty-print both sides: `diff_1mb_ms`), and the structural
 * part alone (`diff_1mb_structural_ms`). Medians of several runs.
 */
import type { CaptureRecord } from '../../src/shared/capture';
import { compareCaptures, diffJson, parseJson } from '../../src/shared/diff';
import { QUICK, type BenchFigures, type BenchSection } from '../section';
import { median } from '../support/median';

const RUNS = QUICK ? 3 : 9;

function lineItem(i: number): Record<string, unknown> {
  return {
    id: `il_1Nv${i.toString(36).padStart(8, '0')}`,
    object: 'line_item',
    amount: 1000 + (i % 97) * 10,
    amount_excluding_tax: 1000 + (i % 97) * 10,
    currency: 'usd',
    description: `1 × Pro plan seat ${i} (at $10.00 / month)`,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice_item: null,
    livemode: false,
    metadata: { seat: String(i), team: `team_${i % 13}` },
    period: { end: 1700000000 + i * 60, start: 1697408000 + i * 60 },
    plan: { id: 'price_1NvPro', object: 'plan', active: true, amount: 1000, interval: 'month', product: 'prod_Pro' },
    proration: false,
    quantity: 1,
    subscription: 'sub_1NvAbc',
    tax_amounts: [{ amount: 0, inclusive: true, tax_rate: 'txr_1Nv', taxability_reason: 'not_collecting' }],
    type: 'subscription',
    unit_amount_excluding_tax: '1000',
  };
}

function invoiceEvent(
  lines: Record<string, unknown>[],
  created: number,
  amount: number,
  extraMetadata: Record<string, string>,
): string {
  return JSON.stringify({
    id: `evt_1Nv${created}`,
    object: 'event',
    api_version: '2023-10-16',
    created,
    data: {
      object: {
        id: 'in_1NvAbcDef',
        object: 'invoice',
        amount_due: amount,
        amount_paid: amount,
        currency: 'usd',
        customer: 'cus_Nv123',
        lines: {
          object: 'list',
          data: lines,
          has_more: false,
          total_count: lines.length,
          url: '/v1/invoices/in_1NvAbcDef/lines',
        },
        metadata: { order: '42', ...extraMetadata },
        status: 'paid',
      },
    },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: `ik_${created}` },
    type: 'invoice.paid',
  });
}

export function stripeLikePair(targetBytes = 1024 * 1024): { left: string; right: string } {
  const lines: Record<string, unknown>[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const item = lineItem(lines.length);
    bytes += JSON.stringify(item).length + 1;
    lines.push(item);
  }
  const right = lines.slice();
  right.splice(Math.floor(lines.length / 2), 0, lineItem(100_000));
  return {
    left: invoiceEvent(lines, 1700000000, 2000, {}),
    right: invoiceEvent(right, 1700000042, 2500, { plan: 'pro' }),
  };
}

function capture(id: string, text: string): CaptureRecord {
  return {
    id,
    endpointId: 'default',
    receivedAt: new Date(1700000000000).toISOString(),
    method: 'POST',
    url: '/webhooks/stripe',
    httpVersion: '1.1',
    headers: [
      ['Content-Type', 'application/json'],
      ['Content-Length', String(text.length)],
    ],
    body: { size: text.length, encoding: 'utf8', text },
    remoteAddress: '127.0.0.1',
    via: 'local',
    response: { status: 200, ms: 1 },
  };
}

export default {
  name: 'diff',
  async run(): Promise<BenchFigures> {
    const { left, right } = stripeLikePair();
    const a = capture('a', left);
    const b = capture('b', right);
    let changes = 0;
    const times: number[] = [];
    // CPU time of this process alongside wall time: on a busy machine wall time mostly measures
    // waiting for a core.
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      const cmp = compareCaptures(a, b);
      times.push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
      changes = cmp.body.kind === 'json' ? cmp.body.changes.length : -1;
    }
    // The structural part alone (parse both, diff), without pretty-printing the texts for the view.
    const structural: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const l = parseJson(left);
      const r = parseJson(right);
      if (l.ok && r.ok) diffJson(l.root, r.root);
      structural.push(performance.now() - start);
    }
    return {
      diff_1mb_structural_ms: Math.round(median(structural) * 10) / 10,
      diff_1mb_ms: Math.round(median(times) * 10) / 10,
      diff_1mb_max_ms: Math.round(Math.max(...times) * 10) / 10,
      diff_1mb_cpu_ms: Math.round(median(cpu) * 10) / 10,
      diff_1mb_left_bytes: left.length,
      diff_1mb_right_bytes: right.length,
      diff_1mb_changes: changes,
    };
  },
} satisfies BenchSection;
