/*
 * Health aggregates, kept as things happen: per scope (each endpoint, and ALL for everything) a map
 * of per-minute buckets covering the last day. Memory is bounded by scopes × 1,440 buckets of a
 * few counters each (plus a latency histogram only in minutes that had forwards); a report sums
 * at most 1,440 buckets and never looks at captures.
 */
import type {
  HealthErrorEntry,
  HealthReport,
  HealthSeries,
  HealthTotals,
  RefusalCount,
  RefusalEntry,
} from '../../../shared/api/health';
import type { SignatureVerdict } from '../../../shared/health';
import { assertNever } from '../../../shared/errors';
import { addInto, latencyBin, newHistogram, percentile } from './latency-histogram';

export const WINDOW_MINUTES = 1440;
export const ALL = '*';
const MINUTE_MS = 60_000;
const RECENT_LIMIT = 100;

const F = {
  deliveries: 0,
  valid: 1,
  invalid: 2,
  noSecret: 3,
  unsigned: 4,
  duplicates: 5,
  forwardDelivered: 6,
  forwardRetried: 7,
  forwardFailed: 8,
  refusals: 9,
} as const;
type Field = keyof typeof F;
const FIELD_NAMES = Object.keys(F) as Field[];
const FIELD_COUNT = FIELD_NAMES.length;

interface Bucket {
  counts: Int32Array;
  latency?: Uint32Array;
  /** `${status} ${error}` -> count; only in the ALL scope. */
  refusals?: Map<string, number>;
}

export type ForwardOutcome = 'delivered' | 'retried' | 'failed';

export interface DeliveryFacts {
  at: number;
  endpointId: string;
  /** Absent for captures stored by a version that did not classify them. */
  verdict?: SignatureVerdict;
  duplicate: boolean;
}

function verdictField(v: SignatureVerdict): Field {
  switch (v) {
    case 'valid':
      return 'valid';
    case 'invalid':
      return 'invalid';
    case 'no-secret':
      return 'noSecret';
    case 'unsigned':
      return 'unsigned';
    default:
      return assertNever(v, 'signature verdict');
  }
}

function forwardField(o: ForwardOutcome): Field {
  switch (o) {
    case 'delivered':
      return 'forwardDelivered';
    case 'retried':
      return 'forwardRetried';
    case 'failed':
      return 'forwardFailed';
    default:
      return assertNever(o, 'forward outcome');
  }
}

const minuteOf = (ms: number): number => Math.floor(ms / MINUTE_MS);

export class HealthAggregates {
  private readonly scopes = new Map<string, Map<number, Bucket>>();
  private readonly refusalMessages = new Map<string, string>();
  private readonly refusals: RefusalEntry[] = [];
  private readonly errors: HealthErrorEntry[] = [];
  readonly countingSince: string;

  constructor(private readonly now: () => number = Date.now) {
    this.countingSince = new Date(now()).toISOString();
  }

  private bucket(scope: string, minute: number, create: boolean): Bucket | undefined {
    let buckets = this.scopes.get(scope);
    if (!buckets) {
      if (!create) return undefined;
      buckets = new Map();
      this.scopes.set(scope, buckets);
    }
    let b = buckets.get(minute);
    if (!b && create) {
      if (minute <= minuteOf(this.now()) - WINDOW_MINUTES) return undefined;
      b = { counts: new Int32Array(FIELD_COUNT) };
      buckets.set(minute, b);
      this.prune(buckets);
    }
    return b;
  }

  /** Drops buckets older than the window; they are mostly inserted in time order, so the oldest come first. */
  private prune(buckets: Map<number, Bucket>): void {
    const cutoff = minuteOf(this.now()) - WINDOW_MINUTES;
    for (const minute of buckets.keys()) {
      if (minute > cutoff) break;
      buckets.delete(minute);
    }
    if (buckets.size > WINDOW_MINUTES + 60) for (const minute of [...buckets.keys()]) if (minute <= cutoff) buckets.delete(minute);
  }

  private bump(endpointId: string, at: number, field: Field, by: number): void {
    const minute = minuteOf(at);
    const all = this.bucket(ALL, minute, by > 0);
    if (all) all.counts[F[field]] += by;
    const own = this.bucket(endpointId, minute, by > 0);
    if (own) own.counts[F[field]] += by;
  }

  delivery(d: DeliveryFacts): void {
    // On the capture path: both buckets looked up once, every counter bumped in place.
    const minute = minuteOf(d.at);
    const verdict = d.verdict ? F[verdictField(d.verdict)] : -1;
    for (const b of [this.bucket(ALL, minute, true), this.bucket(d.endpointId, minute, true)]) {
      if (!b) continue;
      b.counts[F.deliveries] += 1;
      if (verdict >= 0) b.counts[verdict] += 1;
      if (d.duplicate) b.counts[F.duplicates] += 1;
    }
  }

  /** A capture's verdict changed (a secret was stored or removed): move its count. */
  reverdict(endpointId: string, at: number, from: SignatureVerdict | undefined, to: SignatureVerdict): void {
    if (from === to) return;
    if (from) this.bump(endpointId, at, verdictField(from), -1);
    this.bump(endpointId, at, verdictField(to), 1);
  }

  forward(endpointId: string, at: number, outcome: ForwardOutcome, latencyMs: number | null): void {
    this.bump(endpointId, at, forwardField(outcome), 1);
    if (latencyMs === null || !Number.isFinite(latencyMs)) return;
    const bin = latencyBin(latencyMs);
    for (const scope of [ALL, endpointId]) {
      const b = this.bucket(scope, minuteOf(at), true);
      if (!b) continue;
      b.latency ??= newHistogram();
      b.latency[bin] += 1;
    }
  }

  refusal(entry: RefusalEntry): void {
    const at = Date.parse(entry.at);
    const b = this.bucket(ALL, minuteOf(at), true);
    if (b) {
      b.counts[F.refusals] += 1;
      const key = `${entry.status} ${entry.error}`;
      b.refusals ??= new Map();
      b.refusals.set(key, (b.refusals.get(key) ?? 0) + 1);
      this.refusalMessages.set(key, entry.message);
    }
    this.refusals.unshift(entry);
    if (this.refusals.length > RECENT_LIMIT) this.refusals.length = RECENT_LIMIT;
    this.error({ at: entry.at, kind: 'refusal', message: `${entry.status} ${entry.message}` });
  }

  error(entry: HealthErrorEntry): void {
    this.errors.unshift(entry);
    if (this.errors.length > RECENT_LIMIT) this.errors.length = RECENT_LIMIT;
  }

  /** Buckets held, all scopes together: what bounds memory. */
  bucketCount(): number {
    let n = 0;
    for (const b of this.scopes.values()) n += b.size;
    return n;
  }

  report(endpointId: string | null, minutesWanted = 60): Omit<HealthReport, 'recentAlerts'> {
    const minutes = Math.max(1, Math.min(WINDOW_MINUTES, Math.floor(Number.isFinite(minutesWanted) ? minutesWanted : 60)));
    const nowMs = this.now();
    const last = minuteOf(nowMs);
    const first = last - minutes + 1;
    const buckets = this.scopes.get(endpointId ?? ALL);
    const all = this.scopes.get(ALL);
    const series: HealthSeries = {
      start: first * MINUTE_MS,
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
      const b = buckets?.get(m);
      // Refusals come before routing: every scope shows the listener's.
      const r = all?.get(m);
      series.minute.push(m * MINUTE_MS);
      for (const name of FIELD_NAMES) {
        const value = name === 'refusals' ? (r?.counts[F.refusals] ?? 0) : (b?.counts[F[name]] ?? 0);
        series[name].push(value);
        totals[name] += value;
      }
      series.latencyP50.push(b?.latency ? percentile(b.latency, 0.5) : null);
      series.latencyP95.push(b?.latency ? percentile(b.latency, 0.95) : null);
      if (b?.latency) addInto(merged, b.latency);
      if (r?.refusals) for (const [key, n] of r.refusals) reasons.set(key, (reasons.get(key) ?? 0) + n);
    }
    totals.latencyP50 = percentile(merged, 0.5);
    totals.latencyP95 = percentile(merged, 0.95);
    const refusalsByReason: RefusalCount[] = [...reasons]
      .map(([key, count]) => {
        const space = key.indexOf(' ');
        return { status: Number(key.slice(0, space)), error: key.slice(space + 1), count, message: this.refusalMessages.get(key) ?? '' };
      })
      .sort((a, b) => b.count - a.count || a.status - b.status);
    const since = first * MINUTE_MS;
    const inWindow = (at: string): boolean => Date.parse(at) >= since;
    return {
      endpointId,
      minutes,
      generatedAt: new Date(nowMs).toISOString(),
      countingSince: this.countingSince,
      series,
      totals,
      refusalsByReason,
      recentRefusals: this.refusals.filter((e) => inWindow(e.at)).slice(0, 20),
      recentErrors: this.errors
        .filter((e) => inWindow(e.at) && (endpointId === null || e.endpointId === undefined || e.endpointId === endpointId))
        .slice(0, 20),
    };
  }
}
