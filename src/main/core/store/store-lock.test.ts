/*
 * The lock names its owner by pid, and pids are reused: after a reboot or a long uptime the pid in
 * a stale lock can belong to any process. Only a live Hooklens (the process that wrote the lock)
 * keeps the directory; any other process with that pid does not lock the user out.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCaptureStore } from './capture-store';

const CHILD = fileURLToPath(new URL('./test-support/crash-child.ts', import.meta.url));

let dir: string;
let children: ChildProcess[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-lock-'));
  await mkdir(path.join(dir, 'captures'), { recursive: true });
});
afterEach(async () => {
  for (const c of children) c.kill('SIGKILL');
  children = [];
  await rm(dir, { recursive: true, force: true });
});

/** A live process that is not Hooklens, started now. */
function otherProcess(): ChildProcess {
  const proc = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  children.push(proc);
  return proc;
}

function hooklensHolding(dataDir: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(proc);
    proc.stdout!.on('data', (d: Buffer) => d.toString().includes('READY') && resolve(proc));
    proc.once('exit', (code) => reject(new Error(`child exited ${code}`)));
  });
}

const lockFile = (): string => path.join(dir, 'captures', 'LOCK');

describe('store lock', () => {
  it('refuses a directory a live Hooklens holds, naming its process', async () => {
    const holder = await hooklensHolding(dir);
    await expect(openCaptureStore({ dataDir: dir })).rejects.toThrow(
      new RegExp(`in use by another Hooklens \\(process ${holder.pid}\\)`),
    );
  });

  it('takes over an old-style lock whose pid now belongs to a process started after the lock was written', async () => {
    const other = otherProcess();
    await writeFile(lockFile(), `${other.pid}\n`);
    const anHourAgo = new Date(Date.now() - 3600_000);
    await utimes(lockFile(), anHourAgo, anHourAgo);
    const store = await openCaptureStore({ dataDir: dir });
    await store.close();
  });

  it('takes over a lock whose pid is alive but is not the process that wrote it', async () => {
    const other = otherProcess();
    await writeFile(
      lockFile(),
      JSON.stringify({ pid: other.pid, instance: 'f'.repeat(32), startedAt: Date.now() - 3600_000 }),
    );
    const store = await openCaptureStore({ dataDir: dir });
    const written = JSON.parse(await readFile(lockFile(), 'utf8'));
    expect(written).toMatchObject({
      pid: process.pid,
      instance: expect.stringMatching(/^[0-9a-f]{32}$/),
      startedAt: expect.any(Number),
    });
    expect(Math.abs(written.startedAt - (Date.now() - process.uptime() * 1000))).toBeLessThan(5_000);
    if (process.platform !== 'win32') expect((await stat(lockFile())).mode & 0o777).toBe(0o600);
    await store.close();
  });
});
