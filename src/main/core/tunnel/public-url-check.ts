/*
 * Keeps "Online" honest: while a tunnel session is up, its public URL is probed end to end
 * (tunnel-probe.ts) when it comes online, then every `intervalMs` while no request comes through
 * the tunnel (a request that does is evidence enough, and the next probe waits a full interval
 * after it). A failed probe is retried after `retryMs`; two failures in a row end the session.
 */
import type { TunnelCheck } from '../../../shared/api/tunnel';
import type { CaptureRecord } from '../../../shared/capture';
import type { CoreService } from '../service';
import { probePublicUrl, type ProbeResult, type TunnelProbeRoute } from './tunnel-probe';

export interface SelfCheckTiming {
  intervalMs: number;
  /** Limit for one probe's answer. */
  timeoutMs: number;
  /** Delay before the probe that confirms a failure. */
  retryMs: number;
}

export const DEFAULT_SELF_CHECK: SelfCheckTiming = { intervalMs: 30_000, timeoutMs: 10_000, retryMs: 5_000 };

export const FAILURES_BEFORE_RECONNECT = 2;

export interface CheckedSession {
  url: string;
  host: string;
  /** Every check, passed or failed. */
  onCheck(check: TunnelCheck): void;
  /** Two probes failed in a row; checking has stopped. */
  onUnreachable(reason: string): void;
}

/** A core service without methods of its own: it sees captures to know when the tunnel is busy. */
export interface PublicUrlChecker extends CoreService<Record<string, never>> {
  /** Starts checking a session that just came online (stops any earlier one). */
  start(session: CheckedSession): void;
  stop(): void;
  /** Probes now (or joins the probe in flight). Null when no session is being checked. */
  checkNow(): Promise<TunnelCheck | null>;
  /** A request came through the tunnel. */
  noteRequest(): void;
  onCapture(record: CaptureRecord): void;
}

export function createPublicUrlChecker(route: TunnelProbeRoute, timing: SelfCheckTiming): PublicUrlChecker {
  let session: CheckedSession | null = null;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<TunnelCheck | null> | null = null;
  let abort: AbortController | null = null;
  let failures = 0;
  let lastRequestAt = 0;
  // Under load a tunnelled request arrives many times a second; the badge needs one every few seconds.
  let reportedRequestAt = 0;

  const clearTimer = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const schedule = (delay: number): void => {
    clearTimer();
    timer = setTimeout(onTimer, Math.max(0, delay));
    timer.unref();
  };

  const onTimer = (): void => {
    timer = null;
    if (!session) return;
    const sinceRequest = Date.now() - lastRequestAt;
    if (failures === 0 && sinceRequest < timing.intervalMs) return schedule(timing.intervalMs - sinceRequest);
    void checkNow();
  };

  const record = (s: CheckedSession, result: ProbeResult): TunnelCheck => {
    failures = result.ok ? 0 : failures + 1;
    return {
      at: new Date().toISOString(),
      by: 'probe',
      ok: result.ok,
      ms: result.ok ? result.ms : null,
      reason: result.ok ? null : result.reason,
      failures,
    };
  };

  const checkNow = (): Promise<TunnelCheck | null> => {
    const s = session;
    if (!s) return Promise.resolve(null);
    if (inFlight) return inFlight;
    clearTimer();
    abort = new AbortController();
    const probe = probePublicUrl({
      publicUrl: s.url,
      tunnelHost: s.host,
      route,
      timeoutMs: timing.timeoutMs,
      signal: abort.signal,
    });
    inFlight = probe.then((result) => {
      inFlight = null;
      abort = null;
      if (session !== s) return null;
      const check = record(s, result);
      s.onCheck(check);
      if (session !== s) return check;
      if (!check.ok && failures >= FAILURES_BEFORE_RECONNECT) {
        session = null;
        s.onUnreachable(check.reason ?? 'no answer');
      } else {
        schedule(check.ok ? timing.intervalMs : Math.min(timing.retryMs, timing.intervalMs));
      }
      return check;
    });
    return inFlight;
  };

  const checker: PublicUrlChecker = {
    handlers: {},
    start(next) {
      checker.stop();
      session = next;
      failures = 0;
      lastRequestAt = 0;
      reportedRequestAt = 0;
      void checkNow();
    },
    stop() {
      session = null;
      clearTimer();
      abort?.abort();
      abort = null;
      inFlight = null;
    },
    checkNow,
    noteRequest() {
      const s = session;
      if (!s || inFlight) return;
      lastRequestAt = Date.now();
      // A failing streak is not cleared by traffic: only a probe decides it (the answer may never get back).
      if (failures > 0 || lastRequestAt - reportedRequestAt < 5_000) return;
      reportedRequestAt = lastRequestAt;
      s.onCheck({
        at: new Date(lastRequestAt).toISOString(),
        by: 'request',
        ok: true,
        ms: null,
        reason: null,
        failures: 0,
      });
    },
    onCapture(record) {
      if (record.via === 'tunnel') checker.noteRequest();
    },
    async close() {
      checker.stop();
    },
  };
  return checker;
}
