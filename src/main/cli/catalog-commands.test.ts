/*
 * `hooklens events`, `trigger` and `listen` as a user runs them: real processes (node + tsx on the
 * CLI entry), real HTTP servers on 127.0.0.1 that judge what arrives with the provider's SDK, and
 * the data directory read back afterwards.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHooklensCore } from '../core/hooklens-core';
import { openSecretStore } from '../core/signatures';
import { openCaptureStore } from '../core/store';
import { buildTestEvent } from '../core/catalog';
import { requestThroughTunnel, startLocalTunnelServer } from '../core/tunnel/test-support/local-tunnel-server';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const stripeSdk = new Stripe('sk_test_hooklens');
const SECRET = 'whsec_cli_listen_0123456789abcdef';

interface Received {
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

let dir: string;
let servers: Server[] = [];
let children: ChildProcess[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hooklens-catalog-cli-'));
});
afterEach(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children = [];
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  servers = [];
  await rm(dir, { recursive: true, force: true });
});

/** A local receiver answering each request with the next status of `statuses` (then the last one). */
async function receiver(statuses: number[] = [200]): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)]!;
      res.end('ok');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/**
 * The arguments of a command line written as a user types it: split on spaces, while each `${…}`
 * stays within one argument (with the text it touches).
 */
function argv(strings: TemplateStringsArray, ...values: string[]): string[] {
  const args: string[] = [];
  let current: string | undefined;
  strings.forEach((text, i) => {
    text.split(/\s+/).forEach((part, j) => {
      if (j > 0 && current !== undefined) {
        args.push(current);
        current = undefined;
      }
      if (part) current = (current ?? '') + part;
    });
    if (i < values.length) current = (current ?? '') + values[i];
  });
  if (current !== undefined) args.push(current);
  return args;
}

/** A running `hooklens listen`; `next(re)` waits for the next stdout or stderr line matching. */
function listen(args: string[], tunnel = false) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      CLI,
      'listen',
      ...(tunnel ? [] : ['--no-tunnel']),
      '--capture-port',
      '0',
      '--data-dir',
      dir,
      ...args,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  const lines: { stream: 'out' | 'err'; text: string }[] = [];
  const waiters: (() => void)[] = [];
  for (const [stream, source] of [
    ['out', child.stdout],
    ['err', child.stderr],
  ] as const) {
    let rest = '';
    source.setEncoding('utf8');
    source.on('data', (chunk: string) => {
      rest += chunk;
      const parts = rest.split('\n');
      rest = parts.pop()!;
      for (const text of parts) lines.push({ stream, text });
      for (const w of waiters.splice(0)) w();
    });
  }
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  async function next(re: RegExp, stream: 'out' | 'err' = 'out', timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = lines.find((l) => l.stream === stream && re.test(l.text));
      if (hit) return hit.text;
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(
          `no line matching ${re} on std${stream}; got:\n${lines.map((l) => `${l.stream}: ${l.text}`).join('\n')}`,
        );
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }
  return { child, lines, next, exited };
}

describe('hooklens events', () => {
  it('lists the catalog, one provider or all, as text or JSON', async () => {
    const all = await run(['events']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^stripe \(Stripe, signed as stripe\): 8 events$/m);
    expect(all.stdout).toContain('customer.subscription.deleted');
    expect(all.stdout).toMatch(/13 providers, 97 events/);
    const one = await run(['events', '--provider', 'clerk', '--json']);
    const parsed = JSON.parse(one.stdout) as { id: string; signer: string; events: { type: string }[] }[];
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatchObject({ id: 'clerk', signer: 'standard-webhooks' });
    expect(parsed[0]!.events.map((e) => e.type)).toContain('user.created');
    const unknown = await run(['events', '--provider', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/No test events for provider "nope"/);
  });
});

describe('hooklens trigger', () => {
  it('sends a signed event the Stripe SDK accepts, with --set applied', async () => {
    const target = await receiver([200]);
    const result = await run(
      argv`trigger --provider stripe --event charge.refunded --target ${target.url}/hooks --secret ${SECRET} --set data.object.amount_refunded=700`,
    );
    expect(result.stdout).toMatch(
      /^Sent stripe charge\.refunded \(evt_\w+\) to http:\/\/127\.0\.0\.1:\d+\/hooks: 200 OK in \d+ ms/,
    );
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain(SECRET);
    const [req] = target.received;
    expect(req!.url).toBe('/hooks');
    const event = stripeSdk.webhooks.constructEvent(req!.body, String(req!.headers['stripe-signature']), SECRET);
    expect(event.type).toBe('charge.refunded');
    expect((event.data.object as { amount_refunded: number }).amount_refunded).toBe(700);
  });

  it('exits 1 on a non-2xx answer or nothing listening, and shows a generated secret', async () => {
    const target = await receiver([400]);
    const refused = await run(argv`trigger --provider github --event push --target ${target.url}`);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/: 400 Bad Request/);
    expect(refused.stderr).toMatch(/Signing secret \(generated; pass --secret to use yours\): [0-9a-f]{40}/);
    const nobody = await run(argv`trigger --provider github --event push --target http://127.0.0.1:9/x`);
    expect(nobody.code).toBe(1);
    expect(nobody.stdout).toMatch(/^Failed: github push .*nothing is listening/);
    const usage = await run(argv`trigger --provider github --event push`);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/needs --target URL \(or --print/);
  });

  it('--print writes a cURL command that, run by curl, delivers a valid event', async () => {
    const target = await receiver([200]);
    const printed = await run(
      argv`trigger --provider twilio --event message.received --target ${target.url}/sms?acct=1 --secret twilio-token --print`,
    );
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^curl /);
    expect(target.received).toHaveLength(0);
    const curl = await new Promise<number>((resolve) => {
      const child = spawn('sh', ['-c', `${printed.stdout.trim()} -s -o /dev/null`], { stdio: 'ignore' });
      child.on('exit', (code) => resolve(code ?? 1));
    });
    expect(curl).toBe(0);
    const twilio = await import('twilio/lib/webhooks/webhooks');
    const [req] = target.received;
    const params = Object.fromEntries(new URLSearchParams(req!.body.toString('utf8')));
    expect(
      twilio.validateRequest(
        'twilio-token',
        String(req!.headers['x-twilio-signature']),
        `${target.url}/sms?acct=1`,
        params,
      ),
    ).toBe(true);

    // Stripe's pretty-printed JSON (newlines, quotes) survives the shell byte for byte.
    const stripe = await run(
      argv`trigger --provider stripe --event invoice.paid --target ${target.url}/stripe --secret ${SECRET} --print`,
    );
    const sent = await new Promise<number>((resolve) => {
      const child = spawn('sh', ['-c', `${stripe.stdout.trim()} -s -o /dev/null`], { stdio: 'ignore' });
      child.on('exit', (code) => resolve(code ?? 1));
    });
    expect(sent).toBe(0);
    const second = target.received[1]!;
    expect(second.body.toString()).toContain('\n  "object": "event"');
    expect(
      stripeSdk.webhooks.constructEvent(second.body, String(second.headers['stripe-signature']), SECRET).type,
    ).toBe('invoice.paid');
  });
});

describe('hooklens listen', () => {
  it('captures, forwards with retries, prints one line per delivery and a summary on SIGTERM', async () => {
    const secrets = await openSecretStore({ dataDir: dir });
    await secrets.set('default', 'stripe', SECRET);
    const app = await receiver([503, 200]);
    const session = listen(['--forward-to', app.url]);
    const captureUrl = (await session.next(/^Capture URL: /)).replace('Capture URL: ', '');
    expect(captureUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const sent = await run(
      argv`trigger --provider stripe --event invoice.paid --target ${captureUrl}webhooks/stripe --secret ${SECRET}`,
    );
    expect(sent.code).toBe(0);
    const line = await session.next(/invoice\.paid/);
    expect(line).toMatch(
      /^\d\d:\d\d:\d\d {2}POST {4}\/webhooks\/stripe {2}stripe {2}invoice\.paid {2}signature valid {2}forwarded 200 \(\d+ ms, attempt 2\)$/,
    );
    await session.next(/retry: .* attempt 1\/5 got 503/, 'err');

    // The app's server got the delivery byte for byte, and it still verifies.
    expect(app.received).toHaveLength(2);
    const forwarded = app.received[1]!;
    expect(forwarded.url).toBe('/webhooks/stripe');
    expect(
      stripeSdk.webhooks.constructEvent(forwarded.body, String(forwarded.headers['stripe-signature']), SECRET).type,
    ).toBe('invoice.paid');

    session.child.kill('SIGTERM');
    expect(await session.exited).toBe(0);
    expect(await session.next(/^Stopped: /, 'err')).toBe(
      `Stopped: 1 captured, stored in ${dir}; forwarded to ${app.url}: 1 delivered, 0 failed.`,
    );

    const store = await openCaptureStore({ dataDir: dir });
    try {
      const [summary] = store.list();
      expect(store.list()).toHaveLength(1);
      const record = await store.get(summary!.id);
      expect(Buffer.from(record!.body.text, 'utf8').equals(forwarded.body)).toBe(true);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('prints JSON lines for one endpoint, with no verdict when no secret is stored', async () => {
    const session = listen(['--json', '--endpoint', 'shop']);
    const captureUrl = (await session.next(/^Capture URL: /)).replace('Capture URL: ', '');
    expect(captureUrl).toMatch(/\/e\/shop\/$/);
    await session.next(/^Not forwarding/, 'err');
    expect((await run(argv`trigger --provider shopify --event orders/create --target ${captureUrl}orders`)).code).toBe(
      0,
    );
    const line = JSON.parse(await session.next(/^\{/)) as Record<string, unknown>;
    expect(line).toMatchObject({
      method: 'POST',
      path: '/e/shop/orders',
      provider: 'shopify',
      eventType: 'orders/create',
      signature: null,
      forward: null,
      capture: { status: 200 },
    });
    session.child.kill('SIGINT');
    expect(await session.exited).toBe(0);
    expect(await session.next(/^Stopped: 1 captured/, 'err')).toContain(dir);
  }, 60_000);

  it('prints the Public URL of its tunnel, and a delivery through it', async () => {
    const tunnelServer = await startLocalTunnelServer();
    try {
      const session = listen(['--tunnel-host', tunnelServer.host], true);
      await session.next(/^Capture URL: /);
      const publicUrl = (await session.next(/^Public URL: /)).replace('Public URL: ', '');
      expect(publicUrl).toMatch(/^http:\/\/[a-z0-9-]+\.localhost\/$/);
      const event = buildTestEvent({ provider: 'github', event: 'pull_request.opened', secret: 'gh-secret' });
      const res = await requestThroughTunnel(tunnelServer, publicUrl, {
        method: 'POST',
        path: '/gh',
        headers: Object.fromEntries(event.headers),
        body: event.body,
      });
      expect(res.status).toBe(200);
      expect(await session.next(/pull_request\.opened/)).toMatch(
        /POST {4}\/gh {2}github {2}pull_request\.opened {2}captured 200/,
      );
      session.child.kill('SIGTERM');
      expect(await session.exited).toBe(0);
    } finally {
      await tunnelServer.stop();
    }
  }, 60_000);

  it('refuses a data directory the app holds, and says what to do', async () => {
    const core = await createHooklensCore({
      dataDir: dir,
      mode: 'browser',
      capturePort: 0,
      tunnel: { enabled: false },
    });
    try {
      const session = listen([]);
      expect(await session.exited).toBe(2);
      const message = await session.next(/in use by another Hooklens/, 'err');
      expect(message).toMatch(new RegExp(`process ${process.pid}\\).*does not share a data directory.*--data-dir DIR`));
    } finally {
      await core.close();
    }
  }, 60_000);
});
