// The SDK's webhook module alone (what `twilio.validateRequest` re-exports): the full client loads slowly.
import * as twilioSdk from 'twilio/lib/webhooks/webhooks';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureRecord } from '../../../shared/capture';
import { startCaptureListener, type CaptureListener } from '../capture/listener';
import { createCoreEvents } from '../events';
import { openCaptureStore } from '../store';
import type { CaptureStore } from '../store/types';
import { captureUrl, createSignaturesHandlers } from './handlers';

const stripeSdk = new Stripe('sk_test_hooklens');
const STRIPE_SECRET = 'whsec_handlers_0123456789abcdef';
const BODY = '{"id":"evt_9","type":"charge.succeeded"}';

let dir: string;
let store: CaptureStore;
let listener: CaptureListener;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hooklens-sig-handlers-'));
  store = await openCaptureStore({ dataDir: dir });
  listener = await startCaptureListener({ store, port: 0, host: '127.0.0.1', tunnelPort: null });
});
afterEach(async () => {
  await listener.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** Sends a real request to the capture listener and returns the stored record. */
async function capture(path: string, headers: Record<string, string>, body: string): Promise<CaptureRecord> {
  const before = new Set(store.list().map((s) => s.id));
  const res = await fetch(`http://127.0.0.1:${listener.port}${path}`, { method: 'POST', headers, body });
  expect(res.ok).toBe(true);
  const added = store.list().find((s) => !before.has(s.id));
  expect(added).toBeDefined();
  return (await store.get(added!.id))!;
}

describe('signatures handlers', () => {
  it('detects the provider of a captured request and checks it with the stored secret', async () => {
    const events = createCoreEvents();
    const seen: unknown[] = [];
    events.on('signatures:secret-changed', (p) => seen.push(p));
    const api = await createSignaturesHandlers({ store, dataDir: dir, events });
    const t = Math.floor(Date.now() / 1000);
    const header = stripeSdk.webhooks.generateTestHeaderString({ payload: BODY, secret: STRIPE_SECRET, timestamp: t });
    const record = await capture('/hooks/stripe', { 'Content-Type': 'application/json', 'Stripe-Signature': header }, BODY);

    expect(await api.checkSignature(record.id)).toMatchObject({ detected: ['stripe'], providerId: 'stripe', missing: 'secret' });
    const status = await api.setSignatureSecret(record.endpointId, 'stripe', STRIPE_SECRET);
    expect(status?.masked).not.toContain('0123456789abcdef');
    expect(seen).toHaveLength(1);
    expect(JSON.stringify(seen)).not.toContain(STRIPE_SECRET);

    const ok = await api.checkSignature(record.id);
    expect(ok).toMatchObject({ providerId: 'stripe', secretSource: 'stored', result: { valid: true } });
    const bad = await api.checkSignature(record.id, { secret: 'whsec_wrong' });
    expect(bad).toMatchObject({ secretSource: 'given', result: { valid: false, failure: 'signature_mismatch' } });

    expect(await api.getSignatureSecretStatus(record.endpointId)).toHaveLength(1);
    // Secrets live in their own file, never in the captures data.
    const secretsFile = await readFile(join(dir, 'secrets.json'), 'utf8');
    expect(secretsFile).toContain('stripe');
  });

  it('judges timestamps against the time of capture unless told otherwise', async () => {
    const api = await createSignaturesHandlers({ store, dataDir: dir });
    const t = Math.floor(Date.now() / 1000) - 3600;
    const header = stripeSdk.webhooks.generateTestHeaderString({ payload: BODY, secret: STRIPE_SECRET, timestamp: t });
    const record = await capture('/', { 'Stripe-Signature': header }, BODY);
    const stale = await api.checkSignature(record.id, { secret: STRIPE_SECRET });
    expect(stale.result).toMatchObject({ valid: false, failure: 'timestamp_out_of_tolerance' });
    expect(stale.result!.skewSec).toBeLessThanOrEqual(-3600);
    expect((await api.checkSignature(record.id, { secret: STRIPE_SECRET, now: t + 1 })).result).toMatchObject({ valid: true, skewSec: -1 });
  });

  it('rebuilds the URL from the Host header for URL-signed providers', async () => {
    const api = await createSignaturesHandlers({ store, dataDir: dir });
    const form = new URLSearchParams({ From: '+100', Body: 'hi' }).toString();
    const url = `http://127.0.0.1:${listener.port}/sms?x=1`;
    const sig = twilioSdk.getExpectedTwilioSignature('tw-token', url, { From: '+100', Body: 'hi' });
    const record = await capture('/sms?x=1', { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': sig }, form);
    expect(captureUrl(record)).toBe(url);
    const r = await api.checkSignature(record.id, { secret: 'tw-token' });
    expect(r).toMatchObject({ providerId: 'twilio', url, result: { valid: true } });
    const wrong = await api.checkSignature(record.id, { secret: 'tw-token', url: `https://127.0.0.1:${listener.port}/sms?x=1` });
    expect(wrong.result).toMatchObject({ valid: false, failure: 'url_mismatch' });
  });

  it('checks a generic scheme and reports unknown providers and captures', async () => {
    const api = await createSignaturesHandlers({ store, dataDir: dir });
    const record = await capture('/', { 'X-Sig': 'deadbeef' }, 'payload');
    expect(await api.checkSignature(record.id)).toMatchObject({ detected: [], missing: 'provider' });
    const generic = await api.checkSignature(record.id, {
      providerId: 'generic',
      secret: 's',
      generic: { algorithm: 'sha256', encoding: 'hex', header: 'X-Sig', prefix: '' },
    });
    expect(generic.result).toMatchObject({ provider: 'generic', valid: false, failure: 'signature_mismatch' });
    await expect(api.checkSignature(record.id, { providerId: 'nope', secret: 's' })).rejects.toMatchObject({ code: 'unknown_provider' });
    await expect(api.checkSignature('missing-id')).rejects.toMatchObject({ code: 'not_found' });
    await expect(api.setSignatureSecret('default', 'nope', 's')).rejects.toMatchObject({ code: 'unknown_provider' });
  });

  it('lists every registered provider plus the generic builder', async () => {
    const api = await createSignaturesHandlers({ store, dataDir: dir });
    const list = await api.listSignatureProviders();
    const ids = list.map((p) => p.id);
    for (const id of ['stripe', 'github', 'shopify', 'slack', 'standard-webhooks', 'twilio', 'square', 'generic']) expect(ids).toContain(id);
    expect(list.find((p) => p.id === 'twilio')).toMatchObject({ needsUrl: true, canSign: true });
  });
});
