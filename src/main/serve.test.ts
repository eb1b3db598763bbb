import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHooklensCore, type HooklensCore } from './core/hooklens-core';
import { startControlServer, type ControlServer } from './serve';

/** node:http rather than fetch, because fetch refuses to set a custom Host header. */
function request(
  port: number,
  opts: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('browser-mode control server', () => {
  let dir: string;
  let core: HooklensCore;
  let server: ControlServer;
  let host: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-serve-'));
    const rendererDir = path.join(dir, 'renderer');
    await mkdir(rendererDir);
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Hooklens</title>');
    await writeFile(path.join(dir, 'secret.txt'), 'outside the renderer');
    core = await createHooklensCore({
      dataDir: path.join(dir, 'data'),
      mode: 'browser',
      capturePort: 0,
      tunnel: { enabled: false },
    });
    server = await startControlServer({ core, rendererDir });
    host = `127.0.0.1:${server.port}`;
  });

  afterEach(async () => {
    await server.close();
    await core.close();
    await rm(dir, { recursive: true, force: true });
  });

  const call = (headers: Record<string, string>, method = 'listCaptures', args: unknown[] = []) =>
    request(server.port, {
      path: `/api/call/${method}`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ args }),
    });

  it('refuses a control call without the token', async () => {
    const res = await call({ Host: host });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.text).error.code).toBe('forbidden');
  });

  it('refuses a control call with a wrong token', async () => {
    const res = await call({ Host: host, 'X-Hooklens-Token': server.token.slice(0, -1) + 'x' });
    expect(res.status).toBe(403);
  });

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    const res = await call({ Host: `evil.example:${server.port}`, 'X-Hooklens-Token': server.token });
    expect(res.status).toBe(403);
    const page = await request(server.port, { path: '/', headers: { Host: 'evil.example' } });
    expect(page.status).toBe(403);
  });

  it('answers a call with the token and a loopback Host', async () => {
    const res = await call({ Host: host, 'X-Hooklens-Token': server.token });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ ok: true, value: { total: 0, offset: 0, items: [] } });
    const viaLocalhost = await call(
      { Host: `localhost:${server.port}`, 'X-Hooklens-Token': server.token },
      'getStatus',
    );
    expect(viaLocalhost.status).toBe(200);
    expect(JSON.parse(viaLocalhost.text).value.captureUrl).toBe(core.status().captureUrl);
  });

  it('turns errors into codes: unknown method, missing capture', async () => {
    const unknown = await call({ Host: host, 'X-Hooklens-Token': server.token }, 'dropDatabase');
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.text).error.code).toBe('unknown_method');
    const missing = await call({ Host: host, 'X-Hooklens-Token': server.token }, 'getCapture', ['nope']);
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text).error.code).toBe('not_found');
  });

  it('serves the UI with a strict CSP and never a file outside the renderer folder', async () => {
    const page = await request(server.port, { path: '/', headers: { Host: host } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const escape = await request(server.port, { path: '/..%2fsecret.txt', headers: { Host: host } });
    expect(escape.status).toBe(404);
    expect(escape.text).not.toContain('outside the renderer');
  });

  it('rotates the access key: the new one works, the old one is refused, its event streams end', async () => {
    const saved: string[] = [];
    await server.close();
    const rendererDir = path.join(dir, 'renderer');
    server = await startControlServer({ core, rendererDir, saveToken: async (t) => void saved.push(t) });
    host = `127.0.0.1:${server.port}`;
    const old = server.token;
    expect(saved).toEqual([old]);
    let opened!: () => void;
    const streamOpen = new Promise<void>((r) => (opened = r));
    const streamEnded = new Promise<void>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: server.port, path: `/api/events?token=${old}`, headers: { Host: host } },
        (res) => {
          res.once('data', () => opened());
          res.resume();
          res.on('end', () => resolve());
        },
      );
      req.on('error', reject);
    });
    await streamOpen;
    const rotated = await call({ Host: host, 'X-Hooklens-Token': old }, 'rotateUiToken');
    expect(rotated.status).toBe(200);
    const { uiUrl } = JSON.parse(rotated.text).value as { uiUrl: string };
    const fresh = new URL(uiUrl).searchParams.get('token')!;
    expect(fresh).not.toBe(old);
    expect(server.token).toBe(fresh);
    expect(saved).toEqual([old, fresh]);
    await streamEnded;
    const refused = await call({ Host: host, 'X-Hooklens-Token': old });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text).error.message).toMatch(/--print-url/);
    expect((await call({ Host: host, 'X-Hooklens-Token': fresh })).status).toBe(200);
  });

  it('routes on the raw path and refuses dot segments instead of resolving them', async () => {
    const headers = { Host: host, 'X-Hooklens-Token': server.token, 'Content-Type': 'application/json' };
    for (const p of [
      '/api/call/x/../getStatus',
      '/api/call/./getStatus',
      '/api/x/%2e%2e/call/getStatus',
      '/api/call/getStatus/..',
    ]) {
      const res = await request(server.port, { path: p, method: 'POST', headers, body: '{"args":[]}' });
      expect(res.status, p).toBe(400);
      expect(JSON.parse(res.text).error.code, p).toBe('invalid_argument');
      expect(res.text, p).not.toContain('captureUrl');
    }
  });

  it('answers 413 with a reason to a control call above the body limit, declared or chunked', async () => {
    const big = Buffer.alloc(33 * 1024 * 1024, 0x20);
    for (const chunked of [false, true]) {
      const res = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const headers: Record<string, string> = {
          Host: host,
          'X-Hooklens-Token': server.token,
          'Content-Type': 'application/json',
        };
        if (!chunked) headers['Content-Length'] = String(big.length);
        const req = http.request(
          { host: '127.0.0.1', port: server.port, path: '/api/call/listCaptures', method: 'POST', headers },
          (r) => {
            let text = '';
            r.on('data', (d) => (text += d));
            r.on('end', () => resolve({ status: r.statusCode ?? 0, text }));
          },
        );
        req.on('error', reject);
        if (chunked) {
          for (let off = 0; off < big.length; off += 1024 * 1024) req.write(big.subarray(off, off + 1024 * 1024));
          req.end();
        } else req.end(big);
      });
      expect(res.status, `chunked: ${chunked}`).toBe(413);
      expect(JSON.parse(res.text).error).toMatchObject({
        code: 'invalid_argument',
        message: expect.stringContaining('32 MB'),
      });
    }
  });

  it('streams core events over SSE to a client holding the token', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}`, headers: { Host: host } },
        (res) => {
          let buf = '';
          res.on('data', (d) => {
            buf += d;
            if (buf.includes('capture:added')) {
              resolve(buf);
              req.destroy();
            } else if (buf.startsWith('retry')) void fireCapture();
          });
        },
      );
      req.on('error', reject);
    });
    let fired = false;
    const fireCapture = async (): Promise<void> => {
      if (fired) return;
      fired = true;
      await request(core.listener.port, {
        path: '/sse-check',
        method: 'POST',
        body: '{}',
        headers: { 'Content-Type': 'application/json' },
      });
    };
    const frame = await received;
    const data = JSON.parse(/data: (.*)/.exec(frame)![1]) as [string, { url: string }];
    expect(data[0]).toBe('capture:added');
    expect(data[1].url).toBe('/sse-check');
  });
});
