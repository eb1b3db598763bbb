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
import { contentful } from './providers/contentful';
import { MAX_SIBLINGS } from './sibling-evidence';

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
    const record = await capture(
      '/hooks/stripe',
      { 'Content-Type': 'application/json', 'Stripe-Signature': header },
      BODY,
    );

    expect(await api.checkSignature(record.id)).toMatchObject({
      detected: ['stripe'],
      providerId: 'stripe',
      missing: 'secret',
    });
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
    expect((await api.checkSignature(record.id, { secret: STRIPE_SECRET, now: t + 1 })).result).toMatchObject({
      valid: true,
      skewSec: -1,
    });
  });

  it('rebuilds the URL from the Host header for URL-signed providers', async () => {
    const api = await createSignaturesHandlers({ store, dataDir: dir });
    const form = new URLSearchParams({ From: '+100', Body: 'hi' }).toString();
    const url = `http://127.0.0.1:${listener.port}/sms?x=1`;
    const sig = twilioSdk.getExpectedTwilioSignature('tw-token', url, { From: '+100', Body: 'hi' });
    const record = await capture(
      '/sms?x=1',
      { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': sig },
      form,
    );
    expect(captureUrl(record)).toBe(url);
    const r = await api.checkSignature(record.id, { secret: 'tw-token' });
    expect(r).toMatchObject({ providerId: 'twilio', url, result: { valid: true } });
    const wrong = await api.checkSignature(record.id, {
      secret: 'tw-token',
      url: `https://127.0.0.1:${listener.port}/sms?x=1`,
    });
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
    await expect(api.checkSignature(record.id, { providerId: 'nope', secret: 's' })).rejects.toMatchObject({
      code: 'unknown_provider',
    });
    await expect(api.checkSignature('missing-id')).rejects.toMatchObject({ code: 'not_found' });
    await expect(api.setSignatureSecret('default', 'nope', 's')).rejects.toMatchObject({ code: 'unknown_provider' });
  });

  it('lists every registered provider plus the generic builder', async () => {
    const api = await createSignaturesHandlers({ store, dataDir: dir });
    const list = await api.listSignatureProviders();
    const ids = list.map((p) => p.id);
    for (const id of ['stripe', 'github', 'shopify', 'slack', 'standard-webhooks', 'twilio', 'square', 'generic'])
      expect(ids).toContain(id);
    expect(list.find((p) => p.id === 'twilio')).toMatchObject({ needsUrl: true, canSign: true });
  });

  describe('evidence from the other captures of the endpoint', () => {
    const stripeHeaders = (payload: string) => ({
      'Content-Type': 'application/json',
      'Stripe-Signature': stripeSdk.webhooks.generateTestHeaderString({
        payload,
        secret: STRIPE_SECRET,
        timestamp: Math.floor(Date.now() / 1000),
      }),
    });
    const pretty = (n: number) =>
      JSON.stringify({ id: `evt_${n}`, object: 'event', data: { object: { amount: 2000 + n } } }, null, 2);

    it('tells a changed body (the secret validates the siblings) from a wrong secret (it validates none)', async () => {
      const api = await createSignaturesHandlers({ store, dataDir: dir });
      for (const n of [1, 2, 3]) await capture('/stripe', stripeHeaders(pretty(n)), pretty(n));
      // Signed over one body, delivered with one byte changed.
      const changed = await capture('/stripe', stripeHeaders(pretty(4)), pretty(4).replace('2004', '2005'));
      await api.setSignatureSecret(changed.endpointId, 'stripe', STRIPE_SECRET);

      const tampered = await api.checkSignature(changed.id);
      expect(tampered).toMatchObject({
        result: { valid: false, failure: 'signature_mismatch' },
        siblings: { checked: 3, validated: 3 },
      });
      expect(tampered.result!.hints![0]).toContain('this secret validated 3 other captures of this endpoint');
      expect(tampered.result!.hints![0]).toContain('body of this one');
      expect(tampered.result!.hints!.join(' ')).not.toMatch(/pretty|re-?format/i);

      const wrong = await api.checkSignature(changed.id, { secret: 'whsec_not_the_right_one' });
      expect(wrong).toMatchObject({
        result: { failure: 'signature_mismatch' },
        siblings: { checked: 3, validated: 0 },
      });
      expect(wrong.result!.hints![0]).toContain(
        'no capture of this endpoint validates with this secret (3 checked): probably the wrong secret',
      );
      // A valid capture needs no evidence.
      const fine = store.list().find((c) => c.id !== changed.id)!;
      expect(await api.checkSignature(fine.id)).not.toHaveProperty('siblings');
    });

    it('checks at most the 50 most recent siblings from the same provider', async () => {
      const api = await createSignaturesHandlers({ store, dataDir: dir });
      for (let n = 0; n < MAX_SIBLINGS + 2; n++) await capture('/stripe', stripeHeaders(pretty(n)), pretty(n));
      // Another provider's capture on the same endpoint is no sibling.
      await capture('/stripe', { 'X-Hub-Signature-256': 'sha256=' + '0'.repeat(64) }, '{}');
      const changed = await capture('/stripe', stripeHeaders(pretty(99)), pretty(99).replace('2099', '2100'));
      const r = await api.checkSignature(changed.id, { secret: STRIPE_SECRET });
      expect(r.siblings).toEqual({ checked: MAX_SIBLINGS, validated: MAX_SIBLINGS });
    });

    it('names another endpoint whose stored secret validates the capture', async () => {
      const api = await createSignaturesHandlers({ store, dataDir: dir });
      const record = await capture('/stripe', stripeHeaders(BODY), BODY);
      await api.setSignatureSecret(record.endpointId, 'stripe', 'whsec_this_endpoints_old_secret');
      await api.setSignatureSecret('billing', 'stripe', STRIPE_SECRET);
      const r = await api.checkSignature(record.id);
      expect(r.siblings).toEqual({ checked: 0, validated: 0, otherEndpointId: 'billing' });
      expect(r.result!.hints![0]).toContain('the secret stored for endpoint "billing" validates this capture');
    });
  });

  describe('schemes that sign the URL', () => {
    const PUBLIC = 'https://quiet-fox-12.loca.lt';

    it('tries the public tunnel URL before blaming the secret, and says which URL was used', async () => {
      const api = await createSignaturesHandlers({
        store,
        dataDir: dir,
        origins: () => ({ local: `http://127.0.0.1:${listener.port}/`, public: PUBLIC }),
      });
      const params = { From: '+100', Body: 'hi' };
      const sig = twilioSdk.getExpectedTwilioSignature('tw-token', `${PUBLIC}/sms?x=1`, params);
      const record = await capture(
        '/sms?x=1',
        { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': sig },
        new URLSearchParams(params).toString(),
      );
      const local = `http://127.0.0.1:${listener.port}/sms?x=1`;

      const r = await api.checkSignature(record.id, { secret: 'tw-token' });
      expect(r).toMatchObject({
        url: local,
        result: { valid: false, failure: 'url_mismatch', signedUrl: `${PUBLIC}/sms?x=1` },
      });
      expect(r.result!.reason).toContain(
        `Twilio signs the URL it called, and the signature matches ${PUBLIC}/sms?x=1 (the public tunnel URL), not ${local}`,
      );
      // The same request checked against the public URL verifies: the verdict pointed the right way.
      expect(
        (await api.checkSignature(record.id, { secret: 'tw-token', url: `${PUBLIC}/sms?x=1` })).result?.valid,
      ).toBe(true);

      const wrong = await api.checkSignature(record.id, { secret: 'not-the-token' });
      expect(wrong.result).toMatchObject({ failure: 'signature_mismatch' });
      const urlHint = wrong.result!.hints!.find((h) => h.includes('URL is part of the signature'));
      expect(urlHint).toContain(`checked against ${local}`);
      expect(urlHint).toMatch(
        /\d+ other forms of it \(the public tunnel URL; .*\) do not match either, so the secret is the likelier cause/,
      );
    });

    it('finds a signature made over the URL without its query (Contentful signs path and query)', async () => {
      const api = await createSignaturesHandlers({ store, dataDir: dir });
      const secret = 'c'.repeat(64);
      const body = '{"sys":{"type":"Entry","id":"e1"}}';
      const signed = contentful.sign!({
        secret,
        body: Buffer.from(body),
        url: '/cf',
        method: 'POST',
        headers: [['content-type', 'application/json']],
      });
      const record = await capture(
        '/cf?env=staging',
        Object.fromEntries([['content-type', 'application/json'], ...signed]),
        body,
      );
      const r = await api.checkSignature(record.id, { secret });
      expect(r.result).toMatchObject({ failure: 'url_mismatch', signedUrl: `http://127.0.0.1:${listener.port}/cf` });
      expect(r.result!.reason).toContain('without the query string');
    });
  });
});
