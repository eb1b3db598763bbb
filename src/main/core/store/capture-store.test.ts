import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyBuffer } from '../body-buffer';
import type { JournalStore } from './capture-store';
import { makeRecord } from './test-support/records';
import { useTempStore } from './test-support/temp-store';

const temp = useTempStore('hooklens-store-');
const { openStore, reopen } = temp;

describe('capture store', () => {
  it('round-trips utf8 and binary bodies byte for byte, small and spilled to blob files', async () => {
    const store = await openStore();
    const bodies = [
      Buffer.from('{"emoji":"😀","nl":"a\\nb","raw":"\u2028"}\n', 'utf8'),
      randomBytes(300), // not valid UTF-8: stored as base64
      Buffer.alloc(0),
      Buffer.from('x'.repeat(200_000), 'utf8'),
      randomBytes(150_000),
    ];
    const records = bodies.map((b) => makeRecord(b));
    expect(records[1].body.encoding).toBe('base64');
    expect(records[4].body.encoding).toBe('base64');
    await Promise.all(records.map((r) => store.add(r)));
    expect((await readdir(path.join(temp.dir, 'captures', 'blobs'))).length).toBe(2);

    const check = async (s: JournalStore): Promise<void> => {
      for (const [i, r] of records.entries()) {
        const got = await s.get(r.id);
        expect(got).toEqual(r);
        expect(bodyBuffer(got!.body).equals(bodies[i])).toBe(true);
      }
    };
    await check(store);
    // After a clean close (index saved) and after a crash-like reopen (journal replayed).
    const again = await reopen(store);
    await check(again);
    const third = await openStore();
    await check(third);
  });

  it('keeps captures across restarts, newest first, with summaries in memory', async () => {
    let store = await openStore();
    const records = Array.from({ length: 25 }, (_, i) => makeRecord(`{"i":${i}}`));
    for (const r of records) await store.add(r);
    const expected = records.map((r) => r.id).reverse();
    expect(store.list().map((s) => s.id)).toEqual(expected);
    expect(store.list()[0]).toMatchObject({
      method: 'POST',
      contentType: 'application/json',
      size: records[24].body.size,
      status: 200,
    });
    store = await reopen(store);
    expect(store.count()).toBe(25);
    expect(store.list().map((s) => s.id)).toEqual(expected);
    expect(store.has(records[3].id)).toBe(true);
    expect(await store.get('nope')).toBeUndefined();
  });

  it('groups concurrent adds into few batches, each durable before it resolves', async () => {
    const store = await openStore();
    const batches: number[] = [];
    store.onBatch = (s) => batches.push(s.items);
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.add(makeRecord(`{"i":${i}}`))));
    expect(batches.reduce((a, b) => a + b, 0)).toBe(200);
    expect(batches.length).toBeLessThan(20);
    const journal = await readFile(path.join(temp.dir, 'captures', 'journal-000001.jsonl'), 'utf8');
    expect(journal.trimEnd().split('\n')).toHaveLength(200);
  });

  it('delete, clear and pin survive a restart', async () => {
    let store = await openStore();
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((x) => makeRecord(`"${x}"`));
    for (const r of [a, b, c]) await store.add(r);
    await store.delete([b.id]);
    expect(await store.setPinned(c.id, true)).toMatchObject({ id: c.id, pinned: true });
    expect(await store.setPinned('unknown', true)).toBeUndefined();
    store = await reopen(store);
    expect(store.list().map((s) => s.id)).toEqual([c.id, a.id]);
    expect(store.list()[0].pinned).toBe(true);
    expect((await store.get(c.id))?.pinned).toBe(true);
    await store.setPinned(c.id, false);
    store = await openStore(); // without closing: journal replay
    expect(store.list()[0].pinned).toBeUndefined();
    expect((await store.get(c.id))?.pinned).toBeUndefined();
    await store.clear();
    await store.add(d);
    store = await openStore();
    expect(store.list().map((s) => s.id)).toEqual([d.id]);
  });

  it('evicts the oldest unpinned captures beyond the cap, keeps pinned ones and collects their blobs', async () => {
    const evicted: string[] = [];
    let store = await openStore({ maxCaptures: 5, onEvicted: (ids) => evicted.push(...ids) });
    const big = makeRecord(randomBytes(100_000));
    const records = [big, ...Array.from({ length: 9 }, (_, i) => makeRecord(`{"i":${i}}`))];
    await store.add(records[0]);
    await store.add(records[1]);
    await store.setPinned(records[1].id, true);
    for (const r of records.slice(2)) await store.add(r);
    await store.add(makeRecord('"last"'));
    expect(store.count()).toBe(5);
    expect(store.has(records[1].id)).toBe(true);
    expect(evicted).toContain(big.id);
    expect(evicted).not.toContain(records[1].id);
    expect(new Set(evicted).size).toBe(6);
    const survivors = store.list().map((s) => s.id);
    store = await reopen(store, { maxCaptures: 5 });
    expect(store.list().map((s) => s.id)).toEqual(survivors);
    expect(await readdir(path.join(temp.dir, 'captures', 'blobs'))).toEqual([]);
    // A lower cap applies at open.
    store = await reopen(store, { maxCaptures: 2 });
    expect(store.count()).toBe(2);
    expect(store.has(records[1].id)).toBe(true);
  });

  it('seals segments, drops dead ones and compacts mostly-dead ones without losing a capture', async () => {
    const tuning = { rollOps: 20, rollBytes: 1 << 30, maxBatch: 8 };
    let store = await openStore({ maxCaptures: 30, tuning });
    const pinned = makeRecord('"keep me"');
    await store.add(pinned);
    await store.setPinned(pinned.id, true);
    const all = [pinned];
    for (let i = 0; i < 150; i += 1) {
      const r = makeRecord(`{"i":${i}}`);
      all.push(r);
      await store.add(r);
    }
    const segments = (await readdir(path.join(temp.dir, 'captures'))).filter((n) => n.endsWith('.jsonl'));
    expect(segments.length).toBeLessThan(6);
    expect(store.count()).toBe(30);
    const live = store.list().map((s) => s.id);
    for (const id of live) expect((await store.get(id))?.id).toBe(id);
    store = await reopen(store, { maxCaptures: 30, tuning });
    expect(store.list().map((s) => s.id)).toEqual(live);
    expect(await store.get(pinned.id)).toEqual({ ...pinned, pinned: true });
  });

  it('at the cap, leaves to retention the captures it is about to evict instead of re-writing them', async () => {
    const tuning = { rollOps: 20, rollBytes: 1 << 30, maxBatch: 8 };
    const store = await openStore({ maxCaptures: 20, tuning });
    let items = 0;
    store.onBatch = (b) => (items += b.items);
    const adds = 200;
    for (let i = 0; i < adds; i += 1) await store.add(makeRecord(`{"i":${i}}`));
    await store.snapshot();
    // Every batch item is an add here unless compaction queued moves: none were worth making.
    expect(items).toBe(adds);
    const segments = (await readdir(path.join(temp.dir, 'captures'))).filter((n) => n.endsWith('.jsonl'));
    expect(segments.length).toBeLessThan(6);
    expect(store.count()).toBe(20);
    for (const s of store.list()) expect((await store.get(s.id))?.id).toBe(s.id);
  });

  it('rejects what is not a capture record and everything after close', async () => {
    const store = await openStore();
    await expect(store.add({ id: 'x' } as never)).rejects.toMatchObject({ code: 'invalid_argument' });
    await store.close();
    await expect(store.add(makeRecord('"late"'))).rejects.toMatchObject({ code: 'store_failed' });
  });
});
