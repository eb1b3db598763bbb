import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCoreEvents, type CoreEvents } from '../events';
import { openCaptureStore } from '../store';
import { makeRecord } from '../store/test-support/records';
import type { CaptureStore } from '../store/types';
import { createSearchIndex, type SearchIndex } from './search-index';

describe('search index', () => {
  let dir: string;
  let store: CaptureStore;
  let events: CoreEvents;
  let index: SearchIndex;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-search-'));
    store = await openCaptureStore({ dataDir: dir });
    events = createCoreEvents();
    index = createSearchIndex({ store, events });
  });

  afterEach(async () => {
    index.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function add(body: string, over: Parameters<typeof makeRecord>[1] = {}): Promise<string> {
    const record = makeRecord(body, over);
    await store.add(record);
    index.add(record);
    return record.id;
  }

  it('once built, still finds a capture stored without passing through add (read from disk on the next search)', async () => {
    const seen = await add('{"kind":"walrus"}');
    expect((await index.search({ text: 'walrus' })).ids).toEqual([seen]);
    const quiet = makeRecord('{"kind":"walrus"}');
    await store.add(quiet);
    expect((await index.search({ text: 'walrus' })).ids).toEqual([quiet.id, seen]);
  });

  it('filters by the provider detected from the signature headers', async () => {
    const stripe = await add('{}', { headers: [['Stripe-Signature', 't=1,v1=ab']] });
    const github = await add('{}', { headers: [['X-Hub-Signature-256', 'sha256=ab']] });
    await add('{}', { headers: [['Content-Type', 'text/plain']] });
    expect((await index.search({ provider: 'stripe' })).ids).toEqual([stripe]);
    expect((await index.search({ provider: 'github' })).ids).toEqual([github]);
  });

  it('returns matches newest first and forgets everything on clear', async () => {
    const a = await add('order shipped');
    const b = await add('order paid');
    expect((await index.search({ text: 'ORDER' })).ids).toEqual([b, a]);
    await store.clear();
    events.emit('capture:cleared', {});
    expect((await index.search({ text: 'order' })).ids).toEqual([]);
    const c = await add('order again');
    expect((await index.search({ text: 'order' })).ids).toEqual([c]);
  });

  it('indexes captures that were stored before it existed, on first search', async () => {
    const record = makeRecord('kept from before', { method: 'PATCH' });
    await store.add(record);
    expect((await index.search({ text: 'before', method: 'patch' })).ids).toEqual([record.id]);
  });

  it('keeps matches newest first, paged and counted, after deletes and pins', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i += 1) ids.push(await add(`order ${i}`));
    // Builds the index before the changes, so they go through its own updates.
    expect((await index.search({ text: 'order' })).total).toBe(8);
    await store.delete([ids[6], ids[2]]);
    events.emit('capture:removed', { ids: [ids[6], ids[2]] });
    await store.setPinned(ids[3], true);
    const newest = [ids[7], ids[5], ids[4], ids[3], ids[1], ids[0]];
    expect((await index.search({ text: 'order' })).ids).toEqual(newest);
    const page = await index.search({ text: 'order' }, { offset: 2, limit: 3, health: null });
    expect(page.ids).toEqual(newest.slice(2, 5));
    expect(page.total).toBe(6);
    const later = await add('order 8');
    expect((await index.search({ text: 'order' })).ids).toEqual([later, ...newest]);
  });

  it('finds every match in the store order when new captures reach it out of order', async () => {
    const a = makeRecord('parcel a');
    const b = makeRecord('parcel b');
    const c = makeRecord('parcel c');
    await add('parcel first');
    await index.search({ text: 'parcel' });
    for (const r of [a, b, c]) await store.add(r);
    [c, a, b].forEach((r) => index.add(r));
    const expected = [c.id, b.id, a.id];
    expect((await index.search({ text: 'parcel' }, { offset: 0, limit: 3, health: null })).ids).toEqual(expected);
    // And again once the list was put back in order.
    expect((await index.search({ text: 'parcel' }, { offset: 0, limit: 3, health: null })).ids).toEqual(expected);
  });

  it('combines the health filters with the text, newest first', async () => {
    const ok = await add('refund one');
    const bad = await add('refund two');
    await add('charge three');
    const bad2 = await add('refund four');
    await store.setHealth([
      [ok, { verdict: 'valid' }],
      [bad, { verdict: 'invalid' }],
      [bad2, { verdict: 'invalid' }],
    ]);
    const found = await index.search({ text: 'refund' }, { offset: 0, limit: 10, health: { verdict: 'invalid' } });
    expect(found.ids).toEqual([bad2, bad]);
    expect(found.total).toBe(2);
  });
});

describe('search index at the retention cap and across restarts', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-search-cap-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('forgets evicted captures and keeps the survivors newest first, pinned ones included', async () => {
    const events = createCoreEvents();
    const store = await openCaptureStore({
      dataDir: dir,
      maxCaptures: 4,
      onEvicted: (ids) => events.emit('capture:removed', { ids }),
    });
    const index = createSearchIndex({ store, events });
    try {
      const ids: string[] = [];
      const add = async (body: string): Promise<void> => {
        const record = makeRecord(body);
        await store.add(record);
        index.add(record);
        ids.push(record.id);
      };
      await add('ticket 0');
      await store.setPinned(ids[0], true);
      await add('ticket 1');
      expect((await index.search({ text: 'ticket' })).ids).toEqual([ids[1], ids[0]]);
      for (let i = 2; i < 9; i += 1) await add(`ticket ${i}`);
      // The pinned one stays; the oldest unpinned ones went.
      const result = await index.search({ text: 'ticket' });
      expect(result.ids).toEqual([ids[8], ids[7], ids[6], ids[0]]);
      expect(result.total).toBe(4);
      expect((await index.search({ text: 'ticket 3' })).ids).toEqual([]);
    } finally {
      index.close();
      await store.close();
    }
  });

  it('after a restart, rebuilds from disk in the store order', async () => {
    const first = await openCaptureStore({ dataDir: dir });
    const ids: string[] = [];
    for (let i = 0; i < 150; i += 1) {
      const record = makeRecord(`invoice ${i}${i % 7 === 0 ? ' overdue' : ''}`);
      await first.add(record);
      ids.push(record.id);
    }
    await first.delete([ids[147]]);
    await first.close();
    const store = await openCaptureStore({ dataDir: dir });
    const events = createCoreEvents();
    const index = createSearchIndex({ store, events });
    try {
      const overdue = ids.filter((_, i) => i % 7 === 0 && i !== 147).reverse();
      expect((await index.search({ text: 'overdue' })).ids).toEqual(overdue);
      const page = await index.search({ text: 'invoice' }, { offset: 10, limit: 5, health: null });
      expect(page.total).toBe(149);
      expect(page.ids).toEqual(
        ids
          .filter((_, i) => i !== 147)
          .reverse()
          .slice(10, 15),
      );
    } finally {
      index.close();
      await store.close();
    }
  });

  it('builds from disk without holding more than its byte budget of bodies at once', async () => {
    const store = await openCaptureStore({ dataDir: dir });
    const big = 'x'.repeat(600 * 1024);
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const record = makeRecord(`crate ${i} ${big}`);
      await store.add(record);
      ids.push(record.id);
    }
    for (let i = 0; i < 6; i += 1) await store.add(makeRecord(`small ${i}`));
    let inFlight = 0;
    let most = 0;
    // The real store, with its reads counted.
    const counted: CaptureStore = Object.create(store, {
      get: {
        value: async (id: string) => {
          const size = store.list().find((c) => c.id === id)?.size ?? 0;
          inFlight += size;
          most = Math.max(most, inFlight);
          try {
            return await store.get(id);
          } finally {
            inFlight -= size;
          }
        },
      },
    }) as CaptureStore;
    const index = createSearchIndex({ store: counted, events: createCoreEvents(), readBatchBytes: 1024 * 1024 });
    try {
      expect((await index.search({ text: 'crate' })).ids).toEqual([...ids].reverse());
      expect(most).toBeGreaterThan(600 * 1024);
      expect(most).toBeLessThanOrEqual(1024 * 1024 + 64 * 1024);
    } finally {
      index.close();
      await store.close();
    }
  });
});
