/*
 * The one table from core events to slice actions, and the one subscription that applies it. Each
 * event's payload is the new state (a summary, a status, a settings view), so nothing is re-queried
 * here. The mapped type makes a new event in the contract a compile error until it has a row.
 */
import type { ApiEventName, HooklensClient, HooklensEvents } from '../../../shared/api';
import type { ConnectionState } from './status-slice';
import type { AppState } from './app-state';

type EventActions = { [E in ApiEventName]: (state: AppState, payload: HooklensEvents[E]) => void };

export const EVENT_ACTIONS: EventActions = {
  'capture:added': (s, summary) => s.captureAdded(summary),
  'capture:updated': (s, summary) => s.captureUpdated(summary),
  'capture:removed': (s, { ids }) => s.capturesRemoved(ids),
  'capture:cleared': (s) => s.capturesCleared(),
  'status:changed': (s, status) => s.statusChanged(status),
  'tunnel:changed': (s, tunnel) => s.tunnelChanged(tunnel),
  'signatures:secret-changed': (s, change) => s.secretChanged(change),
  'replay:sent': (s, summary) => s.replaySent(summary),
  'replay:forward-attempt': (s, attempt) => s.forwardAttempted(attempt),
  'replay:settings-changed': (s, settings) => s.replaySettingsChanged(settings),
  'endpoints:changed': (s, endpoints) => s.endpointsChanged(endpoints),
  'app-settings:changed': (s, view) => s.appSettingsChanged(view),
  'check:started': (s, e) => s.checkStarted(e),
  'check:probe': (s, e) => s.checkProbe(e),
  'check:finished': (s, e) => s.checkFinished(e),
  'health:changed': (s, changes) => s.healthChanged(changes),
  'health:alert': (s, alert) => s.healthAlertRaised(alert),
  'health:alert-opened': (s, alert) => void s.openHealthAlert(alert),
  'health:settings-changed': (s, settings) => s.healthSettingsChanged(settings),
};

export interface ConnectOptions {
  /** Browser mode's event-stream state; after a reconnect events may have been missed. */
  onConnectionChange?(listener: (state: ConnectionState) => void): () => void;
}

/** Subscribes the store to every core event, then loads the initial state; returns the unsubscribe. */
export function connectStore(
  client: Pick<HooklensClient, 'on'>,
  store: { getState(): AppState },
  options: ConnectOptions = {},
): () => void {
  const names = Object.keys(EVENT_ACTIONS) as ApiEventName[];
  const offs = names.map((name) =>
    client.on(name, (payload) => (EVENT_ACTIONS[name] as (s: AppState, p: unknown) => void)(store.getState(), payload)),
  );
  if (options.onConnectionChange) {
    let lost = false;
    offs.push(
      options.onConnectionChange((state) => {
        store.getState().setConnection(state);
        if (state !== 'connected') lost = true;
        else if (lost) {
          lost = false;
          void store.getState().loadAll();
        }
      }),
    );
  }
  void store.getState().loadAll();
  return () => offs.forEach((off) => off());
}
