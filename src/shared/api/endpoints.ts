/*
 * The endpoints section: named endpoints, each its own capture path `/e/<slug>/…`, answer and
 * forward target.
 *
 * The default endpoint (`DEFAULT_ENDPOINT_ID`) always exists: it takes every path that names no
 * other endpoint. It can have a custom answer but cannot be renamed or deleted.
 */
import type { HeaderPair } from '../capture';

/** A custom answer to captures; `{{id}}` in the body is replaced by the capture id. */
export interface EndpointResponse {
  status: number;
  headers: HeaderPair[];
  body: string;
  /** Wait this long after the capture is durable before answering (0–60000). */
  delayMs: number;
}

export interface Endpoint {
  id: string;
  name: string;
  /** Path segment after `/e/`; empty for the default endpoint. Lowercase letters, digits, `-`, `_`. */
  slug: string;
  createdAt: string;
  /** Null: the standard `200 {"ok":true,"id":…}`. */
  response: EndpointResponse | null;
  /** The next N captures are answered 500 (to exercise provider retries), then `response` again. */
  failNext: number;
  /** Auto-forward target for this endpoint's captures; empty uses the global replay setting. */
  forwardTarget: string;
}

export interface NewEndpoint {
  name: string;
  /** Derived from the name when absent. */
  slug?: string;
}

export type EndpointPatch = Partial<Pick<Endpoint, 'name' | 'slug' | 'response' | 'failNext' | 'forwardTarget'>>;

export interface EndpointsMethods {
  /** Default endpoint first, then by creation. */
  listEndpoints(): Promise<Endpoint[]>;
  createEndpoint(input: NewEndpoint): Promise<Endpoint>;
  updateEndpoint(id: string, patch: EndpointPatch): Promise<Endpoint>;
  /** Deletes the endpoint and its captures. */
  deleteEndpoint(id: string): Promise<{ removedCaptures: number }>;
}

export const endpointsMethodNames = {
  listEndpoints: true,
  createEndpoint: true,
  updateEndpoint: true,
  deleteEndpoint: true,
} as const satisfies Record<keyof EndpointsMethods, true>;

export interface EndpointsEvents {
  'endpoints:changed': Endpoint[];
}
