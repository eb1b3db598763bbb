/*
 * The captures service: list, read, delete, clear and pin stored captures, and announce each new
 * one (`capture:added`, the summary the list shows) as it is stored.
 */
import type { CapturesMethods } from '../../../shared/api/captures';
import { summarize } from '../../../shared/capture';
import { HooklensError } from '../../../shared/errors';
import type { CoreEvents } from '../events';
import type { CoreService } from '../service';
import type { CaptureStore } from '../store/types';
import { facetsOf } from './capture-facets';
import { pageOf, windowBounds } from './capture-window';

/** Above the retention cap's maximum, so "delete the N shown" always fits in one call. */
const MAX_DELETE_IDS = 1_000_000;

export type CapturesService = CoreService<CapturesMethods>;

export function createCapturesService(deps: { store: CaptureStore; events: CoreEvents }): CapturesService {
  return {
    handlers: capturesHandlers(deps),
    onCapture: (record) => deps.events.emit('capture:added', summarize(record)),
    close: async () => undefined,
  };
}

function capturesHandlers(deps: { store: CaptureStore; events: CoreEvents }): CapturesMethods {
  const { store, events } = deps;
  const requireId = (id: unknown): string => {
    if (typeof id !== 'string' || id === '') throw new HooklensError('invalid_argument', 'A capture id is required.');
    return id;
  };
  return {
    async listCaptures(window) {
      const bounds = windowBounds(window);
      const endpointId = window?.endpointId;
      if (endpointId !== undefined && typeof endpointId !== 'string') {
        throw new HooklensError('invalid_argument', 'endpointId must be a string.');
      }
      return pageOf(store.newest(), endpointId ? (c) => c.endpointId === endpointId : null, bounds);
    },
    async captureFacets(scope) {
      const endpointId = scope?.endpointId;
      if (endpointId !== undefined && typeof endpointId !== 'string') {
        throw new HooklensError('invalid_argument', 'endpointId must be a string.');
      }
      return facetsOf(store.newest(), endpointId || undefined);
    },
    async getCapture(id) {
      const record = await store.get(requireId(id));
      if (!record) throw new HooklensError('not_found', `No capture with id ${id}.`);
      return record;
    },
    async deleteCapture(id) {
      requireId(id);
      if (!store.has(id)) throw new HooklensError('not_found', `No capture with id ${id}.`);
      await store.delete([id]);
      events.emit('capture:removed', { ids: [id] });
    },
    async deleteCaptures(ids) {
      if (!Array.isArray(ids) || ids.length > MAX_DELETE_IDS || !ids.every((id) => typeof id === 'string'))
        throw new HooklensError('invalid_argument', `Expected a list of at most ${MAX_DELETE_IDS} capture ids.`);
      const known = [...new Set(ids)].filter((id) => store.has(id));
      if (known.length === 0) return { deleted: 0 };
      await store.delete(known);
      events.emit('capture:removed', { ids: known });
      return { deleted: known.length };
    },
    async clearCaptures() {
      await store.clear();
      events.emit('capture:cleared', {});
    },
    async setPinned(id, pinned) {
      const summary = await store.setPinned(requireId(id), pinned === true);
      if (!summary) throw new HooklensError('not_found', `No capture with id ${id}.`);
      events.emit('capture:updated', summary);
    },
  };
}
