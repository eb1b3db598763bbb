/*
 * When a process started, so a lock can tell "the Hooklens that wrote me is still running" from
 * "some later process was given the same pid". Linux reads /proc; other Unix systems ask `ps`;
 * where neither works the answer is unknown and the caller falls back to the pid alone.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** Linux counts process start in clock ticks since boot; USER_HZ is 100 on every mainstream build. */
const LINUX_TICKS_PER_SECOND = 100;

async function linuxStartMs(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[19]);
  const btime = Number(/^btime (\d+)$/m.exec(await readFile('/proc/stat', 'utf8'))?.[1]);
  if (!Number.isFinite(ticks) || !Number.isFinite(btime)) return null;
  return btime * 1000 + (ticks * 1000) / LINUX_TICKS_PER_SECOND;
}

function psStartMs(pid: number): Promise<number | null> {
  return new Promise((resolve) => {
    execFile(
      'ps',
      ['-o', 'lstart=', '-p', String(pid)],
      { timeout: 2_000, env: { ...process.env, LC_ALL: 'C' } },
      (err, out) => {
        const ms = err ? NaN : Date.parse(out.trim());
        resolve(Number.isFinite(ms) ? ms : null);
      },
    );
  });
}

/** Milliseconds since the epoch at which `pid` started, to about a second; null when unknown. */
export async function processStartMs(pid: number): Promise<number | null> {
  if (process.platform === 'win32') return null;
  if (process.platform === 'linux') {
    const ms = await linuxStartMs(pid).catch(() => null);
    if (ms !== null) return ms;
  }
  return psStartMs(pid);
}
