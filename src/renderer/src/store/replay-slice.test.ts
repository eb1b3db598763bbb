import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEchoServer, type EchoServer } from '../../../main/core/replay/test-support/echo-server';
import { NO_CAPTURE } from './replay-slice';
import { openCoreStore, until, type CoreStore } from './test-support/core-store';

describe('replay slice', () => {
  let fx: CoreStore;
  let echo: EchoServer;
  beforeEach(async () => {
    fx = await openCoreStore();
    echo = await startEchoServer();
  });
  afterEach(async () => {
    await fx.close();
    await echo.close();
  });

  it('holds the replay settings once and follows a change made in another window', async () => {
    const other = await fx.openSecondStore();
    fx.resetCalls();
    await other.getState().updateReplaySettings({ targetBase: echo.url, forwardMaxAttempts: 3 });
    const s = await until(fx.store, (st) => st.replaySettings?.targetBase === echo.url);
    expect(s.replaySettings?.forwardMaxAttempts).toBe(3);
    expect(fx.calls.getReplaySettings).toBeUndefined();
  });

  it('shows a refused setting as the core kept it and passes the refusal on', async () => {
    const before = fx.store.getState().replaySettings!;
    await expect(fx.store.getState().updateReplaySettings({ targetBase: 'not a url' })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    expect(fx.store.getState().replaySettings).toEqual(before);
  });

  it('adds each send to the history from its answer and event, without listing the history again', async () => {
    const id = await fx.capture('/hooks/order', '{"n":1}');
    await fx.store.getState().updateReplaySettings({ targetBase: echo.url });
    await fx.store.getState().loadReplayHistory(id);
    expect(fx.store.getState().replayHistory[id]).toEqual([]);
    fx.resetCalls();

    const entry = await fx.store.getState().replayCapture(id);
    expect(fx.store.getState().replayShown[id]?.id).toBe(entry.id);
    expect(fx.store.getState().replayHistory[id].map((h) => h.id)).toEqual([entry.id]);

    const other = await fx.openSecondStore();
    const theirs = await other.getState().replayCapture(id);
    const s = await until(fx.store, (st) => st.replayHistory[id].length === 2);
    expect(s.replayHistory[id].map((h) => h.id)).toEqual([theirs.id, entry.id]);
    expect(s.replayHistory[id][0].status).toBe(200);
    expect(fx.calls.listReplays).toBeUndefined();
    expect(echo.received.map((r) => r.url)).toEqual(['/hooks/order', '/hooks/order']);
  });

  it('lists auto-forward attempts as they are reported', async () => {
    await fx.store.getState().updateReplaySettings({ forwardEnabled: true, forwardTarget: echo.url });
    fx.resetCalls();
    const id = await fx.capture('/forward/me');
    const s = await until(fx.store, (st) =>
      st.forwardAttempts.some((a) => a.captureId === id && a.state === 'delivered'),
    );
    expect(s.forwardAttempts[0]).toMatchObject({ captureId: id, attempt: 1, status: 200 });
    expect(fx.calls.listForwardAttempts).toBeUndefined();
  });

  it('keeps imported requests for the import view and files their sends under no capture', async () => {
    const har = JSON.stringify({
      log: {
        entries: [{ request: { method: 'POST', url: `${echo.url}/imported`, headers: [], postData: { text: 'x=1' } } }],
      },
    });
    const {
      requests: [request],
    } = await fx.store.getState().importHar(har);
    expect(fx.store.getState().imported).toEqual({ source: 'har', requests: [request], warnings: [] });
    await fx.store.getState().loadReplayHistory(null);
    fx.resetCalls();

    const entry = await fx.store.getState().sendReplay({ captureId: null, request: request.request });
    expect(fx.store.getState().replayShown[NO_CAPTURE]?.id).toBe(entry.id);
    expect(fx.store.getState().replayHistory[NO_CAPTURE].map((h) => h.id)).toEqual([entry.id]);
    expect(fx.calls.listReplays).toBeUndefined();
    expect(echo.received.map((r) => r.body.toString())).toEqual(['x=1']);
  });

  it('marks a send as pending in its view and cancels it there', async () => {
    const id = await fx.capture('/hooks/slow', '{"n":1}');
    await fx.store.getState().updateReplaySettings({ targetBase: echo.url });
    const arrived = new Promise<void>((resolve) => echo.respond(() => resolve()));
    const sending = fx.store.getState().replayCapture(id);
    await arrived;
    expect(fx.store.getState().replayPending[id]).toMatch(/^[\w-]+$/);
    await fx.store.getState().cancelReplay(id);
    const entry = await sending;
    expect(entry.outcome).toMatchObject({ kind: 'error', error: { kind: 'cancelled' } });
    expect(fx.store.getState().replayPending[id]).toBeUndefined();
    expect(fx.store.getState().replayShown[id]?.id).toBe(entry.id);
  });

  it('remembers the re-sign choice per endpoint in the core, and another window follows', async () => {
    const other = await fx.openSecondStore();
    await fx.store.getState().setResignChoice('default', true);
    await until(other, (s) => s.replaySettings?.resignByEndpoint.default === true);
    await other.getState().setResignChoice('other', false);
    await until(fx.store, (s) => s.replaySettings?.resignByEndpoint.other === false);
    expect((await fx.core.api.getReplaySettings()).resignByEndpoint).toEqual({ default: true, other: false });
  });
});
