/*
 * Endpoints: named capture paths (`/e/<slug>/…`) with their own answer, "fail the next N" switch and
 * forward target. `route` runs for every capture, synchronously, so it reads an in-memory map and
 * never waits on disk; the fail-next countdown is saved in the background. Search and the app
 * settings are services of their own (../search, ../settings).
 */
import { randomUUID } from 'node:crypto';
import type { Endpoint, EndpointPatch, EndpointsMethods, NewEndpoint } from '../../../shared/api/endpoints';
import { DEFAULT_ENDPOINT_ID } from '../../../shared/capture';
import { HooklensError, invalidField } from '../../../shared/errors';
import type { RouteDecision } from '../capture/listener';
import type { CoreEvents } from '../events';
import type { CoreService } from '../service';
import type { CaptureStore } from '../store/types';
import { openEndpointFile } from './endpoint-file';
import { checkFailNext, checkResponse, replyFor } from './response';
import { routeEndpointId } from './routing';
import { checkName, checkSlug, slugify } from './slug';
import type { NoticeBoard } from '../notice-board';

export interface EndpointsServiceDeps {
  dataDir: string;
  store: CaptureStore;
  events: CoreEvents;
  log?: (line: string) => void;
  notices?: NoticeBoard;
}

export interface EndpointsService extends CoreService<EndpointsMethods> {
  route(method: string, url: string): RouteDecision;
  /** The endpoint's own auto-forward target, or null to use the global replay setting. */
  forwardTargetFor(endpointId: string): string | null;
  /** Set when endpoints.json could not be read and was moved aside. */
  readonly setAsidePath: string | null;
}

const MAX_ENDPOINTS = 200;

function checkForwardTarget(raw: unknown): string {
  if (typeof raw !== 'string') throw invalidField('forwardTarget', 'Expected a URL or nothing.');
  const value = raw.trim();
  if (value === '') return '';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidField('forwardTarget', 'Not a valid URL (e.g. http://localhost:3000).');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalidField('forwardTarget', 'Use an http:// or https:// URL.');
  return value;
}

export async function createEndpointsService(deps: EndpointsServiceDeps): Promise<EndpointsService> {
  const file = await openEndpointFile(deps.dataDir, deps.notices);
  let endpoints = file.endpoints;
  let bySlug = new Map<string, string>();
  let byId = new Map<string, Endpoint>();
  const reindex = (): void => {
    byId = new Map(endpoints.map((e) => [e.id, e]));
    bySlug = new Map(endpoints.filter((e) => e.slug).map((e) => [e.slug, e.id]));
  };
  reindex();

  const snapshot = (): Endpoint[] => structuredClone(endpoints);
  async function commit(next: Endpoint[]): Promise<void> {
    endpoints = next;
    reindex();
    await file.save(endpoints);
    deps.events.emit('endpoints:changed', snapshot());
  }
  const find = (id: string): Endpoint => {
    const e = byId.get(id);
    if (!e) throw new HooklensError('not_found', 'No endpoint has that id.');
    return e;
  };
  const ensureFreeSlug = (slug: string, exceptId?: string): void => {
    const owner = bySlug.get(slug);
    if (owner && owner !== exceptId) throw invalidField('slug', `"${slug}" is already used by another endpoint.`);
  };

  const handlers: EndpointsMethods = {
    async listEndpoints() {
      return snapshot();
    },
    async createEndpoint(input: NewEndpoint) {
      if (!input || typeof input !== 'object') throw new HooklensError('invalid_argument', 'Expected { name, slug? }.');
      const name = checkName(input.name);
      const slug = checkSlug(input.slug?.trim() ? input.slug.trim() : slugify(name));
      ensureFreeSlug(slug);
      if (endpoints.length > MAX_ENDPOINTS)
        throw new HooklensError('invalid_argument', `At most ${MAX_ENDPOINTS} endpoints.`);
      const endpoint: Endpoint = {
        id: `ep_${randomUUID().replaceAll('-', '').slice(0, 16)}`,
        name,
        slug,
        createdAt: new Date().toISOString(),
        response: null,
        failNext: 0,
        forwardTarget: '',
      };
      await commit([...endpoints, endpoint]);
      return structuredClone(endpoint);
    },
    async updateEndpoint(id, patch: EndpointPatch) {
      const current = find(id);
      if (!patch || typeof patch !== 'object')
        throw new HooklensError('invalid_argument', 'Expected an object of changes.');
      const isDefault = id === DEFAULT_ENDPOINT_ID;
      if (isDefault && (patch.name !== undefined || patch.slug !== undefined))
        throw invalidField('name', 'The default endpoint cannot be renamed.');
      const next: Endpoint = { ...current };
      if (patch.name !== undefined) next.name = checkName(patch.name);
      if (patch.slug !== undefined) {
        next.slug = checkSlug(patch.slug);
        ensureFreeSlug(next.slug, id);
      }
      if (patch.response !== undefined) next.response = checkResponse(patch.response);
      if (patch.failNext !== undefined) next.failNext = checkFailNext(patch.failNext);
      if (patch.forwardTarget !== undefined) next.forwardTarget = checkForwardTarget(patch.forwardTarget);
      await commit(endpoints.map((e) => (e.id === id ? next : e)));
      return structuredClone(next);
    },
    async deleteEndpoint(id) {
      if (id === DEFAULT_ENDPOINT_ID)
        throw new HooklensError('invalid_argument', 'The default endpoint cannot be deleted.');
      find(id);
      const ids = deps.store
        .list()
        .filter((c) => c.endpointId === id)
        .map((c) => c.id);
      // Captures first: if that fails, the endpoint (and the way to find its captures) is kept.
      if (ids.length) {
        await deps.store.delete(ids);
        deps.events.emit('capture:removed', { ids });
      }
      await commit(endpoints.filter((e) => e.id !== id));
      return { removedCaptures: ids.length };
    },
  };

  function route(_method: string, url: string): RouteDecision {
    const endpointId = routeEndpointId(url, bySlug);
    const endpoint = byId.get(endpointId);
    if (!endpoint) return { endpointId };
    if (endpoint.failNext > 0) {
      const counted = { ...endpoint };
      const reply = (id: string) => replyFor(counted, id)!;
      const left = { ...endpoint, failNext: endpoint.failNext - 1 };
      endpoints = endpoints.map((e) => (e.id === endpointId ? left : e));
      reindex();
      file.save(endpoints).then(
        () => deps.events.emit('endpoints:changed', snapshot()),
        (err: unknown) =>
          deps.log?.(`endpoints.json could not be saved: ${err instanceof Error ? err.message : String(err)}`),
      );
      return { endpointId, reply };
    }
    if (!endpoint.response) return { endpointId };
    const response = endpoint.response;
    return { endpointId, reply: (id) => replyFor({ response, failNext: 0 }, id)! };
  }

  return {
    handlers,
    route,
    forwardTargetFor: (endpointId) => byId.get(endpointId)?.forwardTarget || null,
    setAsidePath: file.setAsidePath,
    // Resolves once pending saves (the fail-next countdown) are on disk.
    close: () => file.settled(),
  };
}
