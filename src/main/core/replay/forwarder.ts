/*
 * Auto-forward: every new capture goes to the forward target as it arrives. Connection errors and
 * 5xx answers are retried with exponential backoff (base, 2×base, 4×base…) up to the configured
 * number of attempts; any other answer, 4xx included, counts as delivered: the handler saw it.
 * Each attempt is reported, so the UI can show progress while retries are pending.
 */
import type { CaptureRecord } from '../../../shared/capture';
import type { ForwardAttempt, ReplayHistoryEntry } from '../../../shared/replay/types';
import type { ReplaySettings } from '../../../shared/settings';

export interface ForwarderDeps {
  settings(): ReplaySettings;
  /** Sends the capture to the target and records it; never rejects for connection problems. */
  send(record: CaptureRecord, targetBase: string): Promise<ReplayHistoryEntry>;
  report(attempt: ForwardAttempt): void;
  /** An endpoint's own forward target, when it has one; otherwise the global one is used. */
  targetFor?: (endpointId: string) => string | null;
}

export interface Forwarder {
  onCapture(record: CaptureRecord): void;
  recent(): ForwardAttempt[];
  /** Forgets the attempts shown (auto-forward was turned off); each stays in the replay history. */
  clearRecent(): void;
  /** Stops pending retries and waits for attempts in flight. */
  close(): Promise<void>;
}

const RECENT_LIMIT = 200;

export function isRetryable(entry: ReplayHistoryEntry): boolean {
  return entry.outcome.kind === 'error' || entry.outcome.response.status >= 500;
}

export function createForwarder(deps: ForwarderDeps): Forwarder {
  const recent: ForwardAttempt[] = [];
  const running = new Set<Promise<void>>();
  const timers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
  let closed = false;

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const handle = {
        timer: setTimeout(() => {
          timers.delete(handle);
          resolve();
        }, ms),
        wake: resolve,
      };
      timers.add(handle);
    });

  async function forward(record: CaptureRecord, settings: ReplaySettings): Promise<void> {
    const maxAttempts = Math.max(1, Math.floor(settings.forwardMaxAttempts));
    const target = deps.targetFor?.(record.endpointId) ?? settings.forwardTarget;
    // Turning auto-forward off also stops the retries still waiting.
    for (
      let attempt = 1;
      attempt <= maxAttempts && !closed && (attempt === 1 || deps.settings().forwardEnabled);
      attempt += 1
    ) {
      let entry: ReplayHistoryEntry | undefined;
      let error: string | null = null;
      try {
        entry = await deps.send(record, target);
      } catch (err) {
        // Bad input (an invalid target) will not get better with retries.
        error = err instanceof Error ? err.message : String(err);
      }
      const retry = entry !== undefined && isRetryable(entry) && attempt < maxAttempts;
      const nextDelayMs = retry ? settings.forwardBaseDelayMs * 2 ** (attempt - 1) : undefined;
      const outcome = entry?.outcome;
      const report: ForwardAttempt = {
        captureId: record.id,
        endpointId: record.endpointId,
        attempt,
        maxAttempts,
        state: entry && !isRetryable(entry) ? 'delivered' : retry ? 'retrying' : 'failed',
        url: entry?.request.url ?? target,
        at: new Date().toISOString(),
        status: outcome?.kind === 'response' ? outcome.response.status : null,
        error: outcome?.kind === 'error' ? outcome.error.message : error,
        ms: entry?.ms ?? 0,
        ...(nextDelayMs !== undefined ? { nextDelayMs } : {}),
        ...(entry ? { replayId: entry.id } : {}),
      };
      recent.unshift(report);
      recent.length = Math.min(recent.length, RECENT_LIMIT);
      deps.report(report);
      if (!retry) return;
      await wait(nextDelayMs ?? 0);
    }
  }

  return {
    onCapture(record) {
      const settings = deps.settings();
      if (closed || !settings.forwardEnabled) return;
      const run = forward(record, settings).catch(() => undefined);
      running.add(run);
      void run.finally(() => running.delete(run));
    },
    recent: () => structuredClone(recent),
    clearRecent: () => void (recent.length = 0),
    async close() {
      closed = true;
      for (const t of timers) {
        clearTimeout(t.timer);
        t.wake();
      }
      timers.clear();
      await Promise.all([...running]);
    },
  };
}
