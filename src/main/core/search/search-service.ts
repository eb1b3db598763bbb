/*
 * The search service: `searchCaptures` over the in-memory index. The index is built in the
 * background soon after start, so the first search does not pay for reading every body.
 */
import type { SearchMethods } from '../../../shared/api/search';
import { HooklensError } from '../../../shared/errors';
import type { CoreEvents } from '../events';
import type { CoreService } from '../service';
import type { CaptureStore } from '../store/types';
import { windowBounds } from '../capture/capture-window';
import { createSearchIndex } from './search-index';

export type SearchService = CoreService<SearchMethods>;

const WARM_DELAY_MS = 3_000;

export function createSearchService(deps: { store: CaptureStore; events: CoreEvents }): SearchService {
  const index = createSearchIndex(deps);
  const warmTimer = setTimeout(() => void index.warm().catch(() => undefined), WARM_DELAY_MS);
  warmTimer.unref?.();
  return {
    handlers: {
      async searchCaptures(query, window) {
        if (!query || typeof query !== 'object')
          throw new HooklensError('invalid_argument', 'Expected a query object.');
        return index.search(query, windowBounds(window));
      },
    },
    onCapture: (record) => index.add(record),
    async close() {
      clearTimeout(warmTimer);
      index.close();
    },
  };
}
