/*
 * Webhook health: the list's health filters (verdict, event type, duplicates), the health view's
 * copy of the core's per-minute buckets for the scope it shows (kept current by the buckets each
 * `health:changed` carries, never re-read), alerts (in-app toasts where there is no desktop shell)
 * and the alert thresholds.
 */
import type { StateCreator } from 'zustand';
import type { HooklensClient } from '../../../shared/api';
import type { HealthAlert, HealthChanges, HealthErrorEntry, RefusalEntry } from '../../../shared/api/health';
import { ALL_SCOPE, WINDOW_MINUTES, minuteOf, type HealthBucket } from '../../../shared/health-report';
import type { HealthSettings } from '../../../shared/settings';
import { EMPTY_HEALTH_FILTERS, type HealthFilters } from '../../../shared/health-filters';
import type { AppState } from './app-state';

export {
  EMPTY_HEALTH_FILTERS,
  isHealthFilterActive,
  passesHealthFilters,
  type HealthFilters,
} from '../../../shared/health-filters';

export interface HealthData {
  /** null: all endpoints. */
  endpointId: string | null;
  countingSince: string;
  scope: Map<number, HealthBucket>;
  all: Map<number, HealthBucket>;
  refusalMessages: Record<string, string>;
  recentRefusals: RefusalEntry[];
  recentErrors: HealthErrorEntry[];
  recentAlerts: HealthAlert[];
}

export interface HealthSlice {
  healthFilters: HealthFilters;
  setHealthFilters(patch: Partial<HealthFilters>): void;
  health: HealthData | null;
  healthError: string | null;
  healthMinutes: number;
  setHealthMinutes(minutes: number): void;
  /** Opens the health view for one endpoint, or all of them (null). */
  openHealth(endpointId: string | null): Promise<void>;
  /** Loads the buckets of a scope (the view opens it; a reconnect reloads it: events may be lost). */
  loadHealth(endpointId: string | null): Promise<void>;
  healthChanged(changes: HealthChanges): void;
  /** Alerts waiting to be seen as in-app toasts (browser mode; the Electron shell notifies). */
  healthToasts: HealthAlert[];
  healthAlertRaised(alert: HealthAlert): void;
  /** Shows the capture an alert is about and dismisses its toast. */
  openHealthAlert(alert: HealthAlert): Promise<void>;
  dismissHealthToast(id: string): void;
  healthSettings: HealthSettings | null;
  healthSettingsError: string | null;
  loadHealthSettings(): Promise<void>;
  updateHealthSettings(patch: Partial<HealthSettings>): Promise<void>;
  healthSettingsChanged(settings: HealthSettings): void;
}

const RECENT = 50;

const toMap = (entries: [number, HealthBucket][]): Map<number, HealthBucket> => new Map(entries);

export const createHealthSlice =
  (api: HooklensClient): StateCreator<AppState, [], [], HealthSlice> =>
  (set, get) => {
    let seq = 0;
    return {
      healthFilters: EMPTY_HEALTH_FILTERS,
      setHealthFilters(patch) {
        set((s) => ({ healthFilters: { ...s.healthFilters, ...patch } }));
        // The core cuts the list's windows with these filters: fetch the view again.
        void get().runSearch();
      },
      health: null,
      healthError: null,
      healthMinutes: 60,
      setHealthMinutes(minutes) {
        set({ healthMinutes: Math.max(1, Math.min(WINDOW_MINUTES, Math.floor(minutes))) });
      },

      async openHealth(endpointId) {
        get().openHealthView();
        await get().loadHealth(endpointId);
      },
      async loadHealth(endpointId) {
        const mine = ++seq;
        set({ healthError: null, ...(get().health?.endpointId === endpointId ? {} : { health: null }) });
        try {
          const b = await api.getHealthBuckets(endpointId ?? undefined);
          if (mine !== seq) return;
          set({
            health: {
              endpointId,
              countingSince: b.countingSince,
              scope: toMap(b.buckets),
              all: endpointId === null ? toMap(b.buckets) : toMap(b.listener),
              refusalMessages: b.refusalMessages,
              recentRefusals: b.recentRefusals,
              recentErrors: b.recentErrors,
              recentAlerts: b.recentAlerts,
            },
          });
        } catch (err) {
          if (mine === seq) set({ healthError: (err as Error).message });
        }
      },

      healthChanged(changes) {
        const h = get().health;
        if (!h) return;
        const own = h.endpointId ?? ALL_SCOPE;
        const scope = new Map(h.scope);
        const all = h.endpointId === null ? scope : new Map(h.all);
        const oldest = minuteOf(Date.now()) - WINDOW_MINUTES;
        for (const { scope: name, minute, bucket } of changes.buckets) {
          if (name === own) scope.set(minute, bucket);
          if (name === ALL_SCOPE && h.endpointId !== null) all.set(minute, bucket);
        }
        for (const map of new Set([scope, all])) for (const m of map.keys()) if (m <= oldest) map.delete(m);
        set({
          health: {
            ...h,
            scope,
            all,
            refusalMessages: { ...h.refusalMessages, ...changes.refusalMessages },
            recentRefusals: [...[...changes.refusals].reverse(), ...h.recentRefusals].slice(0, RECENT),
            recentErrors: [...[...changes.errors].reverse(), ...h.recentErrors].slice(0, RECENT),
          },
        });
      },

      healthToasts: [],
      healthAlertRaised(alert) {
        set((s) => ({
          health: s.health
            ? { ...s.health, recentAlerts: [alert, ...s.health.recentAlerts].slice(0, RECENT) }
            : s.health,
          // In Electron the shell shows a desktop notification; a toast on top would say it twice.
          healthToasts: s.status?.mode === 'electron' ? s.healthToasts : [alert, ...s.healthToasts].slice(0, 5),
        }));
      },
      async openHealthAlert(alert) {
        get().dismissHealthToast(alert.id);
        await get().selectCapture(alert.captureId);
      },
      dismissHealthToast(id) {
        set((s) => ({ healthToasts: s.healthToasts.filter((t) => t.id !== id) }));
      },

      healthSettings: null,
      healthSettingsError: null,
      async loadHealthSettings() {
        set({ healthSettings: await api.getHealthSettings() });
      },
      async updateHealthSettings(patch) {
        set({ healthSettingsError: null });
        try {
          set({ healthSettings: await api.updateHealthSettings(patch) });
        } catch (err) {
          set({ healthSettingsError: (err as Error).message });
          throw err;
        }
      },
      healthSettingsChanged(settings) {
        set({ healthSettings: settings });
      },
    };
  };
