/*
 * Replay data shapes shared by the core and the renderer. A request to send is a `ReplayRequest`:
 * method, absolute target URL, the header rows as the user wants them sent, and the body as exact
 * bytes (UTF-8 text or base64, like a capture body). The core adds Host and Content-Length and
 * drops hop-by-hop headers, so what was really sent is kept separately in the history entry.
 */
import type { EncodedBody } from '../body-codec';
import type { CapturedBody, HeaderPair } from '../capture';

export type ReplayBody = EncodedBody;

export interface ReplayRequest {
  method: string;
  /** Absolute http: or https: URL. */
  url: string;
  headers: HeaderPair[];
  body: ReplayBody;
}

/** An editor row; disabled rows are kept in the editor but not sent. */
export interface DraftHeader {
  name: string;
  value: string;
  enabled: boolean;
}

export interface SigningInfo {
  providerId: string;
  providerName: string;
  /** The provider can compute signatures (some schemes can only be verified). */
  canSign: boolean;
  /** A secret is stored for this endpoint and provider. */
  hasSecret: boolean;
}

/** The starting point of the editor for one capture. */
export interface ReplayDraft {
  captureId: string | null;
  method: string;
  url: string;
  headers: DraftHeader[];
  body: ReplayBody;
  /** Set when the capture's signature provider was recognised. */
  signing: SigningInfo | null;
}

/** 'check': a request sent by a handler-check probe. */
export type ReplaySource = 'replay' | 'edit' | 'forward' | 'import' | 'test-event' | 'check';

export interface ReplaySendInput {
  /** The capture this send derives from; null for an imported request. */
  captureId: string | null;
  request: ReplayRequest;
  /** Recompute the provider signature over the body with a fresh timestamp. */
  resign?: boolean;
  source?: ReplaySource;
  /** A token the caller picks to cancel this send with `cancelReplay` while it waits. */
  sendId?: string;
}

export type ConnectionErrorKind = 'refused' | 'timeout' | 'tls' | 'dns' | 'reset' | 'cancelled' | 'other';

export interface ConnectionError {
  kind: ConnectionErrorKind;
  /** Plain words: "nothing is listening on localhost:3000", "timed out after 30 s"… */
  message: string;
}

export interface ReplayResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  headers: HeaderPair[];
  /** Possibly truncated; `size` is the full size received. */
  body: CapturedBody;
  bodyTruncated: boolean;
  /** Set for 3xx answers with a Location: redirects are shown, never followed. */
  redirectTo?: string;
}

export type ReplayOutcome = { kind: 'response'; response: ReplayResponse } | { kind: 'error'; error: ConnectionError };

export interface ReplayHistoryEntry {
  id: string;
  captureId: string | null;
  source: ReplaySource;
  /** ISO 8601, UTC. */
  sentAt: string;
  /** The request exactly as it went on the wire (Host, Content-Length and Connection included). */
  request: ReplayRequest;
  resignedWith?: string;
  outcome: ReplayOutcome;
  /** Milliseconds from sending to the end of the response (or the error). */
  ms: number;
  /** Things the user should know, e.g. that the original signature no longer matches. */
  warnings: string[];
}

export interface ReplayHistorySummary {
  id: string;
  captureId: string | null;
  source: ReplaySource;
  sentAt: string;
  method: string;
  url: string;
  status: number | null;
  error: string | null;
  ms: number;
}

export type ForwardAttemptState = 'delivered' | 'retrying' | 'failed';

export interface ForwardAttempt {
  captureId: string;
  /** The endpoint the capture arrived on (health counts forward outcomes per endpoint). */
  endpointId: string;
  /** 1-based. */
  attempt: number;
  maxAttempts: number;
  state: ForwardAttemptState;
  url: string;
  at: string;
  status: number | null;
  error: string | null;
  ms: number;
  /** Delay before the next attempt, when `state` is 'retrying'. */
  nextDelayMs?: number;
  /** The history entry recording this attempt. */
  replayId?: string;
}

export interface ImportedRequest {
  request: ReplayRequest;
  /** Options that were understood but have no effect here, or were ignored. */
  warnings: string[];
}

/** The requests of a HAR file, and what applies to the file as a whole (entries skipped…). */
export interface HarImportResult {
  requests: ImportedRequest[];
  warnings: string[];
}

export function summarizeReplay(entry: ReplayHistoryEntry): ReplayHistorySummary {
  return {
    id: entry.id,
    captureId: entry.captureId,
    source: entry.source,
    sentAt: entry.sentAt,
    method: entry.request.method,
    url: entry.request.url,
    status: entry.outcome.kind === 'response' ? entry.outcome.response.status : null,
    error: entry.outcome.kind === 'error' ? entry.outcome.error.message : null,
    ms: entry.ms,
  };
}
