/*
 * Captures hold payment and personal data: whatever the umask, the data directory is the user's
 * alone (0700) and every file Hooklens writes in it is 0600. Runs under umask 000, where a file
 * that follows the umask would be readable and writable by everyone.
 */
import { chmod, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHooklensCore } from './hooklens-core';

const posix = process.platform !== 'win32';

async function modes(dir: string, out: Record<string, number> = {}, root = dir): Promise<Record<string, number>> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    out[path.relative(root, full)] = (await stat(full)).mode & 0o777;
    if (entry.isDirectory()) await modes(full, out, root);
  }
  return out;
}

describe.runIf(posix)('data directory modes', () => {
  let parent: string;
  let oldUmask: number;

  beforeEach(async () => {
    parent = await mkdtemp(path.join(os.tmpdir(), 'hooklens-modes-'));
    oldUmask = process.umask(0);
  });
  afterEach(async () => {
    process.umask(oldUmask);
    await rm(parent, { recursive: true, force: true });
  });

  it('creates the directory 0700 and every file in it 0600, even under umask 000', async () => {
    const dataDir = path.join(parent, 'data');
    const core = await createHooklensCore({ dataDir, mode: 'browser', capturePort: 0, tunnel: { enabled: false } });
    try {
      const url = core.status().captureUrl;
      await fetch(new URL('/small', url), { method: 'POST', body: '{"card":"4242"}' });
      await fetch(new URL('/large', url), { method: 'POST', body: 'x'.repeat(200 * 1024) });
      await core.api.createEndpoint({ name: 'shop' });
      await core.api.updateAppSettings({ maxCaptures: 500 });
      await core.api.setSignatureSecret('default', 'github', 'gh-secret-value');
    } finally {
      await core.close();
    }
    const found = await modes(dataDir);
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    expect(Object.keys(found)).toEqual(
      expect.arrayContaining(['captures.json', 'settings.json', 'endpoints.json', 'secrets.json']),
    );
    expect(Object.keys(found).some((f) => f.startsWith(path.join('captures', 'blobs') + path.sep))).toBe(true);
    for (const [file, mode] of Object.entries(found)) {
      const isDir = (await stat(path.join(dataDir, file))).isDirectory();
      expect([file, mode.toString(8)]).toEqual([file, isDir ? '700' : '600']);
    }
  });

  it('tightens an existing data directory that others could read', async () => {
    const dataDir = path.join(parent, 'open');
    await mkdir(dataDir);
    await chmod(dataDir, 0o777);
    const core = await createHooklensCore({ dataDir, mode: 'browser', capturePort: 0, tunnel: { enabled: false } });
    await core.close();
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
  });
});
