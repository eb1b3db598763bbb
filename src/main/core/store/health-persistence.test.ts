/*
 * Capture health in the store: written with the record, replaced by a journal operation, carried
 * through snapshots and compaction, and absent (not an error) in files written before it existed.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaptureHealth } from '../../../shared/health';
import { makeRecord } from './test-support/records';
import { useTempStore } from './test-support/temp-store';

const temp = useTempStore('hooklens-store-health-');
const { openStore } = temp;

const VALID: CaptureHealth = { provider: 'stripe', verdict: 'valid', eventType: 'invoice.paid', eventId: 'evt_1' };

describe('capture health in the store', () => {
  it('keeps health from the record, replaces it with setHealth, through the journal and a snapshot', async () => {
    let store = await openStore();
    const a = makeRecord('{"a":1}', { health: VALID });
    const b = makeRecord('{"b":1}');
    await store.add(a);
    await store.add(b);
    expect(store.list().find((s) => s.id === a.id)?.health).toEqual(VALID);
    expect(store.list().find((s) => s.id === b.id)?.health).toBeUndefined();

    const invalid: CaptureHealth = { ...VALID, verdict: 'invalid', reason: 'v1 signature does not match' };
    const written = await store.setHealth([
      [a.id, invalid],
      [b.id, { verdict: 'unsigned' }],
      ['missing', VALID],
    ]);
    expect(written.map((s) => s.id)).toEqual([a.id, b.id]);
    expect((await store.get(a.id))?.health).toEqual(invalid);

    // Journal replay (no snapshot yet covers the change)…
    await store.close();
    store = await openStore();
    expect(store.list().find((s) => s.id === a.id)?.health).toEqual(invalid);
    // …and the snapshot file.
    await store.snapshot();
    await store.close();
    store = await openStore();
    expect(store.list().find((s) => s.id === a.id)?.health).toEqual(invalid);
    expect(store.list().find((s) => s.id === b.id)?.health).toEqual({ verdict: 'unsigned' });
    await store.setHealth([[a.id, null]]);
    expect(store.list().find((s) => s.id === a.id)?.health).toBeUndefined();
  });

  it('carries the current health when compaction moves a capture', async () => {
    const tuning = { rollOps: 10, rollBytes: 1 << 30, maxBatch: 4 };
    let store = await openStore({ tuning });
    const keep = makeRecord('{"keep":1}', { health: VALID, pinned: true });
    await store.add(keep);
    await store.setHealth([[keep.id, { ...VALID, verdict: 'no-secret' }]]);
    // Churn enough to seal and compact the first segment several times.
    for (let i = 0; i < 60; i += 1) {
      const r = makeRecord(`{"n":${i}}`);
      await store.add(r);
      await store.delete([r.id]);
    }
    await store.snapshot();
    const segments = (await readdir(path.join(temp.dir, 'captures'))).filter((f) => f.startsWith('journal-'));
    expect(segments).not.toContain('journal-000001.jsonl');
    await store.close();
    store = await openStore({ tuning });
    expect(store.list().map((s) => s.health?.verdict)).toEqual(['no-secret']);
    expect((await store.get(keep.id))?.health?.verdict).toBe('no-secret');
  });

  it('reads a captures.json written before the health column, and ignores damaged health values', async () => {
    let store = await openStore();
    const a = makeRecord('{"a":1}', { health: VALID });
    await store.add(a);
    await store.snapshot();
    await store.close();
    const file = path.join(temp.dir, 'captures.json');
    const doc = JSON.parse(await readFile(file, 'utf8')) as { columns: string[]; captures: unknown[][] };
    // health is the 16th column (later versions add more after it, e.g. simulated).
    expect(doc.columns[15]).toBe('health');
    // The file as earlier versions wrote it: 15 columns (no health), and 14 (no damaged either).
    for (const columns of [15, 14]) {
      const old = {
        ...doc,
        columns: doc.columns.slice(0, columns),
        captures: doc.captures.map((row) => row.slice(0, columns)),
      };
      await writeFile(file, JSON.stringify(old));
      store = await openStore();
      expect(store.notices).toEqual([]);
      expect(store.list()).toHaveLength(1);
      expect(store.list()[0].health).toBeUndefined();
      await store.close();
    }

    const damaged = JSON.parse(await readFile(file, 'utf8')) as { captures: unknown[][] };
    damaged.captures[0][15] = { verdict: 'maybe', provider: 5 };
    await writeFile(file, JSON.stringify(damaged));
    store = await openStore();
    expect(store.notices).toEqual([]);
    expect(store.list()[0].health).toBeUndefined();
  });
});
