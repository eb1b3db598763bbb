import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HooklensEvents } from '../../../shared/api';
import { DEFAULT_ENDPOINT_ID } from '../../../shared/capture';
import { startCaptureListener, type CaptureListener } from '../capture/listener';
import { createCoreEvents, type CoreEvents } from '../events';
import { createSearchService, type SearchService } from '../search/search-service';
import { createAppSettingsService, type AppSettingsService } from '../settings/app-settings-service';
import { openSettingsStore } from '../settings/settings-store';
import { openCaptureStore } from '../store';
import type { CaptureStore } from '../store/types';
import { ENDPOINTS_FILE } from './endpoint-file';
import { createEndpointsService, type EndpointsService } from './endpoints-service';

describe('endpoints service', () => {
  let dir: string;
  let store: CaptureStore;
  let events: CoreEvents;
  let service: EndpointsService;
  let search: SearchService;
  let appSettings: AppSettingsService;
  let listener: CaptureListener;
  let base: string;
  let removed: HooklensEvents['capture:removed'][];

  async function start(): Promise<void> {
    store = await openCaptureStore({ dataDir: dir });
    const settings = await openSettingsStore(dir);
    service = await createEndpointsService({ dataDir: dir, store, events });
    search = createSearchService({ store, events });
    appSettings = createAppSettingsService({
      settings,
      dataDir: dir,
      events,
      capture: () => ({ port: listener.port, host: '127.0.0.1' }),
    });
    listener = await startCaptureListener({
      store,
      port: 0,
      tunnelPort: null,
      route: service.route,
      onCaptured: (r) => search.onCapture?.(r),
    });
    base = `http://127.0.0.1:${listener.port}`;
  }

  async function stop(): Promise<void> {
    await listener.close();
    await search.close();
    await service.close();
    await store.close();
  }

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-endpoints-'));
    events = createCoreEvents();
    removed = [];
    events.on('capture:removed', (p) => removed.push(p));
    await start();
  });

  afterEach(async () => {
    await stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the default endpoint and creates named ones with slugs from their names', async () => {
    const ep = await service.handlers.createEndpoint({ name: 'Stripe Dev' });
    expect(ep.slug).toBe('stripe-dev');
    const list = await service.handlers.listEndpoints();
    expect(list.map((e) => e.id)).toEqual([DEFAULT_ENDPOINT_ID, ep.id]);
    await expect(service.handlers.createEndpoint({ name: 'Other', slug: 'stripe-dev' })).rejects.toThrow(
      /already used/,
    );
    await expect(service.handlers.createEndpoint({ name: '  ' })).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('files captures under the endpoint their path names, and others under the default', async () => {
    const ep = await service.handlers.createEndpoint({ name: 'github-app' });
    await fetch(`${base}/e/github-app/push`, { method: 'POST', body: 'a' });
    await fetch(`${base}/e/github%2Dapp/push`, { method: 'POST', body: 'b' });
    await fetch(`${base}/e/unknown/push`, { method: 'POST', body: 'c' });
    const byEndpoint = store.list().map((c) => c.endpointId);
    expect(byEndpoint.sort()).toEqual([DEFAULT_ENDPOINT_ID, ep.id, ep.id].sort());
  });

  it('answers with the custom response, records its status, and keeps the default answer elsewhere', async () => {
    const ep = await service.handlers.createEndpoint({ name: 'custom' });
    await service.handlers.updateEndpoint(ep.id, {
      response: {
        status: 202,
        headers: [
          ['X-Custom', 'yes'],
          ['Content-Length', '999'],
        ],
        body: 'got {{id}}',
        delayMs: 0,
      },
    });
    const res = await fetch(`${base}/e/custom/x`, { method: 'POST', body: '{}' });
    const text = await res.text();
    expect(res.status).toBe(202);
    expect(res.headers.get('x-custom')).toBe('yes');
    const id = store.list()[0].id;
    expect(text).toBe(`got ${id}`);
    expect((await store.get(id))?.response.status).toBe(202);

    const plain = await fetch(`${base}/other`, { method: 'POST', body: '{}' });
    expect(plain.status).toBe(200);
    expect(await plain.json()).toMatchObject({ ok: true });
  });

  it('waits the configured delay before answering', async () => {
    const ep = await service.handlers.createEndpoint({ name: 'slow' });
    await service.handlers.updateEndpoint(ep.id, {
      response: { status: 200, headers: [], body: 'late', delayMs: 300 },
    });
    const started = performance.now();
    const res = await fetch(`${base}/e/slow`, { method: 'POST', body: 'x' });
    expect(await res.text()).toBe('late');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    // The capture was durable before the delayed answer went out.
    expect(store.count()).toBe(1);
    // The record says what the sender waited for, apart from the store's own time.
    const record = await store.get(store.list()[0].id);
    expect(record?.response).toMatchObject({ status: 200, delayMs: 300 });
    expect(record?.response.ms).toBeLessThan(300);
  });

  it('marks the simulated failures of "fail the next N" in the record and the summary, also after a restart', async () => {
    const ep = await service.handlers.createEndpoint({ name: 'marked' });
    await service.handlers.updateEndpoint(ep.id, { failNext: 1 });
    await fetch(`${base}/e/marked/a`, { method: 'POST', body: 'a' });
    await fetch(`${base}/e/marked/b`, { method: 'POST', body: 'b' });
    const [normal, failed] = store.list();
    expect([failed.status, failed.simulated, normal.status, normal.simulated]).toEqual([500, true, 200, undefined]);
    expect((await store.get(failed.id))?.response.simulated).toBe(true);
    expect((await store.get(normal.id))?.response).not.toHaveProperty('simulated');
    await stop();
    await start();
    expect(store.list().map((c) => c.simulated)).toEqual([undefined, true]);
  });

  it('answers 500 for the next N captures, then the normal response, and saves the countdown', async () => {
    const ep = await service.handlers.createEndpoint({ name: 'flaky' });
    await service.handlers.updateEndpoint(ep.id, { failNext: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await fetch(`${base}/e/flaky/hook`, { method: 'POST', body: String(i) })).status);
    expect(statuses).toEqual([500, 500, 200]);
    const recorded = store.list().map((c) => c.status);
    expect(recorded).toEqual([200, 500, 500]);
    // The countdown is saved after each answer, not before it: wait for the last save.
    const savedFailNext = async (): Promise<number> =>
      JSON.parse(await readFile(path.join(dir, ENDPOINTS_FILE), 'utf8')).endpoints.find(
        (e: { id: string }) => e.id === ep.id,
      ).failNext;
    await expect.poll(savedFailNext).toBe(0);
  });

  it('rejects responses that would break the listener', async () => {
    const ep = await service.handlers.createEndpoint({ name: 'bad' });
    const patch = (response: unknown) => service.handlers.updateEndpoint(ep.id, { response: response as never });
    await expect(patch({ status: 99, headers: [], body: '', delayMs: 0 })).rejects.toMatchObject({
      field: 'response.status',
    });
    await expect(patch({ status: 200, headers: [['X', 'a\r\nB: c']], body: '', delayMs: 0 })).rejects.toMatchObject({
      field: 'response.headers',
    });
    await expect(patch({ status: 200, headers: [['Bad Name', 'x']], body: '', delayMs: 0 })).rejects.toMatchObject({
      field: 'response.headers',
    });
    await expect(patch({ status: 200, headers: [], body: '', delayMs: -1 })).rejects.toMatchObject({
      field: 'response.delayMs',
    });
    await expect(service.handlers.updateEndpoint(ep.id, { failNext: 1.5 })).rejects.toMatchObject({
      field: 'failNext',
    });
  });

  it('renames, deletes with its captures, and keeps everything across a restart', async () => {
    const keep = await service.handlers.createEndpoint({ name: 'keep' });
    const gone = await service.handlers.createEndpoint({ name: 'gone' });
    await service.handlers.updateEndpoint(keep.id, { name: 'Kept', failNext: 1 });
    await fetch(`${base}/e/gone/1`, { method: 'POST', body: '1' });
    await fetch(`${base}/e/gone/2`, { method: 'POST', body: '2' });
    await fetch(`${base}/stay`, { method: 'POST', body: '3' });
    const goneIds = store
      .list()
      .filter((c) => c.endpointId === gone.id)
      .map((c) => c.id);

    expect(await service.handlers.deleteEndpoint(gone.id)).toEqual({ removedCaptures: 2 });
    expect(removed).toEqual([{ ids: goneIds }]);
    expect(store.list().map((c) => c.url)).toEqual(['/stay']);
    await expect(service.handlers.deleteEndpoint(DEFAULT_ENDPOINT_ID)).rejects.toMatchObject({
      code: 'invalid_argument',
    });

    await stop();
    await start();
    const list = await service.handlers.listEndpoints();
    expect(list.map((e) => [e.name, e.slug, e.failNext])).toEqual([
      ['Default', '', 0],
      ['Kept', 'keep', 1],
    ]);
    // The slug of a deleted endpoint now goes to the default endpoint.
    await fetch(`${base}/e/gone/3`, { method: 'POST', body: '4' });
    expect(store.list()[0].endpointId).toBe(DEFAULT_ENDPOINT_ID);
  });

  it('sets a broken endpoints file aside and starts with the default endpoint', async () => {
    await stop();
    await writeFile(path.join(dir, ENDPOINTS_FILE), '{ not json');
    await start();
    expect(service.setAsidePath).toMatch(/endpoints\.json\.corrupt-/);
    expect((await service.handlers.listEndpoints()).map((e) => e.id)).toEqual([DEFAULT_ENDPOINT_ID]);
  });

  it('searches captures by words in method, path, headers and body', async () => {
    await fetch(`${base}/orders`, { method: 'POST', headers: { 'X-Trace': 'Needle-7' }, body: '{"a":1}' });
    await fetch(`${base}/invoices`, { method: 'PUT', body: '{"status":"Paid in FULL"}' });
    await fetch(`${base}/e/nowhere/refunds?note=caf%C3%A9`, { method: 'DELETE', body: '' });
    const find = async (text: string) =>
      (await search.handlers.searchCaptures({ text })).ids.map((id) => store.list().find((c) => c.id === id)!.url);
    expect(await find('needle-7')).toEqual(['/orders']);
    expect(await find('paid full')).toEqual(['/invoices']);
    expect(await find('café')).toEqual(['/e/nowhere/refunds?note=caf%C3%A9']);
    expect(await find('delete')).toEqual(['/e/nowhere/refunds?note=caf%C3%A9']);
    expect(await find('paid needle')).toEqual([]);
    expect((await search.handlers.searchCaptures({ method: 'put' })).ids).toHaveLength(1);

    // Captures that arrive after the index was built are found too, and deleted ones are not.
    await fetch(`${base}/late`, { method: 'POST', body: 'needle-7 again' });
    await expect.poll(() => find('needle-7')).toEqual(['/late', '/orders']);
    const lateId = store.list()[0].id;
    await store.delete([lateId]);
    events.emit('capture:removed', { ids: [lateId] });
    expect(await find('needle-7')).toEqual(['/orders']);
  });

  it('validates the capture port: out of range and in use are field errors', async () => {
    const s = appSettings.handlers;
    await expect(s.updateAppSettings({ capturePort: 70000 })).rejects.toMatchObject({
      code: 'invalid_argument',
      field: 'capturePort',
      message: 'Use a port number from 1 to 65535.',
    });
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const busy = (blocker.address() as net.AddressInfo).port;
    try {
      await expect(s.updateAppSettings({ capturePort: busy })).rejects.toMatchObject({
        field: 'capturePort',
        message: expect.stringMatching(/^Port \d+ is in use/),
      });
    } finally {
      await new Promise((r) => blocker.close(r));
    }
    // Our own port is not "in use" for this purpose.
    const changed: unknown[] = [];
    events.on('app-settings:changed', (v) => changed.push(v));
    const view = await s.updateAppSettings({ capturePort: listener.port, ui: { theme: 'dark', notifications: true } });
    expect(view).toMatchObject({
      capturePort: listener.port,
      ui: { theme: 'dark', notifications: true },
      dataDir: dir,
    });
    expect(changed).toEqual([view]);
    expect(await s.getAppSettings()).toEqual(view);
    await expect(s.updateAppSettings({ ui: { theme: 'pink' as never } })).rejects.toMatchObject({ field: 'ui.theme' });
    expect(changed).toHaveLength(1);
  });
});
