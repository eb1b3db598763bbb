/*
 * The public URL (localtunnel) section of the API.
 *
 * States: `off` (disabled) → `connecting` (no public URL yet in this run; retries keep this state and
 * say why in `reason`) → `online` → `reconnecting` (the tunnel was lost; `url` is the last known one)
 * → `online`, or `error` when the tunnel server refused the request itself (bad subdomain, not a
 * localtunnel server…). Every state but `off` keeps retrying with backoff while the tunnel is enabled.
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
}

export const tunnelMethodNames = {
  getTunnelStatus: true,
  setTunnelEnabled: true,
  reconnectTunnel: true,
  getTunnelSettings: true,
  updateTunnelSettings: true,
  dismissTunnelUrlChange: true,
} as const satisfies Record<keyof TunnelMethods, true>;

export interface TunnelEvents {
  'tunnel:changed': TunnelStatus;
}
