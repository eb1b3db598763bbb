/*
 * Opening one tunnel connection. Asked for no particular name, a server normally chooses one, but
 * some self-hosted ones answer `/?new` with a page instead: a generated name is asked for then.
 */
import { randomBytes } from 'node:crypto';
import { openTunnelConnection, type OpenTunnelOptions, type TunnelConnection } from './tunnel-connection';
import { TunnelAttemptError } from './tunnel-info';

/** A name for servers that cannot choose one themselves (some self-hosted ones answer /?new with a page). */
export function generateSubdomain(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(10);
  let suffix = '';
  for (const b of bytes) suffix += alphabet[b % alphabet.length];
  return `hooklens-${suffix}`;
}

export async function openTunnelWithFallback(opts: OpenTunnelOptions): Promise<TunnelConnection> {
  try {
    return await openTunnelConnection(opts);
  } catch (err) {
    const serverCannotChoose =
      opts.subdomain === null && err instanceof TunnelAttemptError && err.kind === 'refused' && (err.status ?? 0) < 400;
    if (!serverCannotChoose) throw err;
    return openTunnelConnection({ ...opts, subdomain: generateSubdomain() });
  }
}
