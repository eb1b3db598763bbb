/*
 * Replay: the replay settings (target, timeout, auto-forward; held once, for the Replay tab and the
 * sidebar alike), the latest auto-forward attempts, each capture's send history and the response
 * shown in its Replay tab. `replay:sent` carries the history summary, so history is never re-listed
 * after a send; an answer and its event are merged by id. A send in flight is named by a sendId
 * the slice picks, per view, so the view can show it waiting and cancel it.
 */
import type { StateCreator } from 'zustand';
import type { HooklensClient } from '../../../shared/api';
import type { CurlImportOptions, CurlSource, HarExportOptions } from '../../../shared/api/replay';
import {
  summarizeReplay,
  type ForwardAttempt,
  type HarImportResult,
  type ImportedRequest,
  type ReplayDraft,
  type ReplayHistoryEntry,
  type ReplayHistorySummary,
  type ReplaySendInput,
} from '../../../shared/replay/types';
import type { ReplaySettings } from '../../../shared/settings';
import type { AppState } from './app-state';
import { createOptimisticSaver } from './optimistic-save';

/** History key of requests that belong to no capture (imported ones). */
export const NO_CAPTURE = '';
export const FORWARD_ATTEMPTS_KEPT = 20;

export const historyKey = (captureId: string | null): string => captureId ?? NO_CAPTURE;

export interface ReplaySlice {
  replaySettings: ReplaySettings | null;
  forwardAttempts: ForwardAttempt[];
  /** Newest first, per capture id (NO_CAPTURE for imported requests); absent until loaded. */
  replayHistory: Record<string, ReplayHistorySummary[]>;
  /** The send whose response a Replay view shows, per capture id (NO_CAPTURE: the import view). */
  replayShown: Record<string, ReplayHistoryEntry>;
  /** The send each Replay view is waiting for (its sendId), per capture id (NO_CAPTURE: the import view). */
  replayPending: Record<string, string>;
  /** What the latest HAR or cURL import brought, for the import view. */
  /** `warnings` concern the file as a whole (skipped entries); each request has its own. */
  imported: { source: 'har' | 'curl'; requests: ImportedRequest[]; warnings: string[] } | null;
  loadReplaySettings(): Promise<void>;
  replaySettingsChanged(settings: ReplaySettings): void;
  /** Optimistic; rejects with the core's refusal (the last confirmed settings come back). */
  updateReplaySettings(patch: Partial<ReplaySettings>): Promise<void>;
  loadForwardAttempts(): Promise<void>;
  forwardAttempted(attempt: ForwardAttempt): void;
  /** Loads a capture's history once; `force` re-reads it (after a reconnect). */
  loadReplayHistory(captureId: string | null, force?: boolean): Promise<void>;
  replaySent(summary: ReplayHistorySummary): void;
  replayCapture(captureId: string): Promise<ReplayHistoryEntry>;
  /** `shownIn`: the Replay view (capture id, or null for the import view) that shows the answer. */
  sendReplay(input: ReplaySendInput, shownIn?: string | null): Promise<ReplayHistoryEntry>;
  /** Stops the send a Replay view waits for; its answer is then a `cancelled` outcome. */
  cancelReplay(shownIn: string | null): Promise<void>;
  /** Remembers, per endpoint, whether edited requests are re-signed. */
  setResignChoice(endpointId: string, resign: boolean): Promise<void>;
  /** Reopens one send in a Replay view. */
  openReplay(shownIn: string | null, replayId: string): Promise<void>;
  getReplayDraft(captureId: string): Promise<ReplayDraft>;
  exportCurl(source: CurlSource): Promise<string>;
  exportHar(options: HarExportOptions): Promise<string>;
  curlFiles(command: string): Promise<string[]>;
  importCurl(command: string, options?: CurlImportOptions): Promise<ImportedRequest>;
  importHar(text: string): Promise<HarImportResult>;
}

function mergeSummary(list: ReplayHistorySummary[], summary: ReplayHistorySummary): ReplayHistorySummary[] {
  if (list.some((s) => s.id === summary.id)) return list;
  return [summary, ...list].sort((a, b) => (a.sentAt < b.sentAt ? 1 : a.sentAt > b.sentAt ? -1 : 0));
}

export const createReplaySlice =
  (api: HooklensClient): StateCreator<AppState, [], [], ReplaySlice> =>
  (set, get) => {
    const saver = createOptimisticSaver<ReplaySettings, Partial<ReplaySettings>>({
      read: () => get().replaySettings,
      // Auto-forward off: its log goes (the core forgets it too; each attempt stays in the replay history).
      write: (replaySettings) =>
        set({ replaySettings, ...(replaySettings.forwardEnabled ? {} : { forwardAttempts: [] }) }),
      apply: (settings, patch) => ({ ...settings, ...patch }),
      send: (patch) => api.updateReplaySettings(patch),
    });
    const historyLoads = new Map<string, Promise<void>>();

    /**
     * Runs a send as the one `shownIn` waits for, so it can be cancelled from that view; the answer
     * is shown before the wait ends, so the view never sees neither.
     */
    const sendFrom = async (
      shownIn: string | null,
      send: (sendId: string) => Promise<ReplayHistoryEntry>,
    ): Promise<ReplayHistoryEntry> => {
      const key = historyKey(shownIn);
      const sendId = crypto.randomUUID();
      set((s) => ({ replayPending: { ...s.replayPending, [key]: sendId } }));
      try {
        const entry = await send(sendId);
        show(shownIn, entry);
        return entry;
      } finally {
        set((s) => {
          if (s.replayPending[key] !== sendId) return s;
          const rest = { ...s.replayPending };
          delete rest[key];
          return { replayPending: rest };
        });
      }
    };

    const show = (shownIn: string | null, entry: ReplayHistoryEntry): void => {
      set((s) => ({ replayShown: { ...s.replayShown, [historyKey(shownIn)]: entry } }));
      get().replaySent(summarizeReplay(entry));
    };

    return {
      replaySettings: null,
      forwardAttempts: [],
      replayHistory: {},
      replayShown: {},
      replayPending: {},
      imported: null,

      async loadReplaySettings() {
        saver.received(await api.getReplaySettings());
      },
      replaySettingsChanged(settings) {
        saver.received(settings);
      },
      updateReplaySettings: (patch) => saver.save(patch),

      async loadForwardAttempts() {
        const attempts = await api.listForwardAttempts();
        set({ forwardAttempts: attempts.slice(0, FORWARD_ATTEMPTS_KEPT) });
      },
      forwardAttempted(attempt) {
        set((s) => ({ forwardAttempts: [attempt, ...s.forwardAttempts].slice(0, FORWARD_ATTEMPTS_KEPT) }));
      },

      loadReplayHistory(captureId, force = false) {
        const key = historyKey(captureId);
        const pending = historyLoads.get(key);
        if (pending && !force) return pending;
        if (!force && get().replayHistory[key]) return Promise.resolve();
        const load = api.listReplays(captureId).then(
          (list) => {
            // Sends announced while the list was on its way are kept.
            set((s) => ({
              replayHistory: { ...s.replayHistory, [key]: (s.replayHistory[key] ?? []).reduce(mergeSummary, list) },
            }));
          },
          (err: unknown) => {
            historyLoads.delete(key);
            throw err;
          },
        );
        historyLoads.set(key, load);
        return load;
      },
      replaySent(summary) {
        const key = historyKey(summary.captureId);
        set((s) => {
          const list = s.replayHistory[key];
          if (!list) return s;
          const next = mergeSummary(list, summary);
          return next === list ? s : { replayHistory: { ...s.replayHistory, [key]: next } };
        });
      },
      replayCapture(captureId) {
        return sendFrom(captureId, (sendId) => api.replayCapture(captureId, sendId));
      },
      sendReplay(input, shownIn = input.captureId) {
        return sendFrom(shownIn, (sendId) => api.sendReplay({ ...input, sendId }));
      },
      async cancelReplay(shownIn) {
        const sendId = get().replayPending[historyKey(shownIn)];
        if (sendId) await api.cancelReplay(sendId);
      },
      setResignChoice(endpointId, resign) {
        const current = get().replaySettings?.resignByEndpoint ?? {};
        if (current[endpointId] === resign) return Promise.resolve();
        return saver.save({ resignByEndpoint: { ...current, [endpointId]: resign } });
      },
      async openReplay(shownIn, replayId) {
        const entry = await api.getReplay(replayId);
        set((s) => ({ replayShown: { ...s.replayShown, [historyKey(shownIn)]: entry } }));
      },
      getReplayDraft: (captureId) => api.getReplayDraft(captureId),
      exportCurl: (source) => api.exportCurl(source),
      exportHar: (options) => api.exportHar(options),
      curlFiles: (command) => api.curlFiles(command),
      async importCurl(command, options) {
        const result = await api.importCurl(command, options);
        set({ imported: { source: 'curl', requests: [result], warnings: [] } });
        return result;
      },
      async importHar(text) {
        const result = await api.importHar(text);
        set({ imported: { source: 'har', requests: result.requests, warnings: result.warnings } });
        return result;
      },
    };
  };
