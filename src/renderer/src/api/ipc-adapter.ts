import { API_METHOD_NAMES, type HooklensClient } from '../../../shared/api';
import type { HooklensBridge } from '../../../shared/api/transport';
import { unwrapOutcome } from './unwrap';

/** Electron: `window.hooklens` from the preload returns outcomes; this turns them back into throws. */
export function createIpcClient(bridge: HooklensBridge): HooklensClient {
  const client: Record<string, unknown> = { on: bridge.on };
  for (const method of API_METHOD_NAMES) {
    const call = bridge[method] as (...args: unknown[]) => Promise<Parameters<typeof unwrapOutcome>[0]>;
    client[method] = async (...args: unknown[]) => unwrapOutcome(await call(...args));
  }
  return client as unknown as HooklensClient;
}
