import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { electronBinary, electronVersion, ensureElectron, fallbackLine, RETRY_FLAG } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const version = electronVersion(root) as string;

// Stands in for Electron's download server on loopback: every artifact is missing, as offline. It
// runs in its own process because the installer is awaited synchronously, as `npm start` does.
const MIRROR = `
const { appendFileSync } = require('node:fs');
const server = require('node:http').createServer((req, res) => {
  appendFileSync(process.argv[1], req.url + '\\n');
  res.writeHead(404).end('not here');
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

let dir: string;
let mirror: ChildProcess;
let port: number;
const log = () => path.join(dir, 'requests.log');
const requestCount = () => (existsSync(log()) ? readFileSync(log(), 'utf8').split('\n').filter(Boolean).length : 0);

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hooklens-electron-'));
  mirror = spawn(process.execPath, ['-e', MIRROR, log()], { stdio: ['ignore', 'pipe', 'inherit'] });
  port = await new Promise<number>((resolve) =>
    mirror.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim()))),
  );
});
afterEach(async () => {
  mirror.kill();
  await rm(dir, { recursive: true, force: true });
});

function run(retry = false) {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const k of Object.keys(env)) if (/^npm_(config|package_config)_electron_/i.test(k)) delete env[k];
  env.ELECTRON_MIRROR = `http://127.0.0.1:${port}/`;
  env.electron_config_cache = path.join(dir, 'download-cache');
  const started: string[] = [];
  const result = ensureElectron({
    root,
    retry,
    env,
    timeoutMs: 60_000,
    cacheFile: path.join(dir, 'electron-download.json'),
    onDownloadStart: (v: string) => started.push(v),
  });
  return { result, started };
}

// Where the binary is installed there is nothing to download and nothing to remember.
describe.skipIf(electronBinary(root) !== null)('Electron binary for npm start', () => {
  it('tries the real installer once per version, remembers the failure and retries when asked', async () => {
    const first = run();
    expect(first.started).toEqual([version]);
    expect(requestCount()).toBeGreaterThan(0);
    expect(first.result).toMatchObject({ attempted: true, version });
    expect(first.result.binary).toBeUndefined();
    const saved = JSON.parse(await readFile(path.join(dir, 'electron-download.json'), 'utf8'));
    expect(saved).toMatchObject({ version, reason: first.result.reason });

    // The next start does not download again.
    const asked = requestCount();
    const second = run();
    expect(second.started).toEqual([]);
    expect(requestCount()).toBe(asked);
    expect(second.result).toMatchObject({ attempted: false, reason: first.result.reason, version });

    // A retry downloads again, and so does another Electron version.
    expect(run(true).started).toEqual([version]);
    expect(requestCount()).toBeGreaterThan(asked);
    await writeFile(path.join(dir, 'electron-download.json'), JSON.stringify({ ...saved, version: '1.0.0' }));
    expect(run().started).toEqual([version]);
  });

  it('says what happened, and how to retry, in one line', () => {
    const first = run();
    const second = run();
    for (const line of [fallbackLine(first.result), fallbackLine(second.result)]) {
      expect(line).not.toContain('\n');
      expect(line).toContain(`Electron ${version}'s binary could not be downloaded`);
      expect(line).toContain(`npm start -- ${RETRY_FLAG}`);
      expect(line).not.toContain('first run');
    }
    expect(fallbackLine(second.result)).toContain('not retried');
  });
});
