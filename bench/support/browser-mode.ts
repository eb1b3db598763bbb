/*
 * The built app in browser mode (`hooklens serve`, built by `npx electron-vite build`) and the
 * Chromium that drives it, for the sections that measure the UI. Chromium runs with the flags the
 * e2e suite uses (e2e/support/chromium.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../../e2e/support/chromium';

const CLI = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url));

export interface ServedApp {
  uiUrl: string;
  captureUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/** Why the UI cannot be measured here, or null when it can. */
export function browserModeMissing(): string | null {
  if (!existsSync(CLI)) return 'no built app (run npx electron-vite build)';
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  return null;
}

export async function serveApp(dataDir: string, startTimeoutMs = 120_000): Promise<ServedApp> {
  const child: ChildProcess = spawn(
    process.execPath,
    [CLI, 'serve', '--no-open', '--no-tunnel', '--port', '0', '--capture-port', '0', '--data-dir', dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const urls = await new Promise<{ ui: string; capture: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hooklens serve did not start:\n${out}`)), startTimeoutMs);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const ui = /^Hooklens UI: (\S+)$/m.exec(out)?.[1];
      const capture = /^Capture URL: (\S+)$/m.exec(out)?.[1];
      if (ui && capture) {
        clearTimeout(timer);
        resolve({ ui, capture });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hooklens serve exited with ${code}:\n${out}`));
    });
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  return {
    uiUrl: urls.ui,
    captureUrl: urls.capture,
    pid: child.pid!,
    async stop() {
      if (exited) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('@playwright/test');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Resident and peak resident memory of a process, in MB (Linux /proc). */
export async function processMemoryMb(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}
