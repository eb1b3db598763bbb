/*
 * Sums a V8 .cpuprofile's self time by function and by file, so a change on the capture path can be
 * judged by where the CPU goes rather than by requests per second on a busy machine.
 * Usage: node --import tsx bench/support/cpuprofile-summary.ts <file.cpuprofile> [top=40] [requests]
 * With `requests`, each row also shows µs per request.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg, requestsArg] = process.argv.slice(2);
if (!file) throw new Error('usage: cpuprofile-summary <file.cpuprofile> [top] [requests]');
const top = Number(topArg ?? 40);
const requests = requestsArg ? Number(requestsArg) : 0;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byNode = new Map<number, ProfileNode>();
for (const n of profile.nodes) byNode.set(n.id, n);
// Self time per node from the sample deltas (each delta is the time until that sample).
const self = new Map<number, number>();
for (let i = 0; i < profile.samples.length; i += 1) {
  const id = profile.samples[i];
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}

const shortUrl = (url: string): string => {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 13);
  const src = url.indexOf('/src/');
  if (src >= 0) return url.slice(src + 1);
  return url.replace(/^file:\/\//, '') || '(native)';
};

const byFn = new Map<string, number>();
const byFile = new Map<string, number>();
let total = 0;
for (const [id, us] of self) {
  const n = byNode.get(id)!;
  const f = shortUrl(n.callFrame.url);
  const fn = `${n.callFrame.functionName || '(anonymous)'}  ${f}:${n.callFrame.lineNumber + 1}`;
  byFn.set(fn, (byFn.get(fn) ?? 0) + us);
  byFile.set(f, (byFile.get(f) ?? 0) + us);
  total += us;
}
const idle = [...self]
  .filter(([id]) => byNode.get(id)!.callFrame.functionName === '(idle)')
  .reduce((a, [, v]) => a + v, 0);
const busy = total - idle;
byFn.delete(`(idle)  (native):1`);
byFile.set('(native)', (byFile.get('(native)') ?? 0) - idle);

// Inclusive time by the nearest project frame (src/…) on the stack: what each of our steps costs
// with the Node internals it calls. Samples with no project frame go to the outermost named
// Node frame under the root (the HTTP parser, stream ticks, timers…).
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const byStep = new Map<string, number>();
for (const [id, us] of self) {
  const leaf = byNode.get(id)!;
  if (leaf.callFrame.functionName === '(idle)') continue;
  let step: string | undefined;
  let outer = leaf;
  for (let q: number | undefined = id; q !== undefined; q = parent.get(q)) {
    const n = byNode.get(q)!;
    if (!step && n.callFrame.url.includes('/src/'))
      step = `${n.callFrame.functionName || '(anonymous)'}  ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    if (n.callFrame.functionName !== '(root)' && parent.get(q) !== undefined) outer = n;
  }
  const name = step ?? `[node] ${outer.callFrame.functionName || '(anonymous)'}  ${shortUrl(outer.callFrame.url)}`;
  byStep.set(name, (byStep.get(name) ?? 0) + us);
}

const row = (name: string, us: number): string => {
  const pct = ((us / busy) * 100).toFixed(1).padStart(5);
  const per = requests ? `${(us / requests).toFixed(2).padStart(7)} µs/req  ` : '';
  return `${pct}%  ${per}${name}`;
};
const print = (title: string, m: Map<string, number>): void => {
  process.stdout.write(`\n== ${title} (busy ${(busy / 1000).toFixed(0)} ms, idle ${(idle / 1000).toFixed(0)} ms)\n`);
  for (const [name, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) process.stdout.write(`${row(name, us)}\n`);
};
print('self time by function', byFn);
print('self time by file', byFile);
print('inclusive time by nearest project frame', byStep);
