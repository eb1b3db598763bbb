/*
 * What the disk gives: one 1.2 KB append + fdatasync, repeated, in the same temp directory the
 * other sections use. Every acknowledgement waits for at least one of these, so ack latency and
 * flush times can be read against it (a busy shared disk moves all of them together).
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { QUICK, type BenchFigures, type BenchSection } from '../section';
import { tempDataDir } from '../support/prefill';

const ROUNDS = QUICK ? 100 : 300;

export const fsyncBaseline: BenchSection = {
  name: 'fsync-baseline',
  async run(): Promise<BenchFigures> {
    const dir = await tempDataDir('fsync');
    const handle = await open(path.join(dir, 'probe.jsonl'), 'w');
    const line = Buffer.alloc(1200, 0x61);
    const times: number[] = [];
    try {
      for (let i = 0; i < ROUNDS; i += 1) {
        const started = performance.now();
        await handle.write(line, 0, line.length, i * line.length);
        await handle.datasync();
        times.push(performance.now() - started);
      }
    } finally {
      await handle.close();
    }
    times.sort((a, b) => a - b);
    const at = (p: number): number =>
      Math.round(times[Math.min(times.length - 1, Math.floor((times.length * p) / 100))] * 100) / 100;
    return { fsync_p50_ms: at(50), fsync_p99_ms: at(99) };
  },
};
