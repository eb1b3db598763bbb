/*
 * The capture listener and tunnel options that `serve` and `listen` share, as core options
 * (overrides of the saved settings for this run only).
 */
import type { HooklensCoreOptions } from '../core/hooklens-core';
import { portOption, type ParsedOptions } from './cli-args';

export function listenerOptions(
  opts: ParsedOptions,
): Pick<HooklensCoreOptions, 'capturePort' | 'captureHost' | 'tunnel'> {
  return {
    capturePort: portOption(opts['capture-port'], 'capture-port'),
    captureHost: opts['capture-host'] as string | undefined,
    tunnel: {
      ...(opts.tunnel === false ? { enabled: false } : {}),
      ...(typeof opts['tunnel-host'] === 'string' ? { host: opts['tunnel-host'] } : {}),
      ...(typeof opts.subdomain === 'string' ? { subdomain: opts.subdomain } : {}),
    },
  };
}
