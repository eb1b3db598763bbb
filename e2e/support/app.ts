/*
 * Starts a real `hooklens serve` (the built CLI) on free ports with a fresh data directory, and
 * reads the two URLs it prints. Every e2e test gets its own instance.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface RunningHooklens {
  uiUrl: string;
  captureUrl: string;
  capturePort: number;
  dataDir: string;
  token: string;
  controlOrigin: string;
  output(): string;
  /** Stops the process (SIGTERM, then SIGKILL). Keeps the data dir unless `removeData`. */
  stop(opts?: { removeData?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  args?: string[];
  env?: Record<string, string>;
  dataDir?: string;
  /** Replace the default `--no-tunnel`. */
  tunnel?: boolean;
}

const CLI = path.resolve(import.meta.dirname, '../../out/main/cli.js');

export async function launchHooklens(opts: LaunchOptions = {}): Promise<RunningHooklens> {
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'hooklens-e2e-')));
  const args = [CLI, 'serve', '--no-open', '--port', '0', '--capture-port', '0', '--data-dir', dataDir];
  if (!opts.tunnel) args.push('--no-tunnel');
  args.push(...(opts.args ?? []));
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));

  const urls = await new Promise<{ ui: string; capture: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hooklens serve did not start in time:\n${out}`)), 20_000);
    const check = (): void => {
      const ui = /^Hooklens UI: (\S+)$/m.exec(out)?.[1];
      const capture = /^Capture URL: (\S+)$/m.exec(out)?.[1];
      if (ui && capture) {
        clearTimeout(timer);
        resolve({ ui, capture });
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hooklens serve exited with ${code}:\n${out}`));
    });
  });

  const ui = new URL(urls.ui);
  let exited = false;
  child.on('exit', () => (exited = true));
  return {
    uiUrl: urls.ui,
    captureUrl: urls.capture,
    capturePort: Number(new URL(urls.capture).port),
    dataDir,
    token: ui.searchParams.get('token') ?? '',
    controlOrigin: ui.origin,
    output: () => out,
    async stop({ removeData = false } = {}) {
      if (!exited) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await gone;
        clearTimeout(timer);
      }
      if (removeData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sends a request to the capture listener with real HTTP and returns the answer. */
export async function sendWebhook(
  captureUrl: string,
  pathAndQuery: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array } = {},
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(new URL(pathAndQuery, captureUrl), {
    method: init.method ?? 'POST',
    headers: init.headers,
    body: init.body as string | undefined,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json };
}
