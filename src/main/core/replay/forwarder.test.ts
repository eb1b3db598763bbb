/*
 * Auto-forward end to end: a real capture listener feeding the replay service, and real targets
 * that are down, failing or up.
 */
import { describe, expect, it } from 'vitest';
import type { ForwardAttempt } from '../../../shared/replay/types';
import { freePort, startEchoServer, type EchoServer } from './test-support/echo-server';
import { useReplayFixture } from './test-support/replay-fixture';

const fx = useReplayFixture();

describe('auto-forward', () => {
  it('retries while the target is down and delivers on the third attempt, reporting each one', async () => {
    const port = await freePort();
    await fx.service.handlers.updateReplaySettings({
      forwardEnabled: true,
      forwardTarget: `http://127.0.0.1:${port}`,
      forwardMaxAttempts: 5,
      forwardBaseDelayMs: 50,
    });
    const attempts: ForwardAttempt[] = [];
    let late: EchoServer | undefined;
    fx.extra.push(async () => late?.close());
    const delivered = new Promise<void>((resolve) => {
      fx.events.on('replay:forward-attempt', (a) => {
        attempts.push(a);
        // The target comes up after the second failure.
        if (a.attempt === 2) void startEchoServer(port).then((s) => (late = s));
        if (a.state !== 'retrying') resolve();
      });
    });
    const record = await fx.capture('{"forward":true}', { 'Content-Type': 'application/json' }, '/hooks/fwd');
    await delivered;

    expect(attempts.map((a) => [a.attempt, a.state, a.status])).toEqual([
      [1, 'retrying', null],
      [2, 'retrying', null],
      [3, 'delivered', 200],
    ]);
    expect(attempts[0].error).toBe(`nothing is listening on 127.0.0.1:${port}`);
    expect(attempts.map((a) => a.nextDelayMs)).toEqual([50, 100, undefined]);
    expect(late?.received.map((r) => [r.url, r.body.toString()])).toEqual([['/hooks/fwd', '{"forward":true}']]);
    expect((await fx.service.handlers.listForwardAttempts()).map((a) => a.attempt)).toEqual([3, 2, 1]);
    expect((await fx.service.handlers.listReplays(record.id)).map((s) => s.source)).toEqual([
      'forward',
      'forward',
      'forward',
    ]);
  });

  it('retries 5xx answers and gives up after the configured attempts', async () => {
    fx.echo.respond((_req, res) => {
      res.writeHead(503);
      res.end('busy');
    });
    await fx.service.handlers.updateReplaySettings({
      forwardEnabled: true,
      forwardTarget: fx.echo.url,
      forwardMaxAttempts: 2,
      forwardBaseDelayMs: 10,
    });
    const done = new Promise<ForwardAttempt[]>((resolve) => {
      const seen: ForwardAttempt[] = [];
      fx.events.on('replay:forward-attempt', (a) => {
        seen.push(a);
        if (a.state !== 'retrying') resolve(seen);
      });
    });
    await fx.capture('{}', { 'Content-Type': 'application/json' });
    const seen = await done;
    expect(seen.map((a) => [a.attempt, a.state, a.status])).toEqual([
      [1, 'retrying', 503],
      [2, 'failed', 503],
    ]);
    expect(fx.echo.received).toHaveLength(2);
  });

  it("sends to the capture's endpoint target when it has one, else to the global target", async () => {
    const own = await startEchoServer();
    fx.extra.push(() => own.close());
    await fx.service.close();
    fx.service = await fx.makeService({
      forwardTargetFor: (endpointId) => (endpointId === 'default' ? own.url : null),
    });
    await fx.service.handlers.updateReplaySettings({
      forwardEnabled: true,
      forwardTarget: fx.echo.url,
      forwardMaxAttempts: 1,
    });
    const delivered = new Promise<ForwardAttempt>((resolve) => fx.events.on('replay:forward-attempt', resolve));
    await fx.capture('{"to":"endpoint"}', { 'Content-Type': 'application/json' }, '/own');
    expect((await delivered).state).toBe('delivered');
    expect(own.received.map((r) => r.url)).toEqual(['/own']);
    expect(fx.echo.received).toHaveLength(0);
  });

  it('turned off, forgets its log (each attempt stays in the history) and stops the retries still waiting', async () => {
    fx.echo.respond((_req, res) => {
      res.writeHead(503);
      res.end('busy');
    });
    const BASE_MS = 40;
    await fx.service.handlers.updateReplaySettings({
      forwardEnabled: true,
      forwardTarget: fx.echo.url,
      forwardMaxAttempts: 5,
      forwardBaseDelayMs: BASE_MS,
    });
    const seen: ForwardAttempt[] = [];
    const first = new Promise<void>((resolve) =>
      fx.events.on('replay:forward-attempt', (a) => {
        seen.push(a);
        resolve();
      }),
    );
    const record = await fx.capture('{}', { 'Content-Type': 'application/json' });
    await first;
    expect(seen[0].state).toBe('retrying');
    await fx.service.handlers.updateReplaySettings({ forwardEnabled: false });
    expect(await fx.service.handlers.listForwardAttempts()).toEqual([]);
    // Well past the retry that was due (40 ms): none was sent.
    await new Promise((r) => setTimeout(r, BASE_MS * 10));
    expect(seen).toHaveLength(1);
    expect(fx.echo.received).toHaveLength(1);
    expect((await fx.service.handlers.listReplays(record.id)).map((s) => s.source)).toEqual(['forward']);
  });

  it('does nothing when off', async () => {
    await fx.capture('{}', { 'Content-Type': 'application/json' });
    await fx.service.close();
    fx.service = await fx.makeService();
    expect(fx.echo.received).toHaveLength(0);
    expect(await fx.service.handlers.listForwardAttempts()).toEqual([]);
  });
});
