/*
 * Health buckets and the report built from them, shared by the core (which keeps the buckets as
 * things happen) and the renderer (which holds a copy, applies the buckets each
 * `health:changed` event carries, and builds the report for the window it shows). One function
 * builds the report on both sides, so the view and `getHealth` cannot disagree.
 *
 * A bucket is one minute of one scope (an endpoint, or ALL_SCOPE for everything).
 */
import type {
  HealthErrorEntry,
  HealthReport,
  HealthSeries,
  HealthTotals,
  RefusalCount,
  RefusalEntry,
} from './api/health';
import { addInto, newHistogram, percentile } from './latency-histogram';

export const ALL_SCOPE = '*';
export const MINUTE_MS = 60_000;
export const WINDOW_MINUTES = 1440;

export const BUCKET_FIELDS = [
  'deliveries',
  'valid',
  'invalid',
  'noSecret',
  'unsigned',
  'duplicates',
  'forwardDelivered',
  'forwardRetried',
  'forwardFailed',
  'refusals',
] as const;
export type BucketField = (typeof BUCKET_FIELDS)[number];
export const FIELD_INDEX = Object.fromEntries(BUCKET_FIELDS.map((f, i) => [f, i])) as Record<BucketField, number>;

export interface HealthBucket {
  /** One count per BUCKET_FIELDS entry. */
  counts: number[];
  /** Forward latency histogram (see latency-histogram.ts); only in minutes that had forwards. */
  latency?: number[];
  /** `${status} ${error}` -> count; only in the ALL scope (refusals come before routing). */
  refusals?: Record<string, number>;
}

/** [minute number (epoch ms / 60,000), bucket], oldest first. */
export type BucketEntry = [minute: number, bucket: HealthBucket];

export interface HealthBuckets {
  endpointId: string | null;
  countingSince: string;
  /** The scope asked for. */
  buckets: BucketEntry[];
  /** The ALL scope too when an endpoint was asked for: the listener's refusals live there. */
  listener: BucketEntry[];
  refusalMessages: Record<string, string>;
  recentRefusals: RefusalEntry[];
  recentErrors: HealthErrorEntry[];
}

export interface HealthBucketChange {
  scope: string;
  minute: number;
  bucket: HealthBucket;
}

export const minuteOf = (ms: number): number => Math.floor(ms / MINUTE_MS);

export function clampMinutes(minutes: unknown): number {
  const n = typeof minutes === 'number' && Number.isFinite(minutes) ? Math.floor(minutes) : 60;
  return Math.max(1, Math.min(WINDOW_MINUTES, n));
}

export interface ReportInput {
  endpointId: string | null;
  minutes: number;
  now: number;
  countingSince: string;
  scope: ReadonlyMap<number, HealthBucket> | undefined;
  all: ReadonlyMap<number, HealthBucket> | undefined;
  refusalMessages: Readonly<Record<string, string>>;
  recentRefusals: readonly RefusalEntry[];
  recentErrors: readonly HealthErrorEntry[];
}

function emptySeries(start: number): HealthSeries {
  return {
    start,
    minute: [],
    deliveries: [],
    valid: [],
    invalid: [],
    noSecret: [],
    unsigned: [],
    duplicates: [],
    forwardDelivered: [],
    forwardRetried: [],
    forwardFailed: [],
    latencyP50: [],
    latencyP95: [],
    refusals: [],
  };
}

export function buildReport(input: ReportInput): Omit<HealthReport, 'recentAlerts'> {
  const minutes = clampMinutes(input.minutes);
  const last = minuteOf(input.now);
  const first = last - minutes + 1;
  const series = emptySeries(first * MINUTE_MS);
  const totals: HealthTotals = {
    deliveries: 0,
    valid: 0,
    invalid: 0,
    noSecret: 0,
    unsigned: 0,
    duplicates: 0,
    forwardDelivered: 0,
    forwardRetried: 0,
    forwardFailed: 0,
    refusals: 0,
    latencyP50: null,
    latencyP95: null,
  };
  const merged = newHistogram();
  const reasons = new Map<string, number>();
  for (let m = first; m <= last; m += 1) {
    const b = input.scope?.get(m);
    const r = input.all?.get(m);
    series.minute.push(m * MINUTE_MS);
    for (const name of BUCKET_FIELDS) {
      const value = name === 'refusals' ? (r?.counts[FIELD_INDEX.refusals] ?? 0) : (b?.counts[FIELD_INDEX[name]] ?? 0);
      series[name].push(value);
      totals[name] += value;
    }
    series.latencyP50.push(b?.latency ? percentile(b.latency, 0.5) : null);
    series.latencyP95.push(b?.latency ? percentile(b.latency, 0.95) : null);
    if (b?.latency) addInto(merged, b.latency);
    if (r?.refusals) for (const [key, n] of Object.entries(r.refusals)) reasons.set(key, (reasons.get(key) ?? 0) + n);
  }
  totals.latencyP50 = percentile(merged, 0.5);
  totals.latencyP95 = percentile(merged, 0.95);
  const refusalsByReason: RefusalCount[] = [...reasons]
    .map(([key, count]) => {
      const space = key.indexOf(' ');
      return {
        status: Number(key.slice(0, space)),
        error: key.slice(space + 1),
        count,
        message: input.refusalMessages[key] ?? '',
      };
    })
    .sort((a, b) => b.count - a.count || a.status - b.status);
  const since = first * MINUTE_MS;
  const inWindow = (at: string): boolean => Date.parse(at) >= since;
  const { endpointId } = input;
  return {
    endpointId,
    minutes,
    generatedAt: new Date(input.now).toISOString(),
    countingSince: input.countingSince,
    series,
    totals,
    refusalsByReason,
    recentRefusals: input.recentRefusals.filter((e) => inWindow(e.at)).slice(0, 20),
    recentErrors: input.recentErrors
      .filter(
        (e) => inWindow(e.at) && (endpointId === null || e.endpointId === undefined || e.endpointId === endpointId),
      )
      .slice(0, 20),
  };
}
