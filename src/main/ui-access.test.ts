import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printUrl } from './cli/serve-command';
import { loadUiToken, readUiAccess, UI_ACCESS_FILE, writeUiAccess } from './ui-access';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-ui-access-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function collect(): { lines: string[]; errors: string[]; out: Pick<Console, 'log' | 'error'> } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: { log: (s: string) => lines.push(s), error: (s: string) => errors.push(s) } };
}

describe('browser-mode access key', () => {
  it('is kept per data directory in a file only the user can read, and renewed on request', async () => {
    const first = await loadUiToken(dir, false);
    await writeUiAccess(dir, { token: first.token, port: 8786, pid: process.pid });
    const file = path.join(dir, UI_ACCESS_FILE);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await loadUiToken(dir, false)).token).toBe(first.token);
    const renewed = await loadUiToken(dir, true);
    expect(renewed.token).not.toBe(first.token);
    expect(renewed.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('sets an unreadable file aside and makes a new key', async () => {
    await writeFile(path.join(dir, UI_ACCESS_FILE), '{"token": 1');
    const loaded = await loadUiToken(dir, false);
    expect(loaded.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await readFile(loaded.setAsidePath!, 'utf8')).toBe('{"token": 1');
    expect((await readUiAccess(dir)).record).toBeNull();
  });

  it('--print-url prints the running address, and says so when nothing runs there', async () => {
    const none = collect();
    expect(await printUrl(dir, none.out)).toBe(1);
    expect(none.lines).toEqual([]);
    expect(none.errors[0]).toMatch(/No browser-mode address yet/);

    const token = (await loadUiToken(dir, false)).token;
    await writeUiAccess(dir, { token, port: 8786, pid: process.pid });
    const running = collect();
    expect(await printUrl(dir, running.out)).toBe(0);
    expect(running.lines).toEqual([`Hooklens UI: http://127.0.0.1:8786/?token=${token}`]);

    // A pid that cannot exist: the address is printed with a warning.
    await writeUiAccess(dir, { token, port: 8786, pid: 2 ** 22 + 12345 });
    const stopped = collect();
    expect(await printUrl(dir, stopped.out)).toBe(1);
    expect(stopped.lines).toEqual([`Hooklens UI: http://127.0.0.1:8786/?token=${token}`]);
    expect(stopped.errors[0]).toMatch(/not running/);
  });
});
