import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureRecord } from '../../../shared/capture';
import { createCoreEvents } from '../events';
import { openCaptureStore } from '../store';
import type { CaptureStore } from '../store/types';
import { makeRecord } from '../store/test-support/records';
import { createCapturesService } from './captures-service';

let dir: string;
let store: CaptureStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-facets-'));
  store = await openCaptureStore({ dataDir: dir, maxCaptures: 10_000 });
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function stored(endpointId: string): Promise<CaptureRecord> {
  const record = makeRecord('{"a":1}', { endpointId });
  await store.add(record);
  return record;
}

describe('capture facets', () => {
  it('counts event types and duplicates over every stored capture, not a page of them', async () => {
    const service = createCapturesService({ store, events: createCoreEvents() });
    const a1 = await stored('a');
    const a2 = await stored('a');
    const a3 = await stored('a');
    const b1 = await stored('b');
    const b2 = await stored('b');
    // Many more rows than a page, without health: they must not push the others out of the count.
    for (let i = 0; i < 250; i += 1) await stored('a');
    await store.setHealth([
      [a1.id, { verdict: 'valid', provider: 'stripe', eventType: 'invoice.paid', eventId: 'evt_1' }],
      [
        a2.id,
        { verdict: 'valid', provider: 'stripe', eventType: 'invoice.paid', eventId: 'evt_1', duplicateOf: a1.id },
      ],
      [
        a3.id,
        { verdict: 'valid', provider: 'stripe', eventType: 'invoice.paid', eventId: 'evt_1', duplicateOf: a1.id },
      ],
      [b1.id, { verdict: 'invalid', provider: 'github', eventType: 'push' }],
      [b2.id, { verdict: 'valid', provider: 'github', eventType: 'issues.opened' }],
    ]);
    const page = await service.handlers.listCaptures({ limit: 100 });
    expect(page.items.some((c) => c.id === a1.id)).toBe(false);

    expect(await service.handlers.captureFacets()).toEqual({
      eventTypes: [
        { eventType: 'invoice.paid', count: 3 },
        { eventType: 'issues.opened', count: 1 },
        { eventType: 'push', count: 1 },
      ],
      duplicates: 2,
      duplicateGroups: { [a1.id]: 3 },
    });
    expect(await service.handlers.captureFacets({ endpointId: 'b' })).toEqual({
      eventTypes: [
        { eventType: 'issues.opened', count: 1 },
        { eventType: 'push', count: 1 },
      ],
      duplicates: 0,
      duplicateGroups: { [a1.id]: 3 },
    });

    // A deleted copy is no longer counted.
    await service.handlers.deleteCapture(a3.id);
    const after = await service.handlers.captureFacets({ endpointId: 'a' });
    expect(after.duplicates).toBe(1);
    expect(after.duplicateGroups).toEqual({ [a1.id]: 2 });
    expect(after.eventTypes).toEqual([{ eventType: 'invoice.paid', count: 2 }]);
  });

  it('refuses a scope whose endpoint is not a string', async () => {
    const service = createCapturesService({ store, events: createCoreEvents() });
    await expect(service.handlers.captureFacets({ endpointId: 3 as never })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
  });
});
