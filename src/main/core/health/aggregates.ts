/*
 * Health aggregates, kept as things happen: per scope (each endpoint, and ALL for everything) a map
 * of per-minute buckets covering the last day. Memory is bounded by scopes × 1,440 buckets of a
 * few counters each (plus a latency histogram only in minutes that had forwards); a report sums
 * at most 1,440 buckets and never looks at captures.
 */
import type { HealthErrorEntry, HealthReport, RefusalEntry } from '../../../shared/api/health';
import { assertNever } from '../../../shared/errors';
import type { SignatureVerdict } from '../../../shared/health';
import {
  ALL_SCOPE,
  buildReport,
  FIELD_INDEX as F,
  minuteOf,
  WINDOW_MINUTES,
  type BucketEntry,
  type BucketField as Field,
  type HealthBucket as Bucket,
  type HealthBucketChange,
  type HealthBuckets,
} from '../../../shared/health-report';
import { latencyBin, newHistogram } from '../../../shared/latency-histogram';

export { WINDOW_MINUTES };
export const ALL = ALL_SCOPE;
const RECENT_LIMIT = 100;
const FIELD_COUNT = Object.keys(F).length;

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

function countDelivery(b: Bucket | undefined, verdict: number, duplicate: boolean): void {
  if (!b) return;
  b.counts[F.deliveries] += 1;
  if (verdict >= 0) b.counts[verdict] += 1;
  if (duplicate) b.counts[F.duplicates] += 1;
}

export class HealthAggregates {
  private readonly scopes = new Map<string, Map<number, Bucket>>();
  private readonly refusalMessages: Record<string, string> = {};
  private readonly refusals: RefusalEntry[] = [];
  private readonly errors: HealthErrorEntry[] = [];
  /** Buckets changed since the last `takeChanges`, and entries added: what the next event carries. */
  private readonly touched = new Map<Bucket, { scope: string; minute: number; bucket: Bucket }>();
  /** The buckets the last delivery counted in, while both are in `touched`. */
  private lastDelivery: { minute: number; endpointId: string; all: Bucket; own: Bucket } | null = null;
  private freshRefusals: RefusalEntry[] = [];
  private freshErrors: HealthErrorEntry[] = [];
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
      b = { counts: new Array<number>(FIELD_COUNT).fill(0) };
      buckets.set(minute, b);
      this.prune(buckets);
    }
    // Keyed by the bucket itself: a burst touches the same two buckets, with nothing allocated after the first.
    if (b && !this.touched.has(b)) this.touched.set(b, { scope, minute, bucket: b });
    return b;
  }

  /** Drops buckets older than the window; they are mostly inserted in time order, so the oldest come first. */
  private prune(buckets: Map<number, Bucket>): void {
    const cutoff = minuteOf(this.now()) - WINDOW_MINUTES;
    for (const minute of buckets.keys()) {
      if (minute > cutoff) break;
      buckets.delete(minute);
    }
    if (buckets.size > WINDOW_MINUTES + 60)
      for (const minute of [...buckets.keys()]) if (minute <= cutoff) buckets.delete(minute);
  }

  private bump(endpointId: string, at: number, field: Field, by: number): void {
    const minute = minuteOf(at);
    const all = this.bucket(ALL, minute, by > 0);
    if (all) all.counts[F[field]] += by;
    const own = this.bucket(endpointId, minute, by > 0);
    if (own) own.counts[F[field]] += by;
  }

  delivery(d: DeliveryFacts): void {
    // On the capture path: every counter bumped in place, and a burst within one minute on one
    // endpoint reuses the two buckets the previous delivery found (until the next takeChanges).
    const minute = minuteOf(d.at);
    const verdict = d.verdict ? F[verdictField(d.verdict)] : -1;
    const last = this.lastDelivery;
    if (last === null || last.minute !== minute || last.endpointId !== d.endpointId) {
      const all = this.bucket(ALL, minute, true);
      const own = this.bucket(d.endpointId, minute, true);
      this.lastDelivery = all && own ? { minute, endpointId: d.endpointId, all, own } : null;
      countDelivery(all, verdict, d.duplicate);
      countDelivery(own, verdict, d.duplicate);
      return;
    }
    countDelivery(last.all, verdict, d.duplicate);
    countDelivery(last.own, verdict, d.duplicate);
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
      b.refusals ??= {};
      b.refusals[key] = (b.refusals[key] ?? 0) + 1;
      this.refusalMessages[key] = entry.message;
    }
    this.refusals.unshift(entry);
    if (this.refusals.length > RECENT_LIMIT) this.refusals.length = RECENT_LIMIT;
    this.freshRefusals.push(entry);
    this.error({ at: entry.at, kind: 'refusal', message: `${entry.status} ${entry.message}` });
  }

  error(entry: HealthErrorEntry): void {
    this.errors.unshift(entry);
    if (this.errors.length > RECENT_LIMIT) this.errors.length = RECENT_LIMIT;
    this.freshErrors.push(entry);
  }

  /** What changed since the last call: the buckets as they are now, and the entries added (oldest first). */
  takeChanges(): {
    buckets: HealthBucketChange[];
    refusals: RefusalEntry[];
    errors: HealthErrorEntry[];
    refusalMessages: Record<string, string>;
  } {
    const buckets = [...this.touched.values()].map(({ scope, minute, bucket }) => ({
      scope,
      minute,
      bucket: structuredClone(bucket),
    }));
    this.touched.clear();
    this.lastDelivery = null;
    const out = {
      buckets,
      refusals: this.freshRefusals,
      errors: this.freshErrors,
      refusalMessages: { ...this.refusalMessages },
    };
    this.freshRefusals = [];
    this.freshErrors = [];
    return out;
  }

  /** The buckets of one scope (and ALL's) in the window, to hold a copy that events keep current. */
  buckets(endpointId: string | null): HealthBuckets {
    const cutoff = minuteOf(this.now()) - WINDOW_MINUTES;
    const entries = (scope: string): BucketEntry[] =>
      [...(this.scopes.get(scope) ?? [])]
        .filter(([m]) => m > cutoff)
        .sort((a, b) => a[0] - b[0])
        .map(([m, b]) => [m, structuredClone(b)]);
    return {
      endpointId,
      countingSince: this.countingSince,
      buckets: entries(endpointId ?? ALL),
      listener: endpointId === null ? [] : entries(ALL),
      refusalMessages: { ...this.refusalMessages },
      recentRefusals: this.refusals.slice(0, 20),
      recentErrors: this.errors.slice(0, 50),
    };
  }

  /** Buckets held, all scopes together: what bounds memory. */
  bucketCount(): number {
    let n = 0;
    for (const b of this.scopes.values()) n += b.size;
    return n;
  }

  report(endpointId: string | null, minutes = 60): Omit<HealthReport, 'recentAlerts'> {
    return buildReport({
      endpointId,
      minutes,
      now: this.now(),
      countingSince: this.countingSince,
      scope: this.scopes.get(endpointId ?? ALL),
      all: this.scopes.get(ALL),
      refusalMessages: this.refusalMessages,
      recentRefusals: this.refusals,
      recentErrors: this.errors,
    });
  }
}
