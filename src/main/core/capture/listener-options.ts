/*
 * What the capture listener is configured with and what it hands back: its limits, the reply an
 * endpoint can customise, and the routing decision. Kept apart from listener.ts so the endpoints
 * and the core can name these shapes without the server code.
 */
import type { CaptureRecord, CaptureVia } from '../../../shared/capture';
import { DEFAULT_BODY_LIMIT_BYTES } from '../../../shared/settings';
import type { CaptureStore } from '../store/types';
import type { Refusal } from './listener-guard';

export interface ListenerLimits {
  /** Largest body captured. Above it: 413, on the declared Content-Length before any body byte is read, else once it passes the limit. */
  bodyLimitBytes: number;
  /** Total size of the request line and headers; above it: 431. A change applies to new connections. */
  maxHeaderBytes: number;
  /** Most header lines in one request; above it: 431 (0 = no count limit, the byte size still applies). */
  maxHeaderCount: number;
  /** Slow clients: time allowed to send all headers, and the whole request; beyond either: 408. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Open connections per server (public and tunnel count apart); a connection beyond it gets 503. */
  maxConnections: number;
}

export const DEFAULT_LIMITS: ListenerLimits = {
  bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES,
  maxHeaderBytes: 64 * 1024,
  maxHeaderCount: 1000,
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 120_000,
  maxConnections: 1024,
};

/** What the listener answers a capture with; endpoints can customise it. */
export interface CaptureReply {
  status: number;
  /** Content-Length and Transfer-Encoding here are ignored: the listener frames the body itself. */
  headers: [string, string][];
  body: string;
  delayMs?: number;
  /** A simulated failure (the endpoint's "fail the next N"): recorded so the UI can say so. */
  simulated?: boolean;
}

export interface RouteDecision {
  endpointId: string;
  /** Custom answer; without it the listener answers `200 {"ok":true,"id":…}`. */
  reply?: (id: string) => CaptureReply;
}

export interface CaptureListenerOptions {
  store: Pick<CaptureStore, 'add'>;
  /** Preferred port (0 = any free one). Defaults to DEFAULT_CAPTURE_PORT. */
  port?: number;
  host?: string;
  /** When the preferred port is taken, use a free one instead of failing. Default true. */
  fallbackToFreePort?: boolean;
  /** Open the loopback tunnel-only listener on this port (0 = any); null to skip. */
  tunnelPort?: number | null;
  limits?: Partial<ListenerLimits>;
  /** Runs for every capture; if it throws, the capture is kept under the default endpoint and onError is told. */
  route?: (method: string, url: string) => RouteDecision;
  onCaptured?: (record: CaptureRecord) => void;
  /**
   * Requests on the tunnel port that the listener answers itself (200, text) instead of capturing:
   * returns the body, or null for a normal capture. The tunnel's self-probe (tunnel-probe.ts).
   */
  tunnelSelfAnswer?: (url: string) => string | null;
  onStoreError?: (err: unknown) => void;
  /** Every request the listener answered with a refusal (413, 408, 431…) instead of capturing it. */
  onRefused?: (refusal: Refusal, via: CaptureVia) => void;
  /** Failures that are not the sender's fault (a throwing route or reply, a failed accept); the listener keeps running. */
  onError?: (err: unknown) => void;
}

export interface CaptureListener {
  readonly host: string;
  readonly port: number;
  readonly requestedPort: number;
  /** True when the preferred port was taken and another was used. */
  readonly fellBack: boolean;
  readonly tunnelPort: number | null;
  setLimits(limits: Partial<ListenerLimits>): void;
  close(): Promise<void>;
}
