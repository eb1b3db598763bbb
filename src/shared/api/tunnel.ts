/*
 * The public URL (localtunnel) section of the API.
 *
 * States: `off` (disabled) → `connecting` (first attempt of this run) → `online` → `reconnecting`
 * (the tunnel was lost, or its public URL failed two probes; `url` is the last known one) →
 * `online`. `error` when the tunnel server refused the request itself (bad subdomain, not a
 * localtunnel server…), could not be reached on the first attempt, or reconnecting has kept failing
 * for 30 s; `reason` says why and `nextRetryAt` when the next try is. Every state but
 * `off` keeps retrying with backoff while the tunnel is enabled.
 *
 * While online, `check` is the last end-to-end probe of the public URL (tunnel-probe.ts).
 */
import type { TunnelSettings } from '../settings';

export type TunnelState = 'off' | 'connecting' | 'online' | 'reconnecting' | 'error';

export interface TunnelStatus {
  state: TunnelState;
  /** Public URL when online (or last known while reconnecting). */
  url: string | null;
  /** Human-readable reason for `error`/`reconnecting`. */
  reason: string | null;
  /** Subdomain the user asked for, when the server gave another one. */
  subdomainMismatch: { requested: string; received: string } | null;
  /** Failed attempts since the tunnel was last online (0 while online or off). */
  attempt: number;
  /** ISO 8601 time of the next automatic attempt, while waiting for one. */
  nextRetryAt: string | null;
  /** Set when a reconnect brought a different public URL than the one shown before. */
  urlChanged: { previous: string } | null;
  /** Tunnel server in use, e.g. https://localtunnel.me */
  host: string;
  /** Last check of the public URL while online; null before the first one (and when not online). */
  check: TunnelCheck | null;
}

export interface TunnelCheck {
  /** ISO 8601 time of the check. */
  at: string;
  /** `probe`: Hooklens fetched its own public URL; `request`: a request just came through the tunnel. */
  by: 'probe' | 'request';
  ok: boolean;
  /** Round trip of a successful probe. */
  ms: number | null;
  /** Why the probe failed. */
  reason: string | null;
  /** Failed probes in a row (two make the tunnel reconnect). */
  failures: number;
}

export const OFF_TUNNEL_STATUS: TunnelStatus = {
  state: 'off',
  url: null,
  reason: null,
  subdomainMismatch: null,
  attempt: 0,
  nextRetryAt: null,
  urlChanged: null,
  host: '',
  check: null,
};

export type TunnelSettingKey = keyof TunnelSettings;

export interface TunnelSettingsView {
  /** The settings in force: saved settings with command-line overrides applied. */
  settings: TunnelSettings;
  /** Keys currently set from the command line (they win over saved values until changed here). */
  overridden: TunnelSettingKey[];
}

export interface TunnelMethods {
  getTunnelStatus(): Promise<TunnelStatus>;
  /** Turns the tunnel on or off and saves the choice. */
  setTunnelEnabled(enabled: boolean): Promise<TunnelStatus>;
  /** Drops the current connection (if any) and tries again at once. */
  reconnectTunnel(): Promise<TunnelStatus>;
  getTunnelSettings(): Promise<TunnelSettingsView>;
  /** Validates and saves; a changed host or subdomain reconnects. Rejects with `invalid_argument`. */
  updateTunnelSettings(patch: Partial<TunnelSettings>): Promise<TunnelSettingsView>;
  /** Clears `urlChanged` once the user has seen it. */
  dismissTunnelUrlChange(): Promise<TunnelStatus>;
  /** Probes the public URL now ("Test public URL"); the result is in `check`. Rejects unless online. */
  testTunnel(): Promise<TunnelStatus>;
}

export const tunnelMethodNames = {
  getTunnelStatus: true,
  setTunnelEnabled: true,
  reconnectTunnel: true,
  getTunnelSettings: true,
  updateTunnelSettings: true,
  dismissTunnelUrlChange: true,
  testTunnel: true,
} as const satisfies Record<keyof TunnelMethods, true>;

export interface TunnelEvents {
  'tunnel:changed': TunnelStatus;
}
