import type { TunnelStatus } from '../../../../shared/api/tunnel';
import type { HooklensCore } from '../../hooklens-core';

/**
 * Resolves with the core's tunnel status once `pred` holds (now or on a later `tunnel:changed`);
 * rejects after `timeoutMs`, naming the last status seen.
 */
export function untilTunnel(
  core: HooklensCore,
  pred: (s: TunnelStatus) => boolean,
  timeoutMs = 20_000,
): Promise<TunnelStatus> {
  return new Promise((resolve, reject) => {
    const now = core.status().tunnel;
    if (pred(now)) return resolve(now);
    const timer = setTimeout(() => {
      off();
      reject(new Error(`tunnel state not reached in ${timeoutMs} ms; last: ${JSON.stringify(core.status().tunnel)}`));
    }, timeoutMs);
    const off = core.events.on('tunnel:changed', (s) => {
      if (!pred(s)) return;
      clearTimeout(timer);
      off();
      resolve(s);
    });
  });
}
