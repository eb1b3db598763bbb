/*
 * Browser mode: calls go to POST /api/call/<method> with the launch token; events arrive over one
 * EventSource. The token comes from the URL printed at start, is kept in sessionStorage and removed
 * from the address bar so it does not end up in screenshots or history.
 */
import { API_METHOD_NAMES, type ApiEventName, type HooklensClient, type HooklensEvents } from '../../../shared/api';
import type { ApiOutcome } from '../../../shared/api/transport';
import { HooklensError } from '../../../shared/errors';
import { unwrapOutcome } from './unwrap';

const TOKEN_KEY = 'hooklens.token';

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

export function createHttpClient(token: string, onConnectionChange?: (connected: boolean) => void): HooklensClient {
  type Listener = (payload: unknown) => void;
  const listeners = new Map<ApiEventName, Set<Listener>>();
  const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
  source.addEventListener('hooklens', (e) => {
    let parsed: [ApiEventName, unknown];
    try {
      parsed = JSON.parse((e as MessageEvent<string>).data) as [ApiEventName, unknown];
    } catch {
      return;
    }
    for (const l of listeners.get(parsed[0]) ?? []) l(parsed[1]);
  });
  source.addEventListener('open', () => onConnectionChange?.(true));
  source.addEventListener('error', () => onConnectionChange?.(false));

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
      return unwrapOutcome(outcome);
    };
  }
  return client as unknown as HooklensClient;
}
