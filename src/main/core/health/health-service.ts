/*
 * Webhook health, wired to the rest of the core through three narrow doors so it stays out of the
 * listener's and the core's way:
 * - `captureStore(store)` wraps the store the listener writes to: each record is classified (and
 *   checked for duplicates) just before it is written, so its health is durable with it;
 * - `onCapture` (as every CoreService), `onRefused`: called after a durable write / a refusal;
 * - core events it subscribes to itself: secrets changed (re-verdict the affected captures),
 *   auto-forward attempts, captures removed.
 */
import type { HealthAlert, HealthMethods, HealthReport, RefusalEntry } from '../../../shared/api/health';
import type { CaptureRecord, CaptureSummary, CaptureVia } from '../../../shared/capture';
import { HooklensError } from '../../../shared/errors';
import { sameHealth, type CaptureHealth } from '../../../shared/health';
import type { HealthSettings } from '../../../shared/settings';
import type { Refusal } from '../capture/listener-guard';
import type { CoreEvents } from '../events';
import type { CoreService } from '../service';
import type { SettingsStore } from '../settings/settings-store';
import { getProvider } from '../signatures/registry';
import type { HealthUpdate } from '../store/record-shape';
import type { CaptureStore } from '../store/types';
import { HealthAggregates, type ForwardOutcome } from './aggregates';
import { HealthAlerts } from './alerts';
import { classifyCapture, verdictFor, type SecretLookup } from './classify';
import { DuplicateIndex } from './duplicates';

export interface HealthServiceDeps {
  store: CaptureStore;
  secrets: SecretLookup;
  settings: Pick<SettingsStore, 'section' | 'update'>;
  events: CoreEvents;
  now?: () => number;
  log?: (line: string) => void;
}

export interface HealthService extends CoreService<HealthMethods> {
  /** The store as the listener should see it: classifies each record before writing it. */
  captureStore(store: Pick<CaptureStore, 'add'>): Pick<CaptureStore, 'add'>;
  onCapture(record: CaptureRecord): void;
  onRefused(refusal: Refusal, via: CaptureVia): void;
  /** Resolves once every queued re-verdict is written (tests and close wait on it). */
  idle(): Promise<void>;
  readonly aggregates: HealthAggregates;
}

const CHANGED_THROTTLE_MS = 1_000;
const UPDATE_CHUNK = 500;

function positiveInt(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 100_000)
    throw new HooklensError('invalid_argument', `${name} must be a whole number from 1 to 100000.`);
  return v;
}

export function createHealthService(deps: HealthServiceDeps): HealthService {
  const now = deps.now ?? Date.now;
  const { store, events } = deps;
  const settings = (): HealthSettings => deps.settings.section('health');
  const aggregates = new HealthAggregates(now);
  const duplicates = new DuplicateIndex();
  const alerts = new HealthAlerts(settings, (alert: HealthAlert) => events.emit('health:alert', alert));

  // Seed from what is stored: deliveries and verdicts of the last day, and the event ids seen.
  const stored = store.list();
  for (let i = stored.length - 1; i >= 0; i -= 1) {
    const s = stored[i];
    const h = s.health;
    if (h?.eventId) duplicates.add(s.id, { endpointId: s.endpointId, provider: h.provider, eventId: h.eventId });
    const at = Date.parse(s.receivedAt);
    if (Number.isFinite(at))
      aggregates.delivery({ at, endpointId: s.endpointId, verdict: h?.verdict, duplicate: !!h?.duplicateOf });
  }

  aggregates.takeChanges();
  let timer: NodeJS.Timeout | undefined;
  // Coalesced: a burst of captures is one event a second carrying the buckets as they now are.
  const changed = (): void => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      events.emit('health:changed', aggregates.takeChanges());
    }, CHANGED_THROTTLE_MS);
    timer.unref();
  };

  /** Classifies the record in place; true when its event id was recorded for the duplicate check. */
  const classify = (record: CaptureRecord): boolean => {
    let health: CaptureHealth;
    try {
      health = classifyCapture(record, deps.secrets);
    } catch (err) {
      // Classification is a view on the capture, never a reason to lose it.
      deps.log?.(`Could not classify capture ${record.id}: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
    record.health = health;
    if (!health.eventId) return false;
    const first = duplicates.add(record.id, {
      endpointId: record.endpointId,
      provider: health.provider,
      eventId: health.eventId,
    });
    if (first) health.duplicateOf = first;
    return true;
  };

  // Re-verdicts run one after another, so two quick secret changes cannot interleave their writes.
  let queue: Promise<void> = Promise.resolve();
  const reverdict = async (endpointId: string, providerId: string): Promise<void> => {
    const provider = getProvider(providerId);
    const affected = store
      .list()
      .filter(
        (s) =>
          s.endpointId === endpointId &&
          (!s.health || (s.health.provider === providerId && s.health.verdict !== 'unsigned')),
      );
    let updates: HealthUpdate[] = [];
    const before = new Map<string, CaptureSummary>();
    const flush = async (): Promise<void> => {
      if (updates.length === 0) return;
      const written = await store.setHealth(updates);
      updates = [];
      for (const summary of written) {
        const old = before.get(summary.id);
        const at = Date.parse(summary.receivedAt);
        if (summary.health && Number.isFinite(at))
          aggregates.reverdict(endpointId, at, old?.health?.verdict, summary.health.verdict);
        events.emit('capture:updated', summary);
      }
      before.clear();
      changed();
    };
    for (const summary of affected) {
      const record = await store.get(summary.id).catch(() => undefined);
      if (!record) continue;
      let next: CaptureHealth;
      if (summary.health) {
        next = { ...summary.health, ...verdictFor(record, provider, deps.secrets) };
        if (next.verdict !== 'invalid') delete next.reason;
      } else {
        // Stored before captures were classified: classify it now (its duplicates are not traced back).
        next = classifyCapture(record, deps.secrets);
        if (next.provider !== providerId) continue;
      }
      if (sameHealth(summary.health, next)) continue;
      before.set(summary.id, summary);
      updates.push([summary.id, next]);
      if (updates.length >= UPDATE_CHUNK) await flush();
    }
    await flush();
  };

  const offs = [
    events.on('signatures:secret-changed', ({ endpointId, providerId }) => {
      queue = queue
        .then(() => reverdict(endpointId, providerId))
        .catch((err: unknown) =>
          deps.log?.(`Could not recheck signatures: ${err instanceof Error ? err.message : String(err)}`),
        );
    }),
    events.on('capture:removed', ({ ids }) => duplicates.remove(ids)),
    events.on('capture:cleared', () => duplicates.clear()),
    events.on('replay:forward-attempt', (attempt) => {
      const { endpointId } = attempt;
      const at = Date.parse(attempt.at);
      const when = Number.isFinite(at) ? at : now();
      const outcome: ForwardOutcome =
        attempt.state === 'delivered' ? 'delivered' : attempt.state === 'retrying' ? 'retried' : 'failed';
      aggregates.forward(endpointId, when, outcome, attempt.status !== null ? attempt.ms : null);
      if (outcome !== 'delivered')
        aggregates.error({
          at: new Date(when).toISOString(),
          kind: 'forward',
          message: `Forward ${outcome === 'retried' ? `attempt ${attempt.attempt} of ${attempt.maxAttempts}` : 'gave up'}: ${
            attempt.error ?? `HTTP ${attempt.status}`
          }`,
          captureId: attempt.captureId,
          endpointId,
        });
      if (outcome !== 'retried')
        alerts.forwardSettled(attempt.captureId, endpointId, when, outcome === 'delivered', attempt.error);
      changed();
    }),
  ];

  // Captures arriving within one millisecond share their receivedAt text: parse it once.
  let lastReceivedAt = '';
  let lastArrivalMs = Number.NaN;
  const arrivalMs = (receivedAt: string): number => {
    if (receivedAt !== lastReceivedAt) {
      lastReceivedAt = receivedAt;
      lastArrivalMs = Date.parse(receivedAt);
    }
    return lastArrivalMs;
  };

  const handlers: HealthMethods = {
    async getHealth(query = {}) {
      if (typeof query !== 'object' || query === null)
        throw new HooklensError('invalid_argument', 'The query must be an object.');
      const endpointId = typeof query.endpointId === 'string' && query.endpointId !== '' ? query.endpointId : null;
      const report: HealthReport = {
        ...aggregates.report(endpointId, typeof query.minutes === 'number' ? query.minutes : 60),
        recentAlerts: alerts.recent(endpointId),
      };
      return report;
    },
    async getHealthBuckets(endpointId) {
      const id = typeof endpointId === 'string' && endpointId !== '' ? endpointId : null;
      return { ...aggregates.buckets(id), recentAlerts: alerts.recent(id) };
    },
    async getHealthSettings() {
      return settings();
    },
    async updateHealthSettings(patch) {
      if (typeof patch !== 'object' || patch === null)
        throw new HooklensError('invalid_argument', 'Settings must be an object.');
      const clean: Partial<HealthSettings> = {};
      if (patch.alertsEnabled !== undefined) clean.alertsEnabled = patch.alertsEnabled === true;
      if (patch.invalidPerMinute !== undefined)
        clean.invalidPerMinute = positiveInt(patch.invalidPerMinute, 'The signature failure threshold');
      if (patch.forwardFailuresInRow !== undefined)
        clean.forwardFailuresInRow = positiveInt(patch.forwardFailuresInRow, 'The forward failure threshold');
      const next = await deps.settings.update('health', clean);
      events.emit('health:settings-changed', next);
      return next;
    },
  };

  return {
    aggregates,
    handlers,
    captureStore: (inner) => ({
      add(record) {
        if (!classify(record)) return inner.add(record);
        return inner.add(record).catch((err: unknown) => {
          // Not stored: the sender retries, and the retry must not look like a duplicate of nothing.
          duplicates.remove([record.id]);
          throw err;
        });
      },
    }),
    onCapture(record) {
      const h = record.health;
      const at = arrivalMs(record.receivedAt);
      aggregates.delivery({ at, endpointId: record.endpointId, verdict: h?.verdict, duplicate: !!h?.duplicateOf });
      if (h?.verdict === 'invalid')
        aggregates.error({
          at: record.receivedAt,
          kind: 'signature',
          message: `Invalid ${h.provider ?? ''} signature${h.reason ? `: ${h.reason}` : ''}`,
          captureId: record.id,
          endpointId: record.endpointId,
        });
      if (h) alerts.verdict(record.id, record.endpointId, at, h.verdict, h.reason);
      changed();
    },
    onRefused(refusal, via) {
      const entry: RefusalEntry = {
        at: new Date(now()).toISOString(),
        status: refusal.status,
        error: refusal.error,
        message: refusal.message,
        via,
      };
      aggregates.refusal(entry);
      changed();
    },
    idle: () => queue,
    async close() {
      for (const off of offs) off();
      if (timer) clearTimeout(timer);
      timer = undefined;
      await queue;
    },
  };
}
