import type { SerializedError } from '../errors';
import type { HooklensClient } from './index';

/** How a call's result crosses IPC or HTTP: errors as data, so their `code` survives the trip. */
export type ApiOutcome = { ok: true; value: unknown } | { ok: false; error: SerializedError };

/** What the preload exposes as `window.hooklens`: outcome-returning methods plus `on`. */
export type HooklensBridge = {
  [K in keyof Omit<HooklensClient, 'on'>]: (...args: Parameters<HooklensClient[K]>) => Promise<ApiOutcome>;
} & Pick<HooklensClient, 'on'>;
