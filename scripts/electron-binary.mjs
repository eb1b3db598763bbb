// Finds Electron's binary for `npm start`, downloading it at most once per Electron version.
// Installs run with --ignore-scripts (or ELECTRON_SKIP_BINARY_DOWNLOAD), so the binary is fetched
// on first start. Offline, that download fails after a while; the failure is remembered in
// node_modules/.cache/hooklens/electron-download.json so later starts go straight to browser
// mode, until the Electron version changes or a retry is asked for.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const RETRY_FLAG = '--retry-electron';
export const RETRY_ENV = 'HOOKLENS_RETRY_ELECTRON';
export const RETRY_HINT = `to try the download again: npm start -- ${RETRY_FLAG} (or ${RETRY_ENV}=1)`;

export function failureFile(root) {
  return path.join(root, 'node_modules', '.cache', 'hooklens', 'electron-download.json');
}

function electronDir(root) {
  return path.join(root, 'node_modules', 'electron');
}

export function electronVersion(root) {
  try {
    return JSON.parse(readFileSync(path.join(electronDir(root), 'package.json'), 'utf8')).version ?? null;
  } catch {
    return null;
  }
}

/** The binary path electron's own index.js would return, when that file exists. */
export function electronBinary(root) {
  try {
    const name = readFileSync(path.join(electronDir(root), 'path.txt'), 'utf8');
    const p = path.join(electronDir(root), 'dist', name);
    return existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/** The remembered failure for this Electron version, or null. */
export function readFailure(file, version) {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8'));
    return record && record.version === version && typeof record.reason === 'string' ? record : null;
  } catch {
    return null;
  }
}

function recordFailure(file, version, reason) {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ version, reason, at: new Date().toISOString() })}\n`);
  } catch {
    // A read-only node_modules only costs another download attempt next time.
  }
}

function runInstaller(root, env, timeoutMs) {
  const installer = path.join(electronDir(root), 'install.js');
  if (!existsSync(installer)) return 'the electron package is not installed';
  const childEnv = { ...env };
  delete childEnv.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const r = spawnSync(process.execPath, [installer], {
    cwd: path.dirname(installer),
    env: childEnv,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  if (r.error) return r.error.code === 'ETIMEDOUT' ? 'the download timed out' : r.error.message;
  if (r.status !== 0) {
    const line = `${r.stderr}`.split('\n').find((l) => /error/i.test(l)) ?? `installer exited with ${r.status}`;
    return line.trim().slice(0, 200);
  }
  return electronBinary(root) ? null : 'the installer finished but no binary was found';
}

/**
 * `{ binary }` when Electron can be started, else `{ reason, attempted }`: `attempted` is false
 * when a remembered failure for this version was used instead of downloading again.
 */
export function ensureElectron({
  root,
  retry = false,
  env = process.env,
  timeoutMs = 180_000,
  cacheFile,
  onDownloadStart = () => {},
}) {
  const existing = electronBinary(root);
  if (existing) return { binary: existing };
  const version = electronVersion(root);
  if (!version) return { reason: 'the electron package is not installed', attempted: false };
  const file = cacheFile ?? failureFile(root);
  const remembered = retry ? null : readFailure(file, version);
  if (remembered) return { reason: remembered.reason, version, at: remembered.at, attempted: false };
  onDownloadStart(version);
  const failure = runInstaller(root, env, timeoutMs);
  if (failure === null) {
    rmSync(file, { force: true });
    return { binary: electronBinary(root) };
  }
  recordFailure(file, version, failure);
  return { reason: failure, version, attempted: true };
}

/** The one line `npm start` prints when it falls back to the browser. */
export function fallbackLine(result) {
  const when = result.attempted
    ? 'could not be downloaded'
    : `could not be downloaded on ${String(result.at).slice(0, 10)}, not retried`;
  const what = result.version ? `Electron ${result.version}'s binary ${when} (${result.reason})` : result.reason;
  return `Desktop window unavailable: ${what}; serving Hooklens in your browser instead (${RETRY_HINT}).`;
}
