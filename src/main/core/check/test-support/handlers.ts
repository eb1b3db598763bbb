/*
 * Two real webhook handlers for the check's tests, e2e and bench, each on its own port.
 *
 * The correct one verifies with the provider's official SDK (stripe's constructEvent,
 * @octokit/webhooks-methods, standardwebhooks), rejects what does not verify with 400, keeps a set
 * of seen event ids and answers 200 to repeats and to every event type.
 *
 * The naive one is the handler people write first: no verification, a "unique constraint" on the
 * event id that throws (500) on a repeat, and one event type whose work runs before the answer and
 * takes longer than the provider waits.
 */
import { verify as verifyGithub } from '@octokit/webhooks-methods';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';

export type HandlerProvider = 'stripe' | 'github' | 'standard-webhooks';

export interface TestHandler {
  url: string;
  port: number;
  /** Requests that reached the handler's logic, by event id. */
  seen: Map<string, number>;
  close(): Promise<void>;
}

const stripeSdk = new Stripe('sk_test_hooklens_check');

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  seen: Map<string, number>,
): Promise<TestHandler> {
  const server = http.createServer((req, res) => {
    handler(req, res).catch((err: unknown) => {
      // What a framework does with an exception thrown in a route: a bare 500.
      if (!res.headersSent) reply(res, 500, { error: err instanceof Error ? err.message : String(err) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/webhook`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The event id the provider's SDK vouched for, or a reason the delivery does not verify. */
async function verified(
  provider: HandlerProvider,
  secret: string,
  req: IncomingMessage,
  body: Buffer,
): Promise<{ id: string } | { reason: string }> {
  switch (provider) {
    case 'stripe': {
      try {
        const event = stripeSdk.webhooks.constructEvent(body, header(req, 'stripe-signature') ?? '', secret);
        return { id: event.id };
      } catch (err) {
        return { reason: err instanceof Error ? err.message : String(err) };
      }
    }
    case 'github': {
      const signature = header(req, 'x-hub-signature-256');
      if (!signature) return { reason: 'no signature' };
      const ok = await verifyGithub(secret, body.toString('utf8'), signature).catch(() => false);
      return ok ? { id: header(req, 'x-github-delivery') ?? '' } : { reason: 'signature does not match' };
    }
    case 'standard-webhooks': {
      try {
        const headers = Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0]! : (v ?? '')]),
        );
        new Webhook(secret).verify(body.toString('utf8'), headers);
        return { id: header(req, 'webhook-id') ?? '' };
      } catch (err) {
        return { reason: err instanceof Error ? err.message : String(err) };
      }
    }
    default: {
      const never: never = provider;
      return never;
    }
  }
}

export function startCorrectHandler(provider: HandlerProvider, secret: string): Promise<TestHandler> {
  const seen = new Map<string, number>();
  return listen(async (req, res) => {
    const body = await readBody(req);
    const check = await verified(provider, secret, req, body);
    if ('reason' in check) return reply(res, 400, { error: check.reason });
    const count = seen.get(check.id) ?? 0;
    seen.set(check.id, count + 1);
    // A repeat is acknowledged and not processed again; unknown types are acknowledged and ignored.
    reply(res, 200, { received: true, duplicate: count > 0 });
  }, seen);
}

export interface NaiveOptions {
  /** Event type (body `type`) whose work runs before the answer. */
  slowType: string;
  slowMs: number;
}

export function startNaiveHandler(options: NaiveOptions): Promise<TestHandler> {
  const seen = new Map<string, number>();
  return listen(async (req, res) => {
    const body = await readBody(req);
    const event = JSON.parse(body.toString('utf8')) as { id?: string; type?: string };
    const id = event.id ?? header(req, 'x-github-delivery') ?? header(req, 'webhook-id') ?? '';
    // INSERT INTO events (id) … with a unique constraint, and no catch around it.
    if (seen.has(id)) throw new Error(`duplicate key value violates unique constraint "events_pkey" (${id})`);
    seen.set(id, 1);
    if (event.type === options.slowType) await new Promise((resolve) => setTimeout(resolve, options.slowMs));
    reply(res, 200, { ok: true });
  }, seen);
}
