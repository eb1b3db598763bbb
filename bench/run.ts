/*
 * `npm run bench` (add `--quick` for shorter runs while developing). Runs the built-in sections,
 * then every section in bench/sections/, and prints one JSON object with all their figures.
 * A section that fails reports `<name>_error` instead of stopping the others.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ackLatency } from './capture/ack-latency';
import { captureThroughput } from './capture/throughput';
import { QUICK, type BenchFigures, type BenchSection } from './section';
import { startupMemory } from './store/startup-memory';
import { removeTempDirs } from './support/prefill';
import { storeFlush } from './store/flush';
import { fsyncBaseline } from './store/fsync-baseline';

const SECTIONS_DIR = fileURLToPath(new URL('./sections/', import.meta.url));

function isSection(v: unknown): v is BenchSection {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as BenchSection).name === 'string' &&
    typeof (v as BenchSection).run === 'function'
  );
}

async function extraSections(): Promise<BenchSection[]> {
  let names: string[];
  try {
    names = (await readdir(SECTIONS_DIR))
      .filter((n) => /\.ts$/.test(n) && !n.endsWith('.d.ts') && !n.endsWith('.test.ts'))
      .sort();
  } catch {
    return [];
  }
  const out: BenchSection[] = [];
  for (const name of names) {
    const mod = (await import(pathToFileURL(path.join(SECTIONS_DIR, name)).href)) as {
      default?: unknown;
      section?: unknown;
    };
    const section = isSection(mod.default) ? mod.default : mod.section;
    if (isSection(section)) out.push(section);
    else process.stderr.write(`bench: ${name} exports no section, skipped\n`);
  }
  return out;
}

async function main(): Promise<void> {
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice(7)
    .split(',');
  const all = [fsyncBaseline, storeFlush, startupMemory, ackLatency, captureThroughput, ...(await extraSections())];
  const sections = only ? all.filter((s) => only.includes(s.name)) : all;
  const figures: BenchFigures = { quick: QUICK ? 'yes' : 'no' };
  for (const section of sections) {
    const started = performance.now();
    process.stderr.write(`bench: ${section.name}…\n`);
    try {
      Object.assign(figures, await section.run());
    } catch (err) {
      figures[`${section.name}_error`] = (err as Error).message;
    } finally {
      await removeTempDirs();
    }
    process.stderr.write(`bench: ${section.name} done in ${Math.round(performance.now() - started)} ms\n`);
  }
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
