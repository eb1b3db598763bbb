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
});
