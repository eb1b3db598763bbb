/*
 * The capture path with webhook health in it, as the core wires it: each record classified before
 * the store write (provider, event, id, Stripe verdict with a stored secret, duplicate check), and
 * the aggregates and alerts updated after it.
 */
import type { CaptureRecord } from '../../src/shared/capture';
import { DEFAULT_SETTINGS, type Settings, type SettingsSection } from '../../src/shared/settings';
import { createCoreEvents } from '../../src/main/core/events';
import { createHealthService, type HealthService } from '../../src/main/core/health';
import type { CaptureStore } from '../../src/main/core/store/types';

export const BENCH_STRIPE_SECRET = 'whsec_bench_health_0123456789abcdef';

/** With `withSecret`, a Stripe secret is stored for every endpoint, so Stripe captures are verified. */
export function benchHealthService(store: CaptureStore, withSecret = true): HealthService {
  const settings: Settings = structuredClone(DEFAULT_SETTINGS);
  return createHealthService({
    store,
    events: createCoreEvents(),
    secrets: (_endpointId, providerId) => (withSecret && providerId === 'stripe' ? BENCH_STRIPE_SECRET : undefined),
    settings: {
      section: <S extends SettingsSection>(name: S) => settings[name],
      update: async <S extends SettingsSection>(name: S, patch: Partial<Settings[S]>) =>
        Object.assign(settings[name], patch),
    },
  });
}

export function withHealth(
  store: CaptureStore,
  withSecret: boolean,
): { store: Pick<CaptureStore, 'add'>; onCaptured: (r: CaptureRecord) => void } {
  const health = benchHealthService(store, withSecret);
  return { store: health.captureStore(store), onCaptured: (r) => health.onCapture(r) };
}
