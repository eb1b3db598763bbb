/*
 * endpoints.json: the user's endpoints, in their own small lowdb file so a broken captures file
 * never takes them along (and vice versa). The file is user-editable and untrusted: entries that do
 * not check out are dropped, and a file that cannot be parsed is set aside, never overwritten.
 *
 * File shape: { "version": 1, "endpoints": Endpoint[] } (the default endpoint included once it has
 * been customised).
 */
import path from 'node:path';
import type { Endpoint } from '../../../shared/api/endpoints';
import { DEFAULT_ENDPOINT_ID } from '../../../shared/capture';
import { openJsonDocument } from '../json-document';
import type { NoticeBoard } from '../notice-board';
import { checkFailNext, checkResponse } from './response';
import { checkName, checkSlug } from './slug';

export const ENDPOINTS_FILE = 'endpoints.json';

interface EndpointsFile {
  version: 1;
  endpoints: Endpoint[];
}

export interface EndpointFile {
  readonly endpoints: Endpoint[];
  readonly setAsidePath: string | null;
  /** Replaces the list and resolves once it is on disk; writes are serialised. */
  save(endpoints: Endpoint[]): Promise<void>;
  /** Resolves once every save started so far has finished. */
  settled(): Promise<void>;
}

export function defaultEndpoint(): Endpoint {
  return {
    id: DEFAULT_ENDPOINT_ID,
    name: 'Default',
    slug: '',
    createdAt: new Date(0).toISOString(),
    response: null,
    failNext: 0,
    forwardTarget: '',
  };
}

function sanitize(raw: unknown): Endpoint | null {
  if (!raw || typeof raw !== 'object') return null;
  const e = raw as Record<string, unknown>;
  try {
    if (typeof e.id !== 'string' || e.id === '') return null;
    const isDefault = e.id === DEFAULT_ENDPOINT_ID;
    return {
      id: e.id,
      name: isDefault ? 'Default' : checkName(e.name),
      slug: isDefault ? '' : checkSlug(String(e.slug)),
      createdAt: typeof e.createdAt === 'string' ? e.createdAt : new Date().toISOString(),
      response: checkResponse(e.response ?? null),
      failNext: checkFailNext(e.failNext ?? 0),
      forwardTarget: typeof e.forwardTarget === 'string' ? e.forwardTarget : '',
    };
  } catch {
    return null;
  }
}

export function normalizeEndpoints(raw: unknown): Endpoint[] {
  const list = raw && typeof raw === 'object' ? (raw as Partial<EndpointsFile>).endpoints : undefined;
  const out: Endpoint[] = [defaultEndpoint()];
  const slugs = new Set<string>();
  for (const item of Array.isArray(list) ? list : []) {
    const e = sanitize(item);
    if (!e) continue;
    if (e.id === DEFAULT_ENDPOINT_ID) {
      out[0] = e;
      continue;
    }
    if (out.some((o) => o.id === e.id) || slugs.has(e.slug)) continue;
    slugs.add(e.slug);
    out.push(e);
  }
  return out;
}

export async function openEndpointFile(dataDir: string, notices?: NoticeBoard): Promise<EndpointFile> {
  const file = path.join(dataDir, ENDPOINTS_FILE);
  const report = notices && { notices, consequence: 'endpoints were reset' };
  const doc = await openJsonDocument<EndpointsFile>(file, { version: 1, endpoints: [] }, report);
  let endpoints = normalizeEndpoints(doc.db.data);
  return {
    get endpoints() {
      return endpoints;
    },
    setAsidePath: doc.setAsidePath,
    save(next) {
      endpoints = next;
      doc.db.data = { version: 1, endpoints };
      return doc.write();
    },
    settled: () => doc.settled(),
  };
}
