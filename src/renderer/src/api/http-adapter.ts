/*
 * Browser mode: calls go to POST /api/call/<method> with the access key (token); events arrive over
 * one EventSource. The key comes from the address printed at start, is kept in sessionStorage and
 * removed from the address bar so it does not end up in screenshots or history. `hooklens serve`
 * keeps the same key across restarts, so the event stream's own reconnection brings a tab back.
 *
 * Connection states: `connected`, `disconnected` (the server is away; EventSource retries by
 * itself) and `denied` (the server answered 403: the key is missing, wrong or was rotated). A
 * denied tab cannot recover without the current address, so nothing is retried then.
 */
import { API_METHOD_NAMES, type ApiEventName, type HooklensClient, type HooklensEvents } from '../../../shared/api';
import type { ApiOutcome } from '../../../shared/api/transport';
import { HooklensError } from '../../../shared/errors';
import { unwrapOutcome } from './unwrap';

const TOKEN_KEY = 'hooklens.token';
// A stream the browser gave up on (an answer other than 200 that was not a 403) is reopened after this.
const REOPEN_MS = 2_000;

export type ConnectionState = 'connected' | 'disconnected' | 'denied';

const KEEPALIVE_MAX_CHARS = 60_000;

export function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function createHttpClient(
  initialToken: string,
  onConnectionChange?: (state: ConnectionState) => void,
): HooklensClient {
  type Listener = (payload: unknown) => void;
  const listeners = new Map<ApiEventName, Set<Listener>>();
  let token = initialToken;
  let source: EventSource | null = null;
  let denied = false;
  let reported: ConnectionState | null = null;

  const report = (state: ConnectionState): void => {
    if (denied || state === reported) return;
    if (state === 'denied') {
      denied = true;
      source?.close();
      source = null;
    }
    reported = state;
    onConnectionChange?.(state);
  };

  /** After the stream failed for good: is it the key, or the server? */
  const diagnose = async (): Promise<void> => {
    try {
      const res = await fetch('/api/call/getStatus', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Hooklens-Token': token },
        body: '{"args":[]}',
      });
      if (res.status === 403) return report('denied');
    } catch {
      // Not reachable: stay disconnected and try again.
    }
    setTimeout(openStream, REOPEN_MS);
  };

  const openStream = (): void => {
    if (denied) return;
    source?.close();
    const es = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source = es;
    es.addEventListener('hooklens', (e) => {
      let parsed: [ApiEventName, unknown];
      try {
        parsed = JSON.parse((e as MessageEvent<string>).data) as [ApiEventName, unknown];
      } catch {
        return;
      }
      for (const l of listeners.get(parsed[0]) ?? []) l(parsed[1]);
    });
    es.addEventListener('open', () => report('connected'));
    es.addEventListener('error', () => {
      if (source !== es) return;
      report('disconnected');
      // CONNECTING: the browser retries by itself (server away). CLOSED: it gave up (e.g. 403).
      if (es.readyState === EventSource.CLOSED) {
        source = null;
        void diagnose();
      }
    });
  };

  const client: Record<string, unknown> = {
    on<E extends ApiEventName>(event: E, listener: (payload: HooklensEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      return () => set.delete(listener as Listener);
    },
  };
  for (const method of API_METHOD_NAMES) {
    client[method] = async (...args: unknown[]) => {
      let res: Response;
      const body = JSON.stringify({ args });
      try {
        res = await fetch(`/api/call/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Hooklens-Token': token },
          body,
          // A call made as the page goes (a delete committed on close or reload) still reaches the
          // core; browsers refuse keepalive for bodies above 64 KiB.
          keepalive: body.length < KEEPALIVE_MAX_CHARS,
        });
      } catch {
        throw new HooklensError('internal', 'Hooklens is not reachable: is `hooklens serve` still running?');
      }
      let outcome: ApiOutcome;
      try {
        outcome = (await res.json()) as ApiOutcome;
      } catch {
        throw new HooklensError('internal', `Unexpected answer from Hooklens (HTTP ${res.status}).`);
      }
      if (res.status === 403) report('denied');
      const value = unwrapOutcome(outcome);
      if (method === 'rotateUiToken') {
        // This tab goes on with the new key; the server has ended the stream opened with the old one.
        const next = new URL((value as { uiUrl: string }).uiUrl).searchParams.get('token');
        if (next) {
          token = next;
          sessionStorage.setItem(TOKEN_KEY, next);
          openStream();
        }
      }
      return value;
    };
  }
  if (token) openStream();
  else queueMicrotask(() => report('denied'));
  return client as unknown as HooklensClient;
}
