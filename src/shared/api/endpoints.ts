/*
 * The workbench section: named endpoints (each its own capture path `/e/<slug>/…`, answer and
 * forward target), search over captures, and the app settings the settings dialog edits.
 *
 * The default endpoint (`DEFAULT_ENDPOINT_ID`) always exists: it takes every path that names no
 * other endpoint. It can have a custom answer but cannot be renamed or deleted.
 */
import type { HeaderPair } from '../capture';
import type { UiSettings } from '../settings';

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

export type StatusClass = '2xx' | '3xx' | '4xx' | '5xx';
export type TimeRange = 'all' | '5m' | '1h' | '24h' | '7d';

export interface CaptureQuery {
  /** Case-insensitive text searched in method, path, headers and UTF-8 body. */
  text?: string;
  endpointId?: string;
  method?: string;
  status?: StatusClass;
  /** Signature provider id detected from the headers (e.g. "stripe"). */
  provider?: string;
  range?: TimeRange;
  /** Reference time for `range` (ms since epoch); defaults to now. */
  now?: number;
}

export interface CaptureSearchResult {
  /** Matching capture ids, newest first. */
  ids: string[];
  /** Time the core spent matching, for the curious (ms). */
  ms: number;
}

export interface WorkbenchSettings {
  /** Preferred capture port; takes effect at the next start. */
  capturePort: number;
  /** Retention cap (captures kept; pinned ones always are); takes effect at the next start. */
  maxCaptures: number;
  ui: UiSettings;
}

export interface WorkbenchSettingsView extends WorkbenchSettings {
  /** Port the capture listener is on now (may differ from the preferred one). */
  currentCapturePort: number;
  dataDir: string;
}

export interface WorkbenchSettingsPatch {
  capturePort?: number;
  maxCaptures?: number;
  ui?: Partial<UiSettings>;
}

export interface EndpointsMethods {
  /** Default endpoint first, then by creation. */
  listEndpoints(): Promise<Endpoint[]>;
  createEndpoint(input: NewEndpoint): Promise<Endpoint>;
  updateEndpoint(id: string, patch: EndpointPatch): Promise<Endpoint>;
  /** Deletes the endpoint and its captures. */
  deleteEndpoint(id: string): Promise<{ removedCaptures: number }>;
  searchCaptures(query: CaptureQuery): Promise<CaptureSearchResult>;
  getWorkbenchSettings(): Promise<WorkbenchSettingsView>;
  /** Validates and saves; a bad field rejects with `invalid_argument` and a `field:` prefix in the message. */
  updateWorkbenchSettings(patch: WorkbenchSettingsPatch): Promise<WorkbenchSettingsView>;
}

export const endpointsMethodNames = {
  listEndpoints: true,
  createEndpoint: true,
  updateEndpoint: true,
  deleteEndpoint: true,
  searchCaptures: true,
  getWorkbenchSettings: true,
  updateWorkbenchSettings: true,
} as const satisfies Record<keyof EndpointsMethods, true>;

export interface EndpointsEvents {
  'endpoints:changed': Endpoint[];
  'workbench:settings-changed': WorkbenchSettingsView;
}

/** Field errors travel as `"<field>: <message>"` so a form can put them beside the right input. */
export function fieldError(message: string): { field: string | null; text: string } {
  const m = /^([a-zA-Z.]+): (.*)$/s.exec(message);
  const text = m ? m[2] : message;
  return { field: m ? m[1] : null, text: text.charAt(0).toUpperCase() + text.slice(1) };
}
