import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_CAPTURE } from './replay-slice';
import { openCoreStore, until, type CoreStore } from './test-support/core-store';

describe('test events slice', () => {
  let fx: CoreStore;
  beforeEach(async () => {
    fx = await openCoreStore();
  });
  afterEach(async () => {
    await fx.close();
  });

  it('opens on the first catalog event, fetches the catalog once, and follows edits', async () => {
    const s = fx.store.getState();
    await s.openTestEvent();
    let st = fx.store.getState();
    expect(st.dialog).toBe('test-event');
    expect(st.testEventDraft).toMatchObject({
      provider: 'stripe',
      event: 'payment_intent.succeeded',
      target: 'replay',
      path: '/webhooks/stripe',
    });
    expect(JSON.parse(st.testEventDraft!.body)).toMatchObject({ type: 'payment_intent.succeeded' });
    expect(st.testEventPreview?.secret).toBe('generate');

    await st.chooseTestEvent('github', 'push');
    const edited = '{"ref":"refs/heads/edited"}';
    await fx.store.getState().editTestEvent({ body: edited });
    await fx.store.getState().editTestEvent({ target: 'capture' });
    st = fx.store.getState();
    // A new target changes the URL, never the body the user typed.
    expect(st.testEventDraft?.body).toBe(edited);
    expect(st.testEventPreview?.url).toBe(`${fx.core.status().captureUrl}webhooks/github`);

    st.closeDialog();
    fx.resetCalls();
    await fx.store.getState().openTestEvent();
    expect(fx.calls.listTestEventProviders).toBeUndefined();
    expect(fx.store.getState().testEventDraft?.body).toBe(edited);
  });

  it('sends to Hooklens itself: the capture, the history entry and the stored secret follow', async () => {
    await fx.store.getState().loadSecretStatus('default');
    await fx.store.getState().loadReplayHistory(null);
    await fx.store.getState().openTestEvent();
    await fx.store.getState().chooseTestEvent('stripe', 'customer.subscription.created');
    await fx.store.getState().editTestEvent({ target: 'capture' });
    const result = await fx.store.getState().sendTestEvent();
    expect(result?.generatedSecret).toMatch(/^whsec_/);
    let st = await until(fx.store, (s) => s.rows.length === 1 && (s.secrets.default ?? []).length === 1);
    expect(st.testEventSend).toMatchObject({ status: 'sent' });
    expect(st.replayHistory[NO_CAPTURE]?.[0]).toMatchObject({
      id: result!.entry.id,
      source: 'test-event',
      status: 200,
    });
    expect(st.secrets.default![0]).toMatchObject({ providerId: 'stripe' });
    expect(st.testEventObjects['stripe customer.subscription']).toBe(result!.objectId);

    // The next event of that subscription is about the same object, signed with the stored secret.
    await st.chooseTestEvent('stripe', 'customer.subscription.deleted');
    const second = await fx.store.getState().sendTestEvent();
    expect(second?.objectId).toBe(result!.objectId);
    expect(second?.generatedSecret).toBeUndefined();
    st = await until(fx.store, (s) => s.rows.length === 2);
    for (const c of st.rows)
      expect(await st.checkSignature(c!.id, {})).toMatchObject({ providerId: 'stripe', result: { valid: true } });
  });

  it('shows a refused send as an error, not a result', async () => {
    await fx.store.getState().openTestEvent();
    await fx.store.getState().editTestEvent({ path: 'no-slash' });
    expect(fx.store.getState().testEventError).toMatch(/path must start with/);
    await fx.store.getState().sendTestEvent();
    expect(fx.store.getState().testEventSend).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/path must start/),
    });
  });
});
