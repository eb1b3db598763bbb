import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { openSettingsStore } from './settings-store';

describe('settings store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-settings-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('starts from defaults and persists updates across reopening', async () => {
    const first = await openSettingsStore(dir);
    expect(first.get()).toEqual(DEFAULT_SETTINGS);
    await first.update('capture', { port: 9999 });
    const again = await openSettingsStore(dir);
    expect(again.section('capture').port).toBe(9999);
    expect(again.section('capture').bodyLimitBytes).toBe(DEFAULT_SETTINGS.capture.bodyLimitBytes);
  });

  it('replaces mistyped or missing values from a hand-edited file with defaults, field by field', async () => {
    await writeFile(
      path.join(dir, 'settings.json'),
      JSON.stringify({ capture: { port: '80', bodyLimitBytes: 5 }, tunnel: 'nope', extra: { a: 1 } }),
    );
    const store = await openSettingsStore(dir);
    expect(store.setAsidePath).toBeNull();
    expect(store.section('capture')).toEqual({ ...DEFAULT_SETTINGS.capture, bodyLimitBytes: 5 });
    expect(store.section('tunnel')).toEqual(DEFAULT_SETTINGS.tunnel);
  });

  it('moves an unreadable file aside instead of overwriting it', async () => {
    await writeFile(path.join(dir, 'settings.json'), '{"capture": {"port": 1');
    const store = await openSettingsStore(dir);
    expect(store.setAsidePath).toMatch(/settings\.json\.corrupt-[0-9TZ-]+$/);
    expect(await readFile(store.setAsidePath!, 'utf8')).toBe('{"capture": {"port": 1');
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    await store.update('ui', { theme: 'dark' });
    expect((await readdir(dir)).sort()).toEqual(['settings.json', path.basename(store.setAsidePath!)].sort());
  });

  it('hands out read-only sections, so callers cannot change stored settings by accident', async () => {
    const store = await openSettingsStore(dir);
    expect(() => {
      store.section('capture').port = 1;
    }).toThrow(TypeError);
    expect(store.section('capture').port).toBe(DEFAULT_SETTINGS.capture.port);
    // A section read after an update shows the update.
    const before = store.section('capture');
    await store.update('capture', { port: 4242 });
    expect(store.section('capture').port).toBe(4242);
    expect(before.port).toBe(DEFAULT_SETTINGS.capture.port);
  });
});
