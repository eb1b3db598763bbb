/*
 * Persisted settings, one section per feature. Each section has defaults here so an old or partial
 * settings file still yields a complete object.
 */

/** GitHub sends payloads up to 25 MB; `capture.bodyLimitBytes` in settings.json changes it. */
export const DEFAULT_BODY_LIMIT_BYTES = 25 * 1024 * 1024;

export interface CaptureSettings {
  /** Preferred capture port; another free one is used (and reported) when it is taken. */
  port: number;
  bodyLimitBytes: number;
  /** Retention cap: beyond it the oldest unpinned captures are removed. Applies at the next start. */
  maxCaptures: number;
}

export interface TunnelSettings {
  enabled: boolean;
  /** Tunnel server, e.g. https://localtunnel.me */
  host: string;
  /** Requested subdomain; empty for a random one. */
  subdomain: string;
}

export interface ReplaySettings {
  /** Where Replay sends: scheme, host, port and optional path prefix; the capture's path is appended. */
  targetBase: string;
  timeoutMs: number;
  /** Auto-forward: every new capture is sent to `forwardTarget` as it arrives. */
  forwardEnabled: boolean;
  forwardTarget: string;
  /** Attempts per capture, first included; retries happen on connection errors and 5xx. */
  forwardMaxAttempts: number;
  /** Delay before the first retry; doubles on each further one. */
  forwardBaseDelayMs: number;
  /** Per endpoint id: whether an edited request is re-signed when sent (the last choice made). */
  resignByEndpoint: Record<string, boolean>;
}

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface UiSettings {
  theme: ThemeChoice;
  /** Desktop notification for captures that arrive while the window is not focused. */
  notifications: boolean;
  /** Width of the capture list pane in CSS pixels. */
  listWidth: number;
}

/** When the health alerts fire. */
export interface HealthSettings {
  alertsEnabled: boolean;
  /** Alert when more than this many signatures fail on one endpoint within a minute. */
  invalidPerMinute: number;
  /** Alert when auto-forward gives up on this many captures in a row. */
  forwardFailuresInRow: number;
}

export interface Settings {
  capture: CaptureSettings;
  tunnel: TunnelSettings;
  replay: ReplaySettings;
  ui: UiSettings;
  health: HealthSettings;
}

export const DEFAULT_CAPTURE_PORT = 8787;

export const DEFAULT_SETTINGS: Settings = {
  capture: { port: DEFAULT_CAPTURE_PORT, bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES, maxCaptures: 10_000 },
  tunnel: { enabled: true, host: 'https://localtunnel.me', subdomain: '' },
  replay: {
    targetBase: 'http://localhost:3000',
    timeoutMs: 30_000,
    forwardEnabled: false,
    forwardTarget: 'http://localhost:3000',
    forwardMaxAttempts: 5,
    forwardBaseDelayMs: 1_000,
    resignByEndpoint: {},
  },
  ui: { theme: 'system', notifications: false, listWidth: 380 },
  health: { alertsEnabled: true, invalidPerMinute: 5, forwardFailuresInRow: 3 },
};

export type SettingsSection = keyof Settings;
