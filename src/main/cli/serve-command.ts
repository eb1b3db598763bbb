/*
 * `hooklens serve`: starts the core and the browser-mode control server, prints the two URLs
 * (exactly one line each, scripts and tests read them), and stays up until SIGINT/SIGTERM.
 * The UI's access key is kept in the data directory (ui-access.ts): the same address works after a
 * restart until `--new-token` (or Settings) replaces it. `--print-url` prints the current address
 * and exits.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TunnelStatus } from '../../shared/api/tunnel';
import { parseOptions, portOption, type OptionSpec } from './cli-args';
import { listenerOptions } from './listener-options';
import { createHooklensCore } from '../core/hooklens-core';
import { resolveDataDir } from '../data-dir';
import { startControlServer } from '../serve';
import { loadUiToken, processAlive, readUiAccess, uiUrl, writeUiAccess } from '../ui-access';

export const DEFAULT_UI_PORT = 8786;

export const SERVE_OPTIONS: Record<string, OptionSpec> = {
  port: { kind: 'string' },
  'capture-port': { kind: 'string' },
  'capture-host': { kind: 'string' },
  'data-dir': { kind: 'string' },
  open: { kind: 'boolean' },
  tunnel: { kind: 'boolean' },
  'tunnel-host': { kind: 'string' },
  subdomain: { kind: 'string' },
  'new-token': { kind: 'boolean' },
  'print-url': { kind: 'boolean' },
};

export const SERVE_USAGE = `hooklens serve [--port N] [--capture-port N] [--capture-host H] [--data-dir DIR]
               [--no-open] [--tunnel-host URL] [--subdomain NAME] [--no-tunnel] [--new-token]
  hooklens serve --print-url [--data-dir DIR]`;

function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser opener on this machine: the printed URL is enough.
  }
}

/** `--print-url`: the address of the `hooklens serve` running on this data directory. */
export async function printUrl(dataDir: string, out: Pick<Console, 'log' | 'error'>): Promise<number> {
  const { record } = await readUiAccess(dataDir);
  if (!record?.port) {
    out.error(`No browser-mode address yet for ${dataDir}: start it with \`hooklens serve\`.`);
    return 1;
  }
  out.log(`Hooklens UI: ${uiUrl(record.port, record.token)}`);
  if (record.pid && processAlive(record.pid)) return 0;
  out.error(
    `Hooklens is not running on ${dataDir}; this address works again once \`hooklens serve\` does (on the same port).`,
  );
  return 1;
}

/** Resolves with an exit code for one-shot options, or null once the server is up (it runs until a signal). */
export async function runServe(argv: string[]): Promise<number | null> {
  const opts = parseOptions(argv, SERVE_OPTIONS);
  const dataDir = resolveDataDir(opts['data-dir'] as string | undefined);
  if (opts['print-url'] === true) return printUrl(dataDir, console);
  const access = await loadUiToken(dataDir, opts['new-token'] === true);
  const saveToken = (token: string, port: number): Promise<void> =>
    writeUiAccess(dataDir, { token, port, pid: process.pid });
  const core = await createHooklensCore({
    dataDir,
    mode: 'browser',
    ...listenerOptions(opts),
    log: (line) => console.error(line),
    dataDirHint: 'pass --data-dir',
  });
  const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
  const requestedUiPort = portOption(opts.port, 'port') ?? DEFAULT_UI_PORT;
  let control;
  try {
    control = await startControlServer({ core, rendererDir, port: requestedUiPort, token: access.token, saveToken });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    console.error(
      `UI port ${requestedUiPort} is in use; using a free one (tabs open on the old port must be reopened).`,
    );
    control = await startControlServer({ core, rendererDir, port: 0, token: access.token, saveToken });
  }

  console.log(`Hooklens UI: ${control.uiUrl}`);
  console.log(`Capture URL: ${core.status().captureUrl}`);
  console.error(`Data directory: ${dataDir}`);
  if (access.setAsidePath)
    console.error(
      `Notice: the saved access key could not be read; a new one is in use (old file: ${access.setAsidePath})`,
    );
  if (opts['new-token'] === true)
    console.error('Notice: a new access key is in use; tabs opened with the old address must be reopened.');
  for (const notice of core.status().storeNotices)
    console.error(`Notice: ${notice.message}${notice.movedTo ? ` (old file: ${notice.movedTo})` : ''}`);

  // The tunnel may already be online by now: print from the current status as well as on events.
  let printedUrl: string | null = null;
  const printPublicUrl = (tunnel: TunnelStatus): void => {
    if (tunnel.state === 'online' && tunnel.url && tunnel.url !== printedUrl) {
      printedUrl = tunnel.url;
      console.log(`Public URL: ${tunnel.url}`);
    }
  };
  core.events.on('tunnel:changed', printPublicUrl);
  printPublicUrl(core.status().tunnel);

  if (opts.open !== false) openInBrowser(control.uiUrl);

  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    void Promise.all([control.close(), core.close()]).finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  return null;
}
