/*
 * The public URL's lifecycle: settings (saved, with command-line overrides on top), the state
 * machine announced as `tunnel:changed`, and reconnection with backoff for as long as the tunnel is
 * enabled.
 *
 * Every attempt carries the `generation` it was started in; turning the tunnel off, changing its
 * settings or "Reconnect now" bump the generation, so a late answer from an abandoned attempt closes
 * itself instead of touching the state.
 *
 * When the user did not ask for a subdomain, the one the server gave is asked for again on every
 * reconnect, on off/on and after a restart (it is kept in the data directory, tunnel-memory.ts): the
 * URL pasted into a provider's webhook settings then survives whenever the server still has the
 * name free. When it does not, `urlChanged` says so, after a restart too.
 *
 * While online, the public URL is checked end to end (public-url-check.ts); two failed probes end
 * the session and it reconnects like any other loss.
 */
import type { TunnelSettings } from '../../../shared/settings';
import { HooklensError } from '../../../shared/errors';
import { OFF_TUNNEL_STATUS, type TunnelMethods, type TunnelState, type TunnelStatus } from '../../../shared/api/tunnel';
import type { CoreEvents } from '../events';
import type { CoreService } from '../service';
import type { SettingsStore } from '../settings/settings-store';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import type { PublicUrlChecker } from './public-url-check';
import { createTunnelSettingsState } from './tunnel-settings-state';
import { DEFAULT_TIMING, type TunnelConnection, type TunnelTiming } from './tunnel-connection';
import { memoryOnlyTunnelMemory, type TunnelMemory } from './tunnel-memory';
import { openTunnelWithFallback } from './tunnel-open';
import { TunnelAttemptError } from './tunnel-info';
import { normalizeSubdomain, normalizeTunnelHost, validateTunnelPatch } from './tunnel-settings';

export interface TunnelServiceDeps {
  settings: SettingsStore;
  /** Loopback port that receives tunnelled requests (the capture listener's tunnel port). */
  targetPort: number;
  events: CoreEvents;
  /** From the command line (--tunnel-host, --subdomain, --no-tunnel); they win until changed in the UI. */
  overrides?: Partial<TunnelSettings>;
  log?: (line: string) => void;
  timing?: Partial<TunnelTiming>;
  backoff?: Partial<BackoffOptions>;
  /** Probes the public URL while online (public-url-check.ts); without it nothing is probed. */
  checker?: PublicUrlChecker;
  /** Where the last public URL is kept between runs (tunnel.json in the data directory). */
  memory?: TunnelMemory;
  /** How long failing reconnects show `reconnecting` before `error` (default 30 s). */
  reconnectingBeforeErrorMs?: number;
}

export interface TunnelService extends CoreService<TunnelMethods> {
  status(): TunnelStatus;
  /** Starts connecting when enabled; resolves at once, without waiting for the tunnel. */
  start(): Promise<void>;
}

// localtunnel servers free a name about 1 s after its last socket closes.
const RELEASE_WAIT_MS = 1_500;
const MAX_RELEASE_WAITS = 3;
// How long reconnect attempts may keep failing while shown as `reconnecting` before the state says
// `error`: a server restart or a short network drop is over well within it.
const RECONNECTING_BEFORE_ERROR_MS = 30_000;

function sameStatus(a: TunnelStatus, b: TunnelStatus): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

export function createTunnelService(deps: TunnelServiceDeps): TunnelService {
  const { settings, targetPort, events } = deps;
  const log = (line: string): void => deps.log?.(`tunnel: ${line}`);
  const timing: TunnelTiming = { ...DEFAULT_TIMING, ...deps.timing };
  const backoff: BackoffOptions = { ...DEFAULT_BACKOFF, ...deps.backoff };
  const tunnelSettings = createTunnelSettingsState(settings, deps.overrides);
  const { effective } = tunnelSettings;
  const memory = deps.memory ?? memoryOnlyTunnelMemory();
  const checker = deps.checker ?? null;

  let status: TunnelStatus = { ...OFF_TUNNEL_STATUS, host: effective().host };
  let generation = 0;
  let conn: TunnelConnection | null = null;
  let attemptAbort: AbortController | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let closed = false;
  let remembering: Promise<void> = Promise.resolve();
  // Per enable cycle: decides between `connecting` and `reconnecting`.
  let everOnline = false;
  // Kept across reconnects and off/on; reset when the host or subdomain setting changes.
  let stickySubdomain: string | null = null;
  let lastOnlineUrl: string | null = null;
  // Id of the last session that was online, and how often we waited for the server to free it.
  let previousId: string | null = null;
  // The last run's URL: asked for again (the server may still hold it for a moment after a quick restart).
  const recalled = memory.recall();
  if (recalled) {
    try {
      if (normalizeTunnelHost(recalled.host) === normalizeTunnelHost(effective().host)) {
        stickySubdomain = recalled.subdomain;
        lastOnlineUrl = recalled.url;
        previousId = recalled.subdomain;
      }
    } catch {
      // A host that is not a URL: runAttempt reports it; nothing to recall.
    }
  }
  let releaseWaits = 0;
  // When the attempts now failing began to fail (null while online or before the first failure).
  let failingSince: number | null = null;
  let lastLoggedReason: string | null = null;

  const setStatus = (next: TunnelStatus): void => {
    if (sameStatus(status, next)) return;
    status = next;
    events.emit('tunnel:changed', { ...status });
  };

  /** Stops whatever is in flight: pending retry, running attempt, open connection. */
  const halt = (): void => {
    generation += 1;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    attemptAbort?.abort();
    attemptAbort = null;
    checker?.stop();
    conn?.close();
    conn = null;
  };

  const connectNow = (state: TunnelState, keepUrl: boolean): void => {
    halt();
    releaseWaits = 0;
    const gen = generation;
    setStatus({
      ...status,
      state,
      url: keepUrl ? status.url : null,
      reason: null,
      attempt: 0,
      nextRetryAt: null,
      host: effective().host,
      check: null,
    });
    void runAttempt(gen);
  };

  const beginCycle = (): void => {
    everOnline = false;
    failingSince = null;
    setStatus({ ...status, subdomainMismatch: null, attempt: 0 });
    log(`connecting to ${effective().host}`);
    connectNow('connecting', false);
  };

  const stop = (): void => {
    halt();
    everOnline = false;
    setStatus({ ...OFF_TUNNEL_STATUS, host: effective().host, urlChanged: status.urlChanged });
  };

  const scheduleRetry = (gen: number, state: TunnelState, reason: string, attempt: number): void => {
    const delay = backoffDelay(attempt, backoff);
    setStatus({
      ...status,
      state,
      reason,
      attempt,
      url: everOnline ? status.url : null,
      nextRetryAt: new Date(Date.now() + delay).toISOString(),
      check: null,
    });
    // Hours offline would otherwise log a line every 30 s; say it when it changes, then now and then.
    if (reason !== lastLoggedReason || attempt <= 3 || attempt % 20 === 0) {
      lastLoggedReason = reason;
      log(`${reason}; next try in ${formatSeconds(delay)} (attempt ${attempt})`);
    }
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (gen !== generation || closed) return;
      setStatus({ ...status, nextRetryAt: null });
      void runAttempt(gen);
    }, delay);
    retryTimer.unref();
  };

  const waitForRelease = (gen: number, name: string): void => {
    log(`${name} is still held by the server; asking again in ${formatSeconds(RELEASE_WAIT_MS)}`);
    setStatus({ ...status, reason: `Waiting for the server to release ${name}` });
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (gen !== generation || closed) return;
      void runAttempt(gen);
    }, RELEASE_WAIT_MS);
    retryTimer.unref();
  };

  const onOnline = (gen: number, c: TunnelConnection, requested: string, startedAt: number): void => {
    conn = c;
    attemptAbort = null;
    everOnline = true;
    failingSince = null;
    previousId = c.id;
    releaseWaits = 0;
    lastLoggedReason = null;
    if (!requested) stickySubdomain = c.id;
    const urlChanged = lastOnlineUrl && lastOnlineUrl !== c.url ? { previous: lastOnlineUrl } : status.urlChanged;
    lastOnlineUrl = c.url;
    const host = effective().host;
    // Closing waits for this write: a quit right after connecting must still find the URL next start.
    remembering = memory.remember({ host, subdomain: c.id, url: c.url }).catch((err: unknown) => {
      log(`could not remember the public URL for the next start: ${err instanceof Error ? err.message : String(err)}`);
    });
    setStatus({
      ...status,
      state: 'online',
      url: c.url,
      reason: null,
      subdomainMismatch: requested && c.id !== requested ? { requested, received: c.id } : null,
      attempt: 0,
      nextRetryAt: null,
      urlChanged: urlChanged && urlChanged.previous !== c.url ? urlChanged : null,
      check: null,
    });
    log(`online at ${c.url} (${Date.now() - startedAt} ms)`);
    const lost = (reason: string): void => {
      if (gen !== generation || conn !== c || closed) return;
      conn = null;
      checker?.stop();
      c.close();
      log(`lost: ${reason}; reconnecting`);
      // The first try after a loss goes at once: most drops are short; backoff starts if it fails.
      setStatus({ ...status, state: 'reconnecting', reason, nextRetryAt: null, check: null });
      void runAttempt(gen);
    };
    c.onLost(lost);
    checker?.start({
      url: c.url,
      host,
      onCheck: (check) => {
        if (gen !== generation || conn !== c || closed) return;
        if (!check.ok) log(`public URL check failed: ${check.reason}`);
        setStatus({ ...status, check });
      },
      onUnreachable: (reason) => lost(`Public URL unreachable (${reason})`),
    });
  };

  const runAttempt = async (gen: number): Promise<void> => {
    const startedAt = Date.now();
    const wanted = effective();
    let host: string;
    let requested: string;
    try {
      host = normalizeTunnelHost(wanted.host);
      requested = normalizeSubdomain(wanted.subdomain);
    } catch (err) {
      // A bad value from the settings file or the command line: retrying cannot help.
      const reason = `${err instanceof Error ? err.message : String(err)} Change it in the tunnel settings.`;
      setStatus({ ...status, state: 'error', url: null, reason, nextRetryAt: null });
      log(reason);
      return;
    }
    const abort = new AbortController();
    attemptAbort = abort;
    try {
      const ask = requested || stickySubdomain || null;
      const c = await openTunnelWithFallback({
        host,
        subdomain: ask,
        localPort: targetPort,
        timing,
        signal: abort.signal,
      });
      if (gen !== generation || closed) {
        c.close();
        return;
      }
      if (ask && c.id !== ask && ask === previousId && releaseWaits < MAX_RELEASE_WAITS) {
        // The name is most likely still held by our own previous session: servers keep a tunnel for
        // about a second after its last socket closes. Give it back and ask again shortly rather than
        // settle for a new URL the user would have to paste everywhere again.
        c.close();
        releaseWaits += 1;
        attemptAbort = null;
        waitForRelease(gen, ask);
        return;
      }
      onOnline(gen, c, requested, startedAt);
    } catch (err) {
      if (gen !== generation || closed) return;
      attemptAbort = null;
      const refused = err instanceof TunnelAttemptError && err.kind === 'refused';
      const reason = err instanceof Error ? err.message : String(err);
      const attempt = status.attempt + 1;
      failingSince ??= Date.now();
      // Never online in this cycle, or down for a while: say so rather than keep "connecting" forever.
      const longDown = Date.now() - failingSince >= (deps.reconnectingBeforeErrorMs ?? RECONNECTING_BEFORE_ERROR_MS);
      const state: TunnelState = refused || !everOnline || longDown ? 'error' : 'reconnecting';
      scheduleRetry(gen, state, reason, attempt);
    }
  };

  const view = tunnelSettings.view;

  const applyEnabled = (enabled: boolean): void => {
    if (closed) return;
    if (!enabled) {
      if (status.state !== 'off') log('turned off');
      stop();
    } else if (status.state === 'off') {
      beginCycle();
    }
  };

  const handlers: TunnelMethods = {
    async getTunnelStatus() {
      return { ...status };
    },

    async setTunnelEnabled(enabled) {
      if (typeof enabled !== 'boolean') throw new HooklensError('invalid_argument', '"enabled" must be true or false.');
      const saving = tunnelSettings.save({ enabled });
      applyEnabled(enabled);
      await saving;
      return { ...status };
    },

    async reconnectTunnel() {
      if (closed || !effective().enabled || status.state === 'off') {
        throw new HooklensError('invalid_argument', 'The tunnel is off: turn it on first.');
      }
      log('reconnecting on request');
      connectNow(everOnline ? 'reconnecting' : 'connecting', everOnline);
      return { ...status };
    },

    async getTunnelSettings() {
      return view();
    },

    async updateTunnelSettings(rawPatch) {
      const patch = validateTunnelPatch(rawPatch);
      const before = effective();
      const saving = tunnelSettings.save(patch);
      const after = effective();
      const targetChanged = before.host !== after.host || before.subdomain !== after.subdomain;
      if (targetChanged) {
        stickySubdomain = null;
        lastOnlineUrl = null;
        setStatus({ ...status, urlChanged: null, subdomainMismatch: null, host: after.host });
      }
      if (patch.enabled === false) applyEnabled(false);
      else if (after.enabled && !closed && (status.state === 'off' ? patch.enabled === true : targetChanged))
        beginCycle();
      await saving;
      return view();
    },

    async dismissTunnelUrlChange() {
      setStatus({ ...status, urlChanged: null });
      return { ...status };
    },

    async testTunnel() {
      if (status.state !== 'online' || !checker) {
        throw new HooklensError('invalid_argument', 'The tunnel is not online: there is no public URL to test.');
      }
      await checker.checkNow();
      return { ...status };
    },
  };

  return {
    handlers,
    status: () => ({ ...status }),
    async start() {
      if (closed) return;
      if (effective().enabled) {
        if (status.state === 'off') beginCycle();
      } else {
        setStatus({ ...OFF_TUNNEL_STATUS, host: effective().host });
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      halt();
      status = { ...OFF_TUNNEL_STATUS, host: status.host };
      await remembering;
    },
  };
}
