import http from 'node:http';
import autocannon from 'autocannon';
import { startServer } from './child';
import { ONE_KB_JSON, prefill, removeTempDirs, tempDataDir } from './prefill';
const dir = await tempDataDir('lat');
await prefill(dir, 10000);
for (const args of [['bare'], ['hooklens', dir, '10000']]) {
  const s = await startServer(args);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const t: number[] = [];
  for (let i = 0; i < 400; i++) {
    const st = performance.now();
    await new Promise<void>((res, rej) => { const r = http.request({ host: '127.0.0.1', port: s.port, method: 'POST', path: '/x', agent, headers: { 'content-type': 'application/json' } }, (resp) => { resp.resume(); resp.on('end', () => res()); }); r.on('error', rej); r.end(ONE_KB_JSON); });
    t.push(performance.now() - st);
    await new Promise((r) => setTimeout(r, 5));
  }
  t.sort((a, b) => a - b);
  const r = await autocannon({ url: `http://127.0.0.1:${s.port}/x`, method: 'POST', body: ONE_KB_JSON, headers: { 'content-type': 'application/json' }, connections: 20, overallRate: 200, duration: 5 });
  console.log(args[0], 'sequential p50', t[200].toFixed(2), 'p99', t[396].toFixed(2), '| autocannon 200/s p50', r.latency.p50, 'p99', r.latency.p99);
  agent.destroy(); await s.stop();
}
await removeTempDirs();
