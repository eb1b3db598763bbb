/*
 * One server per process, so the load generator in the parent does not share an event loop with
 * it. Usage: server-child <bare|mockttp|hooklens|hooklens-health|hooklens-health-secret|app|startup> [dataDir] [maxCaptures]
 * (`hooklens-health*` also classify every capture, `-secret` with a Stripe secret stored: bench/support/health-store.ts;
 * `app` is the whole core as browser mode runs it, tunnel off, with its settings' retention cap)
 * Prints `READY <port>`, and for `startup` a `STATS {json}` line with start time and memory.
 */
import http from 'node:http';
import { startCaptureListener } from '../../src/main/core/capture/listener';
import { openCaptureStore } from '../../src/main/core/store';
import { withHealth } from './health-store';

const [kind, dataDir, max] = process.argv.slice(2);

// The parent asks for CPU time over IPC: requests per second depend on how busy the machine is,
// CPU time per request much less so.
// Flush times of the store's batches, so a slow acknowledgement can be told apart from a slow disk.
const flushes: number[] = [];
process.on('message', (msg) => {
  if (msg === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMicros: user + system });
  } else if (msg === 'flushes') {
    process.send?.({ flushes: flushes.splice(0) });
  }
});

async function main(): Promise<void> {
  switch (kind) {
    case 'bare': {
      const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          Buffer.concat(chunks);
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end('{"ok":true}');
        });
      });
      server.listen(0, '127.0.0.1', () => {
        const addr = server.address();
        process.stdout.write(`READY ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
      });
      return;
    }
    case 'mockttp': {
      const { getLocal } = await import('mockttp');
      // recordTraffic (the default) keeps every request, which is what capturing means here.
      const server = getLocal({ recordTraffic: true });
      await server.start();
      await server
        .forAnyRequest()
        .thenReply(200, '{"ok":true}', { 'Content-Type': 'application/json', 'Content-Length': '11' });
      process.stdout.write(`READY ${server.port}\n`);
      return;
    }
    case 'app': {
      // Everything a capture passes through in the app: endpoints, health, search indexing, replay's
      // auto-forward check, event fan-out. No window is subscribed, as with the app minimised.
      const { createHooklensCore } = await import('../../src/main/core/hooklens-core');
      const core = await createHooklensCore({ dataDir, mode: 'browser', capturePort: 0, tunnel: { enabled: false } });
      // The search index is built once, a few seconds after start (or at the first search): a start
      // cost, kept out of the per-capture figures by building it now. Later captures join it one by one.
      await core.api.searchCaptures({ text: 'warm' });
      process.stdout.write(`READY ${core.listener.port}\n`);
      process.once('SIGTERM', () => void core.close().finally(() => process.exit(0)));
      return;
    }
    case 'hooklens':
    case 'hooklens-health':
    case 'hooklens-health-secret':
    case 'startup': {
      const started = performance.now();
      const cpuStart = process.cpuUsage();
      const store = await openCaptureStore({ dataDir, maxCaptures: Number(max ?? 10_000) });
      const opened = performance.now();
      store.onBatch = (b) => flushes.push(b.ms);
      const health = kind.startsWith('hooklens-health') ? withHealth(store, kind === 'hooklens-health-secret') : null;
      const listener = await startCaptureListener({
        store: health?.store ?? store,
        port: 0,
        tunnelPort: null,
        ...(health ? { onCaptured: health.onCaptured } : {}),
      });
      const ready = performance.now();
      const cpu = process.cpuUsage(cpuStart);
      process.stdout.write(`READY ${listener.port}\n`);
      process.once('SIGTERM', () => {
        void listener
          .close()
          .then(() => store.close())
          .finally(() => process.exit(0));
      });
      if (kind === 'startup') {
        // What a running app holds with this many stored: the list, a few opened captures.
        const list = store.list();
        for (const s of list.slice(0, 50)) await store.get(s.id);
        await new Promise((r) => setTimeout(r, 500));
        const rss = process.memoryUsage().rss;
        (globalThis as { gc?: () => void }).gc?.();
        const stats = {
          startup_ms: ready - started,
          startup_cpu_ms: (cpu.user + cpu.system) / 1000,
          store_open_ms: opened - started,
          process_uptime_ms: process.uptime() * 1000,
          stored: store.count(),
          rss_mb: rss / 2 ** 20,
          rss_after_gc_mb: process.memoryUsage().rss / 2 ** 20,
          heap_used_mb: process.memoryUsage().heapUsed / 2 ** 20,
        };
        process.stdout.write(`STATS ${JSON.stringify(stats)}\n`);
        await listener.close();
        await store.close();
      }
      return;
    }
    default:
      throw new Error(`unknown server kind ${kind}`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
