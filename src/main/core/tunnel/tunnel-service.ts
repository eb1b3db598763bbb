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
 * reconnect: the URL pasted into a provider's webhook settings then survives a server restart or a
 * network drop whenever the server still has the name free. When it does not, `urlChanged` says so.
 */
import { randomBytes } from 'node:crypto';
import type { TunnelSettings } from '../../../shared/settings';
import { HooklensError } from '../../../shared/errors';
import {
  OFF_TUNNEL_STATUS,
  type TunnelMethods,
  type TunnelSettingsView,
  type TunnelState,
  type TunnelStatus,
} from '../../../shared/api/tunnel';
import type { CoreEvents } from '../events';
import type { CoreService } from '../service';
import type { SettingsStore } from '../settings/settings-store';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { DEFAULT_TIMING, openTunnelConnection, type TunnelConnection, type TunnelTiming } from './tunnel-connection';
import { TunnelAttemptError } from './tunnel-info';
import {
  applyOverrides,
  normalizeSubdomain,
  normalizeTunnelHost,
  overriddenKeys,
  validateTunnelPatch,
} from './tunnel-settings';

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
}

export interface TunnelService extends CoreService<TunnelMethods> {
  status(): TunnelStatus;
  /** Starts connecting when enabled; resolves at once, without waiting for the tunnel. */
  start(): Promise<void>;
}

/** A name for servers that cannot choose one themselves (some self-hosted ones answer /?new with a page). */
export function generateSubdomain(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(10);
  let suffix = '';
  for (const b of bytes) suffix += alphabet[b % alphabet.length];
  return `hooklens-${suffix}`;
}

// localtunnel servers free a name about 1 s after its last socket closes.
const RELEASE_WAIT_MS = 1_500;
const MAX_RELEASE_WAITS = 3;

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
  let overrides: Partial<TunnelSettings> = {};
  for (const key of overriddenKeys(deps.overrides ?? {})) {
    overrides = { ...overrides, [key]: deps.overrides?.[key] };
  }

  const effective = (): TunnelSettings => applyOverrides(settings.section('tunnel'), overrides);

  let status: TunnelStatus = { ...OFF_TUNNEL_STATUS, host: effective().host };
  let generation = 0;
  let conn: TunnelConnection | null = null;
  let attemptAbort: AbortController | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let closed = false;
  // Per enable cycle: decides between `connecting` and `reconnecting`.
  let everOnline = false;
  // Kept across reconnects and off/on; reset when the host or subdomain setting changes.
  let stickySubdomain: string | null = null;
  let lastOnlineUrl: string | null = null;
  // Id of the last session that was online, and how often we waited for the server to free it.
  let previousId: string | null = null;
  let releaseWaits = 0;
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
    });
    void runAttempt(gen);
  };

  const beginCycle = (): void => {
    everOnline = false;
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
      url: state === 'reconnecting' ? status.url : null,
      nextRetryAt: new Date(Date.now() + delay).toISOString(),
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
    previousId = c.id;
    releaseWaits = 0;
    lastLoggedReason = null;
    if (!requested) stickySubdomain = c.id;
    const urlChanged = lastOnlineUrl && lastOnlineUrl !== c.url ? { previous: lastOnlineUrl } : status.urlChanged;
    lastOnlineUrl = c.url;
    setStatus({
      ...status,
      state: 'online',
      url: c.url,
      reason: null,
      subdomainMismatch: requested && c.id !== requested ? { requested, received: c.id } : null,
      attempt: 0,
      nextRetryAt: null,
      urlChanged: urlChanged && urlChanged.previous !== c.url ? urlChanged : null,
    });
    log(`online at ${c.url} (${Date.now() - startedAt} ms)`);
    c.onLost((reason) => {
      if (gen !== generation || conn !== c || closed) return;
      conn = null;
      log(`lost: ${reason}; reconnecting`);
      // The first try after a loss goes at once: most drops are short; backoff starts if it fails.
      setStatus({ ...status, state: 'reconnecting', reason, nextRetryAt: null });
      void runAttempt(gen);
    });
  };

  const openWithFallback = async (
    host: string,
    ask: string | null,
    signal: AbortSignal,
  ): Promise<TunnelConnection> => {
    try {
      return await openTunnelConnection({ host, subdomain: ask, localPort: targetPort, timing, signal });
    } catch (err) {
      const serverCannotChoose =
        ask === null && err instanceof TunnelAttemptError && err.kind === 'refused' && (err.status ?? 0) < 400;
      if (!serverCannotChoose) throw err;
      return openTunnelConnection({ host, subdomain: generateSubdomain(), localPort: targetPort, timing, signal });
    }
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
      const c = await openWithFallback(host, ask, abort.signal);
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
      const state: TunnelState = refused ? 'error' : everOnline ? 'reconnecting' : 'connecting';
      scheduleRetry(gen, state, reason, status.attempt + 1);
    }
  };

  const view = (): TunnelSettingsView => ({ settings: effective(), overridden: overriddenKeys(overrides) });

  const persist = async (patch: Partial<TunnelSettings>): Promise<void> => {
    try {
      await settings.update('tunnel', patch);
    } catch (err) {
      throw new HooklensError(
        'store_failed',
        `The tunnel setting is in use but could not be saved: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  };

  const dropOverrides = (patch: Partial<TunnelSettings>): void => {
    const next = { ...overrides };
    for (const key of Object.keys(patch) as (keyof TunnelSettings)[]) delete next[key];
    overrides = next;
  };

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
      dropOverrides({ enabled });
      const saving = persist({ enabled });
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
      dropOverrides(patch);
      const saving = persist(patch);
      const after = effective();
      const targetChanged = before.host !== after.host || before.subdomain !== after.subdomain;
      if (targetChanged) {
        stickySubdomain = null;
        lastOnlineUrl = null;
        setStatus({ ...status, urlChanged: null, subdomainMismatch: null, host: after.host });
      }
      if (patch.enabled === false) applyEnabled(false);
      else if (after.enabled && !closed && (status.state === 'off' ? patch.enabled === true : targetChanged)) beginCycle();
      await saving;
      return view();
    },

    async dismissTunnelUrlChange() {
      setStatus({ ...status, urlChanged: null });
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
    },
  };
}
