/*
 * Kill -9 the real listener + store while requests stream in, several times over, and check that
 * every request that was answered 2xx is on disk byte for byte after each restart.
 *
 * Bodies and kill delays are drawn from a seed, printed at the start; replay a run with
 * `HOOKLENS_CRASH_SEED=<seed> npx vitest run src/main/core/store/crash.test.ts`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { headerValue } from '../../../shared/capture';
import { bodyBuffer } from '../body-buffer';
import { openCaptureStore } from './capture-store';
import { seededRandom, seedFrom } from './test-support/seeded-random';

const CHILD = fileURLToPath(new URL('./test-support/crash-child.ts', import.meta.url));
const ROUNDS = 4;
const random = seededRandom(seedFrom(process.env.HOOKLENS_CRASH_SEED));
console.log(`crash test seed: ${random.seed} (replay with HOOKLENS_CRASH_SEED=${random.seed})`);

let dir: string;
let child: ChildProcess | null = null;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-crash-'));
});

afterEach(async () => {
  child?.kill('SIGKILL');
  child = null;
  await rm(dir, { recursive: true, force: true });
});

function startChild(): Promise<{ proc: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) resolve({ proc, port: Number(m[1]) });
    });
    proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    proc.on('exit', (code) => reject(new Error(`child exited (${code}) before it was ready: ${err}`)));
  });
}

/** A mix of the bodies webhooks carry: JSON text, binary, and bodies big enough to spill to blob files. */
function randomBody(): Buffer {
  switch (random.int(0, 4)) {
    case 0:
      return random.bytes(random.int(1, 2000));
    case 1:
      return Buffer.from('x'.repeat(random.int(64 * 1024, 100 * 1024)));
    default:
      return Buffer.from(JSON.stringify({ type: 'evt', n: random.int(0, 1e9), s: 'é😀'.repeat(random.int(1, 200)) }));
  }
}

function post(agent: http.Agent, port: number, body: Buffer, tag: string): Promise<string | null> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/hook?tag=${tag}`,
        agent,
        headers: { 'X-Tag': tag, 'Content-Length': body.length },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => {
          if (res.statusCode !== 200) return resolve(null);
          try {
            resolve((JSON.parse(text) as { id: string }).id);
          } catch {
            resolve(null);
          }
        });
        res.on('error', () => resolve(null));
      },
    );
    // A request cut off by the kill was never acknowledged: nothing to check.
    req.on('error', () => resolve(null));
    req.end(body);
  });
}

it('keeps every acknowledged capture, byte for byte, across repeated SIGKILLs', { timeout: 45_000 }, async () => {
  const acked = new Map<string, { body: Buffer; tag: string }>();
  let sent = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = await startChild();
    child = started.proc;
    const exited = new Promise((r) => started.proc.once('exit', r));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 12 });
    let stop = false;
    let roundAcks = 0;
    let flowing: () => void = () => undefined;
    const firstAcks = new Promise<void>((r) => (flowing = r));
    const workers = Array.from({ length: 12 }, async () => {
      while (!stop) {
        const body = randomBody();
        const tag = `${round}-${(sent += 1)}`;
        const id = await post(agent, started.port, body, tag);
        if (!id) continue;
        acked.set(id, { body, tag });
        if ((roundAcks += 1) === 10) flowing();
      }
    });
    if (round === 0) {
      // A second process must not append to a journal the running one owns.
      await expect(openCaptureStore({ dataDir: dir })).rejects.toMatchObject({
        code: 'store_failed',
        message: /in use/,
      });
    }
    // Kill at a random moment once captures are flowing, so it lands mid-batch rather than before the first.
    await firstAcks;
    await new Promise((r) => setTimeout(r, random.int(20, 400)));
    started.proc.kill('SIGKILL');
    stop = true;
    await exited;
    await Promise.all(workers);
    agent.destroy();
    child = null;

    // Each round checks what it added; the last one re-checks everything, earlier rounds included.
    const store = await openCaptureStore({ dataDir: dir, maxCaptures: 100_000 });
    try {
      for (const [id, want] of acked) {
        if (round < ROUNDS - 1 && !want.tag.startsWith(`${round}-`)) continue;
        const got = await store.get(id);
        expect(
          got,
          `acknowledged capture ${id} (${want.tag}) is missing after kill #${round + 1}, seed ${random.seed}`,
        ).toBeDefined();
        expect(bodyBuffer(got!.body).equals(want.body), `body of ${want.tag}, seed ${random.seed}`).toBe(true);
        expect(headerValue(got!.headers, 'x-tag')).toBe(want.tag);
      }
      expect(store.count()).toBeGreaterThanOrEqual(acked.size);
    } finally {
      await store.close();
    }
  }
  expect(acked.size).toBeGreaterThanOrEqual(ROUNDS * 10);
});
