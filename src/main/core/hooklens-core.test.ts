import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempCore } from './test-support/temp-core';

describe('hooklens core', () => {
  const tempCore = useTempCore('hooklens-core-');
  const { open } = tempCore;

  it('captures over real HTTP and serves the capture through the API, with an event', async () => {
    const c = await open();
    const added: string[] = [];
    c.events.on('capture:added', (s) => added.push(s.url));
    const res = await fetch(new URL('/core-check?x=1', c.status().captureUrl), { method: 'POST', body: 'hello' });
    const { id } = (await res.json()) as { id: string };
    expect(added).toEqual(['/core-check?x=1']);
    const record = await c.api.getCapture(id);
    expect(record.body).toEqual({ size: 5, encoding: 'utf8', text: 'hello' });
    expect((await c.api.listCaptures()).items.map((s) => s.id)).toEqual([id]);
    await expect(c.api.getCapture('missing')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('starts with a notice when the captures file is foreign, and the old file is kept', async () => {
    await writeFile(path.join(tempCore.dir, 'captures.json'), '[1, 2, 3]');
    const c = await open();
    const notices = c.status().storeNotices;
    expect(notices.length).toBeGreaterThan(0);
    const movedTo = notices.find((n) => n.movedTo)?.movedTo;
    expect(movedTo).toBeDefined();
    expect(await readdir(tempCore.dir)).toContain(path.basename(movedTo!));
    await c.api.dismissStoreNotice(0);
    expect(c.status().storeNotices.length).toBe(notices.length - 1);
  });

  it('tells the user about every data file it had to set aside, each with where it went', async () => {
    const files = ['settings.json', 'endpoints.json', 'replay-history.json', 'secrets.json'];
    for (const name of files) await writeFile(path.join(tempCore.dir, name), `{"damaged ${name}`);
    const c = await open();
    const notices = c.status().storeNotices;
    for (const name of files) {
      const notice = notices.find((n) => n.movedTo && path.basename(n.movedTo).startsWith(`${name}.`));
      expect(notice, name).toBeDefined();
      expect(notice!.message, name).toContain(name);
      expect(await readFile(notice!.movedTo!, 'utf8'), name).toBe(`{"damaged ${name}`);
    }
  });

  it('shows a write failure that happens while running, through the status and a status:changed event', async () => {
    const c = await open();
    const changed: number[] = [];
    c.events.on('status:changed', (s) => changed.push(s.storeNotices.length));
    expect(c.status().storeNotices).toEqual([]);
    // A directory where the journal segment must be created: the first write fails, as on a read-only disk.
    await mkdir(path.join(tempCore.dir, 'captures', 'journal-000001.jsonl'));
    // Not through the capture listener: a failure of any store write is shown.
    await expect(c.api.clearCaptures()).rejects.toMatchObject({ code: 'store_failed' });
    const notices = (await c.api.getStatus()).storeNotices;
    expect(notices).toEqual([
      expect.objectContaining({ kind: 'write-failed', message: expect.stringMatching(/journal/) }),
    ]);
    expect(changed).toEqual([1]);
    // The same failure on a capture is answered 503 and adds no second copy of the notice.
    const res = await fetch(new URL('/will-fail', c.status().captureUrl), { method: 'POST', body: 'x' });
    expect(res.status).toBe(503);
    expect(c.status().storeNotices).toHaveLength(1);
  });

  it("forgets an endpoint's signing secrets when the endpoint is deleted", async () => {
    const c = await open();
    const endpoint = await c.api.createEndpoint({ name: 'stripe-dev' });
    await c.api.setSignatureSecret(endpoint.id, 'stripe', 'whsec_abcdefghijklmnop');
    await c.api.setSignatureSecret('default', 'github', 'gh-secret-value');
    expect((await c.api.getSignatureSecretStatus()).map((s) => s.endpointId).sort()).toEqual(
      ['default', endpoint.id].sort(),
    );

    await c.api.deleteEndpoint(endpoint.id);
    await expect
      .poll(async () => (await c.api.getSignatureSecretStatus()).map((s) => s.endpointId))
      .toEqual(['default']);
    await tempCore.close();
    const reopened = await open();
    expect((await reopened.api.getSignatureSecretStatus()).map((s) => s.endpointId)).toEqual(['default']);
  });
});
