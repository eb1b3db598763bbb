/*
 * The last public URL, kept in the data directory (tunnel.json) so a restart asks the tunnel server
 * for the same subdomain, and can tell the user when it got another one. The file is ours but
 * user-reachable: anything unusable in it is ignored, never trusted.
 */
import path from 'node:path';
import { openJsonDocument } from '../json-document';
import { isValidSubdomain } from './tunnel-settings';

export interface RememberedTunnel {
  /** Tunnel server the URL came from; a different server means nothing to ask for. */
  host: string;
  subdomain: string;
  url: string;
}

export interface TunnelMemory {
  recall(): RememberedTunnel | null;
  remember(entry: RememberedTunnel): Promise<void>;
  readonly setAsidePath: string | null;
}

const FILE = 'tunnel.json';

interface TunnelFile {
  last: RememberedTunnel | null;
}

function usable(raw: unknown): RememberedTunnel | null {
  if (!raw || typeof raw !== 'object') return null;
  const { host, subdomain, url } = raw as Record<string, unknown>;
  if (typeof host !== 'string' || typeof subdomain !== 'string' || typeof url !== 'string') return null;
  if (!isValidSubdomain(subdomain) || !/^https?:\/\//.test(url) || url.length > 300 || host.length > 300) return null;
  return { host, subdomain, url };
}

export async function openTunnelMemory(dataDir: string): Promise<TunnelMemory> {
  const doc = await openJsonDocument<TunnelFile>(path.join(dataDir, FILE), { last: null });
  let last = usable(doc.db.data?.last);
  return {
    setAsidePath: doc.setAsidePath,
    recall: () => (last ? { ...last } : null),
    async remember(entry) {
      if (last && last.host === entry.host && last.subdomain === entry.subdomain && last.url === entry.url) return;
      last = { ...entry };
      doc.db.data = { last };
      await doc.write();
    },
  };
}

/** For tests and tools that run the service without a data directory. */
export function memoryOnlyTunnelMemory(initial: RememberedTunnel | null = null): TunnelMemory {
  let last = initial;
  return {
    setAsidePath: null,
    recall: () => (last ? { ...last } : null),
    async remember(entry) {
      last = { ...entry };
    },
  };
}
