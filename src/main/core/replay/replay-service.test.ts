/*
 * The replay service end to end with real parts (see test-support/replay-fixture.ts): replay,
 * edit, re-sign checked by the real `stripe` SDK at the target, history, errors and settings.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HooklensError } from '../../../shared/errors';
import { openSettingsStore } from '../settings/settings-store';
import { HISTORY_FILE } from './replay-history';
import { freePort } from './test-support/echo-server';
import { STRIPE_SECRET, stripe, useReplayFixture } from './test-support/replay-fixture';

const fx = useReplayFixture();

function stripeWebhook(amount: number, timestamp?: number): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(
    { id: 'evt_1', object: 'event', type: 'charge.succeeded', data: { object: { amount } } },
    null,
    2,
  );
  const signature = stripe.webhooks.generateTestHeaderString({
    payload: body,
    secret: STRIPE_SECRET,
    ...(timestamp ? { timestamp } : {}),
  });
  return {
    body,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Stripe-Signature': signature,
      'User-Agent': 'Stripe/1.0',
    },
  };
}

/** The echo target verifies Stripe signatures the way a real handler would, with the official SDK. */
function verifyWithStripeSdk(): void {
  fx.echo.respond((req, res) => {
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
    const record = await fx.capture(body, { 'Content-Type': 'application/json', 'X-Custom': 'keep me' });
    const entry = await fx.service.handlers.replayCapture(record.id);

    expect(fx.echo.received).toHaveLength(1);
    const got = fx.echo.received[0];
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/webhooks/stripe?acct=42');
    expect(got.body.toString('utf8')).toBe(body);
    const expected = record.headers.filter(([n]) => !/^(host|content-length|connection)$/i.test(n));
    expect(got.headers.filter(([n]) => !/^(host|content-length|connection)$/i.test(n))).toEqual(expected);
    // Host and Content-Length keep the capture's position and spelling, with values for this request.
    const recomputed = record.headers.map(([n, v]): [string, string] =>
      /^host$/i.test(n)
        ? [n, `127.0.0.1:${fx.echo.port}`]
        : /^content-length$/i.test(n)
          ? [n, String(Buffer.byteLength(body))]
          : [n, v],
    );
    expect(got.headers.filter(([n]) => !/^connection$/i.test(n))).toEqual(
      recomputed.filter(([n]) => !/^connection$/i.test(n)),
    );

    expect(entry.source).toBe('replay');
    expect(entry.outcome.kind === 'response' && entry.outcome.response.status).toBe(200);
    expect(await fx.store.get(record.id)).toEqual(record);

    // History survives a restart and can be reopened.
    await fx.service.close();
    fx.service = await fx.makeService();
    const list = await fx.service.handlers.listReplays(record.id);
    expect(list.map((s) => s.id)).toEqual([entry.id]);
    expect(await fx.service.handlers.getReplay(entry.id)).toEqual(entry);
  });

  it('sends an edited body with the right length and warns that the Stripe signature no longer matches', async () => {
    const hook = stripeWebhook(100);
    const record = await fx.capture(hook.body, hook.headers);
    verifyWithStripeSdk();
    const draft = await fx.service.handlers.getReplayDraft(record.id);
    expect(draft.url).toBe(`${fx.echo.url}/webhooks/stripe?acct=42`);
    expect(draft.signing).toEqual({ providerId: 'stripe', providerName: 'Stripe', canSign: true, hasSecret: true });
    const edited = draft.body.text.replace('"amount": 100', '"amount": 999');

    const entry = await fx.service.handlers.sendReplay({
      captureId: record.id,
      request: {
        method: draft.method,
        url: draft.url,
        headers: draft.headers.map((h) => [h.name, h.value]),
        body: { encoding: 'utf8', text: edited },
      },
    });
    expect(fx.echo.received[0].body.toString()).toBe(edited);
    const length = fx.echo.received[0].headers.filter(([n]) => n.toLowerCase() === 'content-length');
    expect(length).toEqual([['Content-Length', String(Buffer.byteLength(edited))]]);
    expect(entry.warnings).toContain(
      'The body was edited but not re-signed: the original Stripe signature will no longer match.',
    );
    // The receiving end indeed rejects it.
    expect(entry.outcome.kind === 'response' && entry.outcome.response.status).toBe(400);
    expect(await fx.store.get(record.id)).toEqual(record);
  });

  it('re-signs an edited Stripe request so the official Stripe SDK accepts it', async () => {
    const hook = stripeWebhook(100, Math.floor(Date.now() / 1000) - 3600); // an hour old: outside tolerance
    const record = await fx.capture(hook.body, hook.headers);
    verifyWithStripeSdk();

    const unchanged = await fx.service.handlers.replayCapture(record.id);
    expect(unchanged.outcome.kind === 'response' && unchanged.outcome.response.status).toBe(400);

    const draft = await fx.service.handlers.getReplayDraft(record.id);
    const edited = draft.body.text.replace('"amount": 100', '"amount": 4242');
    const entry = await fx.service.handlers.sendReplay({
      captureId: record.id,
      resign: true,
      request: {
        method: draft.method,
        url: draft.url,
        headers: draft.headers.map((h) => [h.name, h.value]),
        body: { encoding: 'utf8', text: edited },
      },
    });
    expect(entry.resignedWith).toBe('stripe');
    expect(entry.warnings).toEqual([]);
    expect(entry.outcome.kind === 'response' && JSON.parse(entry.outcome.response.body.text)).toEqual({
      verified: true,
      amount: 4242,
    });
    // The signature row stays where it was, under the name the capture used.
    const names = fx.echo.received[1].headers.map(([n]) => n.toLowerCase());
    expect(names.indexOf('stripe-signature')).toBe(
      draft.headers.findIndex((h) => h.name.toLowerCase() === 'stripe-signature') + 1,
    );
    expect(await fx.store.get(record.id)).toEqual(record);
  });

  it('refuses to re-sign without a stored secret, naming the provider', async () => {
    await fx.service.close();
    fx.service = await fx.makeService({ secret: undefined });
    const hook = stripeWebhook(1);
    const record = await fx.capture(hook.body, hook.headers);
    const draft = await fx.service.handlers.getReplayDraft(record.id);
    expect(draft.signing?.hasSecret).toBe(false);
    const err = await fx.service.handlers
      .sendReplay({
        captureId: record.id,
        resign: true,
        request: { method: 'POST', url: draft.url, headers: [], body: draft.body },
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HooklensError);
    expect((err as HooklensError).message).toMatch(/No Stripe secret is stored/);
    expect(fx.echo.received).toHaveLength(0);
  });

  it('keeps a bounded history per capture, newest first, in its own file', async () => {
    await fx.service.close();
    fx.service = await fx.makeService({ perCapture: 3 });
    const record = await fx.capture('{"n":0}', { 'Content-Type': 'application/json' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await fx.service.handlers.replayCapture(record.id)).id);
    const list = await fx.service.handlers.listReplays(record.id);
    expect(list.map((s) => s.id)).toEqual(ids.slice(2).reverse());
    const file = JSON.parse(await readFile(path.join(fx.dataDir, HISTORY_FILE), 'utf8')) as {
      entries: { id: string }[];
    };
    expect(file.entries.map((e) => e.id)).toEqual(ids.slice(2));

    await fx.service.handlers.replayCapture(record.id);
    await fx.store.delete([record.id]);
    fx.events.emit('capture:removed', { ids: [record.id] });
    await expect.poll(() => fx.service.handlers.listReplays(record.id)).toEqual([]);
  });

  it('sets an unreadable history file aside and skips malformed entries', async () => {
    await fx.service.close();
    await writeFile(path.join(fx.dataDir, HISTORY_FILE), '{ not json');
    fx.service = await fx.makeService();
    expect((await readdir(fx.dataDir)).some((n) => n.startsWith(`${HISTORY_FILE}.corrupt-`))).toBe(true);
    const record = await fx.capture('{}', { 'Content-Type': 'application/json' });
    const good = await fx.service.handlers.replayCapture(record.id);
    await fx.service.close();

    const file = JSON.parse(await readFile(path.join(fx.dataDir, HISTORY_FILE), 'utf8')) as { entries: unknown[] };
    file.entries.push(
      {
        id: 'x',
        captureId: record.id,
        sentAt: 'now',
        request: { method: 'GET', url: 'http://h/', headers: [] },
        outcome: 5,
        ms: 1,
      },
      'junk',
    );
    await writeFile(path.join(fx.dataDir, HISTORY_FILE), JSON.stringify(file));
    fx.service = await fx.makeService();
    expect((await fx.service.handlers.listReplays(record.id)).map((s) => s.id)).toEqual([good.id]);
  });

  it('records connection errors in plain words instead of failing', async () => {
    const port = await freePort();
    await fx.settings.update('replay', { targetBase: `http://localhost:${port}` });
    const record = await fx.capture('x', { 'Content-Type': 'text/plain' });
    const entry = await fx.service.handlers.replayCapture(record.id);
    expect(entry.outcome).toEqual({
      kind: 'error',
      error: { kind: 'refused', message: `nothing is listening on localhost:${port}` },
    });
    expect((await fx.service.handlers.listReplays(record.id))[0].error).toBe(
      `nothing is listening on localhost:${port}`,
    );
  });

  it('validates settings and remembers the target', async () => {
    for (const patch of [
      { targetBase: 'ftp://x' },
      { targetBase: 'nope' },
      { timeoutMs: -1 },
      { forwardMaxAttempts: 0 },
      { bogus: 1 },
    ]) {
      const err = await fx.service.handlers.updateReplaySettings(patch as never).catch((e: unknown) => e);
      expect((err as HooklensError).code).toBe('invalid_argument');
    }
    await fx.service.handlers.updateReplaySettings({ targetBase: 'http://localhost:4000/api/', timeoutMs: 5000 });
    const reopened = await openSettingsStore(fx.dataDir);
    expect(reopened.section('replay')).toMatchObject({ targetBase: 'http://localhost:4000/api', timeoutMs: 5000 });
    const record = await fx.capture('{}', { 'Content-Type': 'application/json' });
    expect((await fx.service.handlers.getReplayDraft(record.id)).url).toBe(
      'http://localhost:4000/api/webhooks/stripe?acct=42',
    );
  });

  it('refuses a malformed send with invalid_argument and sends nothing', async () => {
    const record = await fx.capture('{}', { 'Content-Type': 'application/json' });
    const bad = [
      {
        captureId: record.id,
        request: { method: 'POST', url: 'javascript:alert(1)', headers: [], body: { encoding: 'utf8', text: '' } },
      },
      {
        captureId: record.id,
        request: { method: 'POST', url: fx.echo.url, headers: [['a']], body: { encoding: 'utf8', text: '' } },
      },
      {
        captureId: record.id,
        request: { method: 'POST', url: fx.echo.url, headers: [], body: { encoding: 'hex', text: '' } },
      },
      {
        captureId: record.id,
        request: { method: 'POST', url: fx.echo.url, headers: [], body: { encoding: 'base64', text: '%%%' } },
      },
      null,
    ];
    for (const input of bad) {
      const err = await fx.service.handlers.sendReplay(input as never).catch((e: unknown) => e);
      expect((err as HooklensError).code).toBe('invalid_argument');
    }
    expect(fx.echo.received).toHaveLength(0);
  });

  it('cancels a send that waits on a slow target, records it as cancelled, and frees the id', async () => {
    const record = await fx.capture('{"slow":true}', { 'Content-Type': 'application/json' });
    // The target takes the request and never answers (until the test ends and closes it).
    const arrived = new Promise<void>((resolve) => fx.echo.respond(() => resolve()));
    const sending = fx.service.handlers.replayCapture(record.id, 'send-1');
    await arrived;
    expect(await fx.service.handlers.cancelReplay('send-1')).toBe(true);
    const entry = await sending;
    expect(entry.outcome).toEqual({
      kind: 'error',
      error: { kind: 'cancelled', message: 'cancelled before the target answered' },
    });
    expect((await fx.service.handlers.listReplays(record.id))[0].id).toBe(entry.id);
    expect(await fx.service.handlers.cancelReplay('send-1')).toBe(false);
    const err = await fx.service.handlers.cancelReplay('no spaces allowed').catch((e: unknown) => e);
    expect((err as HooklensError).code).toBe('invalid_argument');
  });

  it('cancels an edited send named in its input', async () => {
    const record = await fx.capture('{}', { 'Content-Type': 'application/json' });
    const arrived = new Promise<void>((resolve) => fx.echo.respond(() => resolve()));
    const draft = await fx.service.handlers.getReplayDraft(record.id);
    const sending = fx.service.handlers.sendReplay({
      captureId: record.id,
      sendId: 'edit-1',
      request: { method: 'POST', url: draft.url, headers: [], body: { encoding: 'utf8', text: '{"edited":1}' } },
    });
    await arrived;
    expect(await fx.service.handlers.cancelReplay('edit-1')).toBe(true);
    expect((await sending).outcome).toMatchObject({ kind: 'error', error: { kind: 'cancelled' } });
  });

  it('remembers the re-sign choice per endpoint and refuses anything but booleans', async () => {
    await fx.service.handlers.updateReplaySettings({ resignByEndpoint: { default: true, other: false } });
    expect((await openSettingsStore(fx.dataDir)).section('replay').resignByEndpoint).toEqual({
      default: true,
      other: false,
    });
    for (const bad of [
      { resignByEndpoint: { default: 'yes' } },
      { resignByEndpoint: [] },
      { resignByEndpoint: null },
    ]) {
      const err = await fx.service.handlers.updateReplaySettings(bad as never).catch((e: unknown) => e);
      expect((err as HooklensError).code).toBe('invalid_argument');
    }
  });
});
