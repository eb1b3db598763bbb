/*
 * Webhook health: per-minute aggregates the core keeps as captures, forwards and refusals happen,
 * read per endpoint or for all, plus the alerts raised from them. Series are columns (one array
 * per measure, one entry per minute, oldest first) because that is what charts and tables read.
 */
import type { HealthBucketChange, HealthBuckets } from '../health-report';
import type { HealthSettings } from '../settings';

export interface HealthQuery {
  /** One endpoint; all endpoints when absent. */
  endpointId?: string;
  /** How many minutes back, ending with the current one; 1 to 1440, default 60. */
  minutes?: number;
}

export interface HealthSeries {
  /** Start of the first minute, epoch milliseconds. */
  start: number;
  /** Epoch milliseconds of each minute's start. */
  minute: number[];
  deliveries: number[];
  valid: number[];
  invalid: number[];
  noSecret: number[];
  unsigned: number[];
  duplicates: number[];
  forwardDelivered: number[];
  forwardRetried: number[];
  forwardFailed: number[];
  /** Local handler latency of forwards in that minute, ms; null when there were none. */
  latencyP50: (number | null)[];
  latencyP95: (number | null)[];
  refusals: number[];
}

export interface HealthTotals {
  deliveries: number;
  valid: number;
  invalid: number;
  noSecret: number;
  unsigned: number;
  duplicates: number;
  forwardDelivered: number;
  forwardRetried: number;
  forwardFailed: number;
  refusals: number;
  latencyP50: number | null;
  latencyP95: number | null;
}

export interface RefusalEntry {
  at: string;
  status: number;
  /** Machine code, e.g. payload_too_large. */
  error: string;
  message: string;
  via: 'local' | 'tunnel';
}

export interface RefusalCount {
  status: number;
  error: string;
  count: number;
  /** The latest message for it, which carries the limit in force. */
  message: string;
}

export type HealthErrorKind = 'signature' | 'forward' | 'refusal';

export interface HealthErrorEntry {
  at: string;
  kind: HealthErrorKind;
  message: string;
  captureId?: string;
  endpointId?: string;
}

export type HealthAlertKind = 'signature-failures-started' | 'signature-failure-burst' | 'forward-failing';

export interface HealthAlert {
  id: string;
  kind: HealthAlertKind;
  at: string;
  /** One sentence for the notification. */
  message: string;
  /** The capture that tripped it: the notification leads there. */
  captureId: string;
  endpointId: string;
}

export interface HealthReport {
  endpointId: string | null;
  minutes: number;
  generatedAt: string;
  /**
   * Forward outcomes, latencies and refusals are counted from this moment (they are not stored);
   * deliveries and verdicts come from the stored captures too.
   */
  countingSince: string;
  series: HealthSeries;
  totals: HealthTotals;
  /** Refusals in the window by status and reason, most frequent first. Listener-wide: refusals happen before routing. */
  refusalsByReason: RefusalCount[];
  recentRefusals: RefusalEntry[];
  recentErrors: HealthErrorEntry[];
  recentAlerts: HealthAlert[];
}

export interface HealthChanges {
  buckets: HealthBucketChange[];
  /** Oldest first. */
  refusals: RefusalEntry[];
  errors: HealthErrorEntry[];
  refusalMessages: Record<string, string>;
}

export interface HealthMethods {
  getHealth(query?: HealthQuery): Promise<HealthReport>;
  /** The raw per-minute buckets of a scope (the last day), for a view that keeps them current from events. */
  getHealthBuckets(endpointId?: string): Promise<HealthBuckets & { recentAlerts: HealthAlert[] }>;
  getHealthSettings(): Promise<HealthSettings>;
  updateHealthSettings(patch: Partial<HealthSettings>): Promise<HealthSettings>;
}

export const healthMethodNames = {
  getHealth: true,
  getHealthBuckets: true,
  getHealthSettings: true,
  updateHealthSettings: true,
} as const satisfies Record<keyof HealthMethods, true>;

export interface HealthEvents {
  /** At most about once a second: every bucket that changed (as it is now) and the entries added since the last one. */
  'health:changed': HealthChanges;
  'health:alert': HealthAlert;
  /** The user clicked an alert's desktop notification (Electron shell): show its capture. */
  'health:alert-opened': HealthAlert;
  'health:settings-changed': HealthSettings;
}
