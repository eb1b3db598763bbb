/*
 * Group-commit flush cost: the time one batch takes to become durable (journal write + fdatasync,
 * blob files when bodies are large), with 1k, 10k and 50k captures stored. It should not grow with
 * the number stored; the cost that does (saving the index when a segment is sealed) is reported
 * separately as snapshot_ms_50k and happens once per ~20,000 writes.
 */
import { openCaptureStore } from '../../src/main/core/store/capture-store';
import { jsonBody, makeRecord } from '../../src/main/core/store/test-support/records';
import { QUICK, type BenchFigures, type BenchSection } from '../section';
import { tempDataDir } from '../support/prefill';

const LEVELS = [1_000, 10_000, 50_000];
const BATCHES = QUICK ? 50 : 200;
const PER_BATCH = 10;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

export const storeFlush: BenchSection = {
  name: 'store-flush',
  async run(): Promise<BenchFigures> {
    const dir = await tempDataDir('flush');
    const store = await openCaptureStore({ dataDir: dir, maxCaptures: 1_000_000 });
    const figures: BenchFigures = {};
    try {
      for (const level of LEVELS) {
        while (store.count() < level) {
          const n = Math.min(2000, level - store.count());
          await Promise.all(Array.from({ length: n }, () => store.add(makeRecord(jsonBody(1024)))));
        }
        const records = Array.from({ length: BATCHES * PER_BATCH }, () => makeRecord(jsonBody(1024)));
        const times: number[] = [];
        store.onBatch = (s) => times.push(s.ms);
        const cpu = process.cpuUsage();
        for (let b = 0; b < BATCHES; b += 1) {
          await Promise.all(records.slice(b * PER_BATCH, (b + 1) * PER_BATCH).map((r) => store.add(r)));
        }
        const used = process.cpuUsage(cpu);
        store.onBatch = undefined;
        const label = level >= 1000 ? `${level / 1000}k` : String(level);
        figures[`flush_ms_${label}`] = round2(percentile(times, 50));
        figures[`flush_p99_ms_${label}`] = round2(percentile(times, 99));
        // CPU per batch barely moves with other load on the machine; wall time does.
        figures[`flush_cpu_ms_${label}`] = round2((used.user + used.system) / 1000 / times.length);
      }
      const started = performance.now();
      await store.snapshot();
      figures.snapshot_ms_50k = round2(performance.now() - started);
      figures.flush_batch_size = PER_BATCH;
      return figures;
    } finally {
      await store.close();
    }
  },
};
