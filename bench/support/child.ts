import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('./server-child.ts', import.meta.url));

export interface ServerChild {
  proc: ChildProcess;
  port: number;
  /** Resolves with the first `STATS {json}` line, if the child prints one. */
  stats: Promise<Record<string, number>>;
  /** CPU time (user + system) the child has used so far, in microseconds. */
  cpuMicros(): Promise<number>;
  /** Durations (ms) of the store batches since the last call; empty for servers without a store. */
  flushes(): Promise<number[]>;
  stop(): Promise<void>;
}

// HOOKLENS_BENCH_CPU_PROF=<dir> profiles every server child (`node --cpu-prof`); the profile is
// written when the child exits, into one folder per child named by kind and start time (one file
// per thread: the main thread's is the one that handles requests). HOOKLENS_BENCH_CPU_PROF_INTERVAL
// sets the sampling interval in µs (V8's default, 1000, is coarse next to a 50 µs request).
// bench/support/cpuprofile-summary.ts sums a profile by function, file and step.
const CPU_PROF_DIR = process.env.HOOKLENS_BENCH_CPU_PROF;
const CPU_PROF_INTERVAL = process.env.HOOKLENS_BENCH_CPU_PROF_INTERVAL;

export function startServer(args: string[], nodeFlags: string[] = []): Promise<ServerChild> {
  const profFlags = CPU_PROF_DIR
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${path.join(CPU_PROF_DIR, `${args[0]}-${Date.now()}`)}`,
        ...(CPU_PROF_INTERVAL ? [`--cpu-prof-interval=${CPU_PROF_INTERVAL}`] : []),
      ]
    : [];
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...profFlags, ...nodeFlags, '--import', 'tsx', SERVER, ...args], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let out = '';
    let err = '';
    let resolveStats: (s: Record<string, number>) => void = () => undefined;
    const stats = new Promise<Record<string, number>>((r) => (resolveStats = r));
    let ready = false;
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)/.exec(out);
      if (m && !ready) {
        ready = true;
        resolve({
          proc,
          port: Number(m[1]),
          stats,
          cpuMicros: () =>
            new Promise<number>((r) => {
              proc.once('message', (m) => r((m as { cpuMicros: number }).cpuMicros));
              proc.send('cpu');
            }),
          flushes: () =>
            new Promise<number[]>((r) => {
              proc.once('message', (m) => r((m as { flushes: number[] }).flushes));
              proc.send('flushes');
            }),
          stop: () =>
            new Promise<void>((r) => {
              if (proc.exitCode !== null) return r();
              proc.once('exit', () => r());
              proc.kill('SIGTERM');
            }),
        });
      }
      const s = /STATS (\{.*\})/.exec(out);
      if (s) resolveStats(JSON.parse(s[1]) as Record<string, number>);
    });
    proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    proc.on('exit', (code) => {
      if (!ready) reject(new Error(`server ${args[0]} exited (${code}): ${err}`));
    });
  });
}
