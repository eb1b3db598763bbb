/*
 * The replay service end to end with real parts: the capture listener and store in a fresh data
 * dir, a local echo server as the target, the real `stripe` SDK verifying re-signed requests and
 * the real curl running exported commands.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as harValidator from 'har-validator';
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureRecord } from '../../../shared/capture';
import { HooklensError } from '../../../shared/errors';
import type { ForwardAttempt } from '../../../shared/replay/types';
import { startCaptureListener, type CaptureListener } from '../capture/listener';
import { createCoreEvents, type CoreEvents } from '../events';
import { openSettingsStore, type SettingsStore } from '../settings/settings-store';
import { openCaptureStore } from '../store';
import type { CaptureStore } from '../store/types';
import { HISTORY_FILE } from './replay-history';
import { createReplayService, type ReplayService } from './replay-service';
import { freePort, startEchoServer, type EchoServer } from './test-echo-server';

const STRIPE_SECRET = 'whsec_test_5Ui1JpQ0bCkR0Xh3rWq8';
const stripe = new Stripe('sk_test_unused');

let dataDir: string;
let store: CaptureStore;
let settings: SettingsStore;
let events: CoreEvents;
let listener: CaptureListener;
let echo: EchoServer;
let service: ReplayService;
const extra: (() => Promise<void>)[] = [];

async function makeService(
  options: { perCapture?: number; secret?: string | undefined; forwardTargetFor?: (endpointId: string) => string | null } = {},
): Promise<ReplayService> {
  const secret = 'secret' in options ? options.secret : STRIPE_SECRET;
  return createReplayService({
    store,
    dataDir,
    settings,
    events,
    getSecret: async (endpointId, providerId) => (endpointId === 'default' && providerId === 'stripe' ? secret : undefined),
    history: { perCapture: options.perCapture },
    forwardTargetFor: options.forwardTargetFor,
  });
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-replay-'));
  store = await openCaptureStore({ dataDir });
  settings = await openSettingsStore(dataDir);
  events = createCoreEvents();
  echo = await startEchoServer();
  await settings.update('replay', { targetBase: echo.url });
  service = await makeService();
  listener = await startCaptureListener({ store, port: 0, tunnelPort: null, onCaptured: (r) => service.onCapture(r) });
});

afterEach(async () => {
  while (extra.length) await extra.pop()!();
  await listener.close();
  await service.close();
  await echo.close();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Sends a webhook to the real capture listener and returns the stored record. */
async function capture(body: string | Buffer, headers: Record<string, string>, pathAndQuery = '/webhooks/stripe?acct=42'): Promise<CaptureRecord> {
  const res = await fetch(`http://127.0.0.1:${listener.port}${pathAndQuery}`, { method: 'POST', headers, body });
  const { id } = (await res.json()) as { id: string };
  const record = await store.get(id);
  if (!record) throw new Error('capture was not stored');
  return record;
}

function stripeWebhook(amount: number, timestamp?: number): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ id: 'evt_1', object: 'event', type: 'charge.succeeded', data: { object: { amount } } }, null, 2);
  const signature = stripe.webhooks.generateTestHeaderString({ payload: body, secret: STRIPE_SECRET, ...(timestamp ? { timestamp } : {}) });
  return { body, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Stripe-Signature': signature, 'User-Agent': 'Stripe/1.0' } };
}

/** The echo target verifies Stripe signatures the way a real handler would, with the official SDK. */
function verifyWithStripeSdk(): void {
  echo.respond((req, res) => {
    const sig = req.headers.find(([n]) => n.toLowerCase() === 'stripe-signature')?.[1] ?? '';
    try {
      const event = stripe.webhooks.constructEvent(req.body, sig, STRIPE_SECRET);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ verified: true, amount: (event.data.object as { amount: number }).amount }));
    } catch (err) {
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end(`signature rejected: ${(err as Error).message}`);
    }
  });
}

describe('replay service', () => {
  it('replays a capture unchanged: same bytes and headers, fresh Host and length, capture untouched', async () => {
    const body = '{"type":"invoice.paid",  "amount": 100}\n';
    const record = await capture(body, { 'Content-Type': 'application/json', 'X-Custom': 'keep me' });
    const entry = await service.handlers.replayCapture(record.id);

    expect(echo.received).toHaveLength(1);
    const got = echo.received[0];
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/webhooks/stripe?acct=42');
    expect(got.body.toString('utf8')).toBe(body);
    const expected = record.headers.filter(([n]) => !/^(host|content-length|connection)$/i.test(n));
    expect(got.headers.filter(([n]) => !/^(host|content-length|connection)$/i.test(n))).toEqual(expected);
    // Host and Content-Length keep the capture's position and spelling, with values for this request.
    const recomputed = record.headers.map(([n, v]): [string, string] =>
      /^host$/i.test(n) ? [n, `127.0.0.1:${echo.port}`] : /^content-length$/i.test(n) ? [n, String(Buffer.byteLength(body))] : [n, v],
    );
    expect(got.headers.filter(([n]) => !/^connection$/i.test(n))).toEqual(recomputed.filter(([n]) => !/^connection$/i.test(n)));

    expect(entry.source).toBe('replay');
    expect(entry.outcome.kind === 'response' && entry.outcome.response.status).toBe(200);
    expect(await store.get(record.id)).toEqual(record);

    // History survives a restart and can be reopened.
    await service.close();
    service = await makeService();
    const list = await service.handlers.listReplays(record.id);
    expect(list.map((s) => s.id)).toEqual([entry.id]);
    expect(await service.handlers.getReplay(entry.id)).toEqual(entry);
  });

  it('sends an edited body with the right length and warns that the Stripe signature no longer matches', async () => {
    const hook = stripeWebhook(100);
    const record = await capture(hook.body, hook.headers);
    verifyWithStripeSdk();
    const draft = await service.handlers.getReplayDraft(record.id);
    expect(draft.url).toBe(`${echo.url}/webhooks/stripe?acct=42`);
    expect(draft.signing).toEqual({ providerId: 'stripe', providerName: 'Stripe', canSign: true, hasSecret: true });
    const edited = draft.body.text.replace('"amount": 100', '"amount": 999');

    const entry = await service.handlers.sendReplay({
      captureId: record.id,
      request: { method: draft.method, url: draft.url, headers: draft.headers.map((h) => [h.name, h.value]), body: { encoding: 'utf8', text: edited } },
    });
    expect(echo.received[0].body.toString()).toBe(edited);
    const length = echo.received[0].headers.filter(([n]) => n.toLowerCase() === 'content-length');
    expect(length).toEqual([['Content-Length', String(Buffer.byteLength(edited))]]);
    expect(entry.warnings).toContain('The body was edited but not re-signed: the original Stripe signature will no longer match.');
    // The receiving end indeed rejects it.
    expect(entry.outcome.kind === 'response' && entry.outcome.response.status).toBe(400);
    expect(await store.get(record.id)).toEqual(record);
  });

  it('re-signs an edited Stripe request so the official Stripe SDK accepts it', async () => {
    const hook = stripeWebhook(100, Math.floor(Date.now() / 1000) - 3600); // an hour old: outside tolerance
    const record = await capture(hook.body, hook.headers);
    verifyWithStripeSdk();

    const unchanged = await service.handlers.replayCapture(record.id);
    expect(unchanged.outcome.kind === 'response' && unchanged.outcome.response.status).toBe(400);

    const draft = await service.handlers.getReplayDraft(record.id);
    const edited = draft.body.text.replace('"amount": 100', '"amount": 4242');
    const entry = await service.handlers.sendReplay({
      captureId: record.id,
      resign: true,
      request: { method: draft.method, url: draft.url, headers: draft.headers.map((h) => [h.name, h.value]), body: { encoding: 'utf8', text: edited } },
    });
    expect(entry.resignedWith).toBe('stripe');
    expect(entry.warnings).toEqual([]);
    expect(entry.outcome.kind === 'response' && JSON.parse(entry.outcome.response.body.text)).toEqual({ verified: true, amount: 4242 });
    // The signature row stays where it was, under the name the capture used.
    const names = echo.received[1].headers.map(([n]) => n.toLowerCase());
    expect(names.indexOf('stripe-signature')).toBe(draft.headers.findIndex((h) => h.name.toLowerCase() === 'stripe-signature') + 1);
    expect(await store.get(record.id)).toEqual(record);
  });

  it('refuses to re-sign without a stored secret, naming the provider', async () => {
    await service.close();
    service = await makeService({ secret: undefined });
    const hook = stripeWebhook(1);
    const record = await capture(hook.body, hook.headers);
    const draft = await service.handlers.getReplayDraft(record.id);
    expect(draft.signing?.hasSecret).toBe(false);
    const err = await service.handlers
      .sendReplay({ captureId: record.id, resign: true, request: { method: 'POST', url: draft.url, headers: [], body: draft.body } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HooklensError);
    expect((err as HooklensError).message).toMatch(/No Stripe secret is stored/);
    expect(echo.received).toHaveLength(0);
  });

  it('keeps a bounded history per capture, newest first, in its own file', async () => {
    await service.close();
    service = await makeService({ perCapture: 3 });
    const record = await capture('{"n":0}', { 'Content-Type': 'application/json' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await service.handlers.replayCapture(record.id)).id);
    const list = await service.handlers.listReplays(record.id);
    expect(list.map((s) => s.id)).toEqual(ids.slice(2).reverse());
    const file = JSON.parse(await readFile(path.join(dataDir, HISTORY_FILE), 'utf8')) as { entries: { id: string }[] };
    expect(file.entries.map((e) => e.id)).toEqual(ids.slice(2));

    await service.handlers.replayCapture(record.id);
    await store.delete([record.id]);
    events.emit('capture:removed', { ids: [record.id] });
    await expect.poll(() => service.handlers.listReplays(record.id)).toEqual([]);
  });

  it('sets an unreadable history file aside and skips malformed entries', async () => {
    await service.close();
    await writeFile(path.join(dataDir, HISTORY_FILE), '{ not json');
    service = await makeService();
    expect((await readdir(dataDir)).some((n) => n.startsWith(`${HISTORY_FILE}.corrupt-`))).toBe(true);
    const record = await capture('{}', { 'Content-Type': 'application/json' });
    const good = await service.handlers.replayCapture(record.id);
    await service.close();

    const file = JSON.parse(await readFile(path.join(dataDir, HISTORY_FILE), 'utf8')) as { entries: unknown[] };
    file.entries.push({ id: 'x', captureId: record.id, sentAt: 'now', request: { method: 'GET', url: 'http://h/', headers: [] }, outcome: 5, ms: 1 }, 'junk');
    await writeFile(path.join(dataDir, HISTORY_FILE), JSON.stringify(file));
    service = await makeService();
    expect((await service.handlers.listReplays(record.id)).map((s) => s.id)).toEqual([good.id]);
  });

  it('records connection errors in plain words instead of failing', async () => {
    const port = await freePort();
    await settings.update('replay', { targetBase: `http://localhost:${port}` });
    const record = await capture('x', { 'Content-Type': 'text/plain' });
    const entry = await service.handlers.replayCapture(record.id);
    expect(entry.outcome).toEqual({ kind: 'error', error: { kind: 'refused', message: `nothing is listening on localhost:${port}` } });
    expect((await service.handlers.listReplays(record.id))[0].error).toBe(`nothing is listening on localhost:${port}`);
  });

  it('validates settings and remembers the target', async () => {
    for (const patch of [{ targetBase: 'ftp://x' }, { targetBase: 'nope' }, { timeoutMs: -1 }, { forwardMaxAttempts: 0 }, { bogus: 1 }]) {
      const err = await service.handlers.updateReplaySettings(patch as never).catch((e: unknown) => e);
      expect((err as HooklensError).code).toBe('invalid_argument');
    }
    await service.handlers.updateReplaySettings({ targetBase: 'http://localhost:4000/api/', timeoutMs: 5000 });
    const reopened = await openSettingsStore(dataDir);
    expect(reopened.section('replay')).toMatchObject({ targetBase: 'http://localhost:4000/api', timeoutMs: 5000 });
    const record = await capture('{}', { 'Content-Type': 'application/json' });
    expect((await service.handlers.getReplayDraft(record.id)).url).toBe('http://localhost:4000/api/webhooks/stripe?acct=42');
  });

  it('refuses a malformed send with invalid_argument and sends nothing', async () => {
    const record = await capture('{}', { 'Content-Type': 'application/json' });
    const bad = [
      { captureId: record.id, request: { method: 'POST', url: 'javascript:alert(1)', headers: [], body: { encoding: 'utf8', text: '' } } },
      { captureId: record.id, request: { method: 'POST', url: echo.url, headers: [['a']], body: { encoding: 'utf8', text: '' } } },
      { captureId: record.id, request: { method: 'POST', url: echo.url, headers: [], body: { encoding: 'hex', text: '' } } },
      { captureId: record.id, request: { method: 'POST', url: echo.url, headers: [], body: { encoding: 'base64', text: '%%%' } } },
      null,
    ];
    for (const input of bad) {
      const err = await service.handlers.sendReplay(input as never).catch((e: unknown) => e);
      expect((err as HooklensError).code).toBe('invalid_argument');
    }
    expect(echo.received).toHaveLength(0);
  });
});

describe('auto-forward', () => {
  it('retries while the target is down and delivers on the third attempt, reporting each one', async () => {
    const port = await freePort();
    await service.handlers.updateReplaySettings({
      forwardEnabled: true,
      forwardTarget: `http://127.0.0.1:${port}`,
      forwardMaxAttempts: 5,
      forwardBaseDelayMs: 50,
    });
    const attempts: ForwardAttempt[] = [];
    let late: EchoServer | undefined;
    extra.push(async () => late?.close());
    const delivered = new Promise<void>((resolve) => {
      events.on('replay:forward-attempt', (a) => {
        attempts.push(a);
        // The target comes up after the second failure.
        if (a.attempt === 2) void startEchoServer(port).then((s) => (late = s));
        if (a.state !== 'retrying') resolve();
      });
    });
    const record = await capture('{"forward":true}', { 'Content-Type': 'application/json' }, '/hooks/fwd');
    await delivered;

    expect(attempts.map((a) => [a.attempt, a.state, a.status])).toEqual([
      [1, 'retrying', null],
      [2, 'retrying', null],
      [3, 'delivered', 200],
    ]);
    expect(attempts[0].error).toBe(`nothing is listening on 127.0.0.1:${port}`);
    expect(attempts.map((a) => a.nextDelayMs)).toEqual([50, 100, undefined]);
    expect(late?.received.map((r) => [r.url, r.body.toString()])).toEqual([['/hooks/fwd', '{"forward":true}']]);
    expect((await service.handlers.listForwardAttempts()).map((a) => a.attempt)).toEqual([3, 2, 1]);
    expect((await service.handlers.listReplays(record.id)).map((s) => s.source)).toEqual(['forward', 'forward', 'forward']);
  });

  it('retries 5xx answers and gives up after the configured attempts', async () => {
    echo.respond((_req, res) => {
      res.writeHead(503);
      res.end('busy');
    });
    await service.handlers.updateReplaySettings({ forwardEnabled: true, forwardTarget: echo.url, forwardMaxAttempts: 2, forwardBaseDelayMs: 10 });
    const done = new Promise<ForwardAttempt[]>((resolve) => {
      const seen: ForwardAttempt[] = [];
      events.on('replay:forward-attempt', (a) => {
        seen.push(a);
        if (a.state !== 'retrying') resolve(seen);
      });
    });
    await capture('{}', { 'Content-Type': 'application/json' });
    const seen = await done;
    expect(seen.map((a) => [a.attempt, a.state, a.status])).toEqual([
      [1, 'retrying', 503],
      [2, 'failed', 503],
    ]);
    expect(echo.received).toHaveLength(2);
  });

  it("sends to the capture's endpoint target when it has one, else to the global target", async () => {
    const own = await startEchoServer();
    extra.push(() => own.close());
    await service.close();
    service = await makeService({ forwardTargetFor: (endpointId) => (endpointId === 'default' ? own.url : null) });
    await service.handlers.updateReplaySettings({ forwardEnabled: true, forwardTarget: echo.url, forwardMaxAttempts: 1 });
    const delivered = new Promise<ForwardAttempt>((resolve) => events.on('replay:forward-attempt', resolve));
    await capture('{"to":"endpoint"}', { 'Content-Type': 'application/json' }, '/own');
    expect((await delivered).state).toBe('delivered');
    expect(own.received.map((r) => r.url)).toEqual(['/own']);
    expect(echo.received).toHaveLength(0);
  });

  it('does nothing when off', async () => {
    await capture('{}', { 'Content-Type': 'application/json' });
    await service.close();
    service = await makeService();
    expect(echo.received).toHaveLength(0);
    expect(await service.handlers.listForwardAttempts()).toEqual([]);
  });
});

describe('export and import', () => {
  it.skipIf(!existsSync('/usr/bin/curl'))('copies a binary capture as a cURL command that the real curl delivers byte for byte', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0x27, 0x5c, 0x25]);
    const record = await capture(bytes, { 'Content-Type': 'application/octet-stream', 'X-Sig': 'abc' }, '/bin?x=1');
    expect(record.body.encoding).toBe('base64');
    const command = await service.handlers.exportCurl({ captureId: record.id });
    await promisify(execFile)('/bin/bash', ['-c', `${command} -s -o /dev/null`], { timeout: 10_000 });
    expect(echo.received[0].body.equals(bytes)).toBe(true);
    expect(echo.received[0].url).toBe('/bin?x=1');
    expect(echo.received[0].headers).toContainEqual(['X-Sig', 'abc']);
  });

  it('exports captures and replays as valid HAR 1.2 that imports back', async () => {
    const a = await capture('{"a":1}', { 'Content-Type': 'application/json', Cookie: 'sid=1; theme=dark' });
    const b = await capture(Buffer.from([0, 1, 2, 255]), { 'Content-Type': 'application/octet-stream' }, '/b');
    await service.handlers.replayCapture(a.id);

    const all = JSON.parse(await service.handlers.exportHar({ includeReplays: true }));
    await expect(harValidator.har(all)).resolves.toBeTruthy();
    expect(all.log.version).toBe('1.2');
    expect(all.log.entries).toHaveLength(3);
    const binary = all.log.entries.find((e: { _hooklens: { captureId: string } }) => e._hooklens.captureId === b.id);
    expect(binary.request.postData).toEqual({ mimeType: 'application/octet-stream', text: Buffer.from([0, 1, 2, 255]).toString('base64'), _encoding: 'base64' });
    const replay = all.log.entries.find((e: { _hooklens: { kind: string } }) => e._hooklens.kind === 'replay');
    expect(replay.response.status).toBe(200);
    expect(replay.request.cookies).toEqual([{ name: 'sid', value: '1' }, { name: 'theme', value: 'dark' }]);

    const one = JSON.parse(await service.handlers.exportHar({ captureIds: [b.id] }));
    await expect(harValidator.har(one)).resolves.toBeTruthy();
    expect(one.log.entries).toHaveLength(1);

    const imported = await service.handlers.importHar(JSON.stringify(all));
    expect(imported).toHaveLength(3);
    const back = imported.find((i) => i.request.url.endsWith('/b'));
    expect(back?.request.body).toEqual({ encoding: 'base64', text: b.body.text });
    const missing = await service.handlers.exportHar({ captureIds: ['nope'] }).catch((e: unknown) => e);
    expect((missing as HooklensError).code).toBe('not_found');
  });

  it.each([
    ['not json', /not JSON/],
    ['{}', /no "log" object/],
    ['{"log":{"entries":{}}}', /log.entries is missing or not a list/],
    ['{"log":{"entries":[]}}', /no entries/],
    ['{"log":{"entries":[{"request":{"method":"GET","headers":[]}}]}}', /entry 1: request.url is missing/],
    ['{"log":{"entries":[{"request":{"method":"GET","url":"file:///etc/passwd","headers":[]}}]}}', /entry 1: Only http: and https:/],
    ['{"log":{"entries":[{"request":{"method":"GET","url":"http://h/","headers":[{"name":1}]}}]}}', /entry 1: header 1 is not/],
  ])('refuses malformed HAR %j', async (text, reason) => {
    const err = await service.handlers.importHar(text).catch((e: unknown) => e);
    expect((err as HooklensError).code).toBe('import_failed');
    expect((err as HooklensError).message).toMatch(reason);
  });

  it('imports a cURL command and sends it without a capture', async () => {
    const { request } = await service.handlers.importCurl(`curl -X PATCH '${echo.url}/imp' -H 'X-From: curl' --data-raw '{"x":1}'`);
    const entry = await service.handlers.sendReplay({ captureId: null, request });
    expect(echo.received[0]).toMatchObject({ method: 'PATCH', url: '/imp' });
    expect(echo.received[0].body.toString()).toBe('{"x":1}');
    expect((await service.handlers.listReplays(null)).map((s) => s.id)).toEqual([entry.id]);
    expect(entry.source).toBe('import');
  });
});
