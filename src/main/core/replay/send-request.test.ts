import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HooklensError } from '../../../shared/errors';
import type { ReplayRequest } from '../../../shared/replay/types';
import { sendRequest } from './send-request';
import { freePort, startEchoServer, type EchoServer } from './test-support/echo-server';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function echo(): Promise<EchoServer> {
  const s = await startEchoServer();
  cleanups.push(() => s.close());
  return s;
}

function request(url: string, overrides: Partial<ReplayRequest> = {}): ReplayRequest {
  return {
    method: 'POST',
    url,
    headers: [
      ['Host', 'abc.loca.lt'],
      ['Content-Type', 'application/json'],
      ['X-Dup', 'one'],
      ['x-dup', 'two'],
      ['Content-Length', '999'],
      ['Connection', 'keep-alive, X-Hop'],
      ['X-Hop', 'connection-scoped'],
      ['Transfer-Encoding', 'chunked'],
      ['Proxy-Authorization', 'Basic eDp5'],
      ['Keep-Alive', 'timeout=5'],
      ['TE', 'trailers'],
      ['Stripe-Signature', 't=1,v1=abc'],
    ],
    body: { encoding: 'utf8', text: '{"amount": 100,  "currency":"usd"}\n' },
    ...overrides,
  };
}

describe('sendRequest', () => {
  it('sends the body bytes and end-to-end headers exactly, with Host and Content-Length recomputed', async () => {
    const s = await echo();
    const result = await sendRequest(request(`${s.url}/webhooks/stripe?x=1&y=%20`), { timeoutMs: 5000 });
    expect(s.received).toHaveLength(1);
    const got = s.received[0];
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/webhooks/stripe?x=1&y=%20');
    expect(got.body.toString('utf8')).toBe('{"amount": 100,  "currency":"usd"}\n');
    expect(got.headers).toEqual([
      ['Host', `127.0.0.1:${s.port}`],
      ['Content-Type', 'application/json'],
      ['X-Dup', 'one'],
      ['x-dup', 'two'],
      ['Content-Length', String(Buffer.byteLength('{"amount": 100,  "currency":"usd"}\n'))],
      ['Stripe-Signature', 't=1,v1=abc'],
      ['Connection', 'close'],
    ]);
    // What the history keeps as "sent" is what arrived.
    expect(result.sent.headers).toEqual(got.headers);
    expect(result.outcome.kind).toBe('response');
    if (result.outcome.kind !== 'response') return;
    expect(result.outcome.response.status).toBe(200);
    expect(result.outcome.response.headers).toContainEqual(['X-Echo', 'yes']);
    expect(JSON.parse(result.outcome.response.body.text).url).toBe('/webhooks/stripe?x=1&y=%20');
  });

  it('sends binary bodies byte for byte and recomputes the length of an edited body', async () => {
    const s = await echo();
    const bytes = Buffer.from([0, 255, 1, 128, 10, 13, 0x27, 0x5c, 0xc3]);
    await sendRequest(request(s.url, { body: { encoding: 'base64', text: bytes.toString('base64') } }), {
      timeoutMs: 5000,
    });
    expect(s.received[0].body.equals(bytes)).toBe(true);
    expect(s.received[0].headers).toContainEqual(['Content-Length', String(bytes.length)]);

    await sendRequest(request(s.url, { body: { encoding: 'utf8', text: '{"amount":5}' } }), { timeoutMs: 5000 });
    expect(s.received[1].body.toString()).toBe('{"amount":5}');
    expect(s.received[1].headers).toContainEqual(['Content-Length', '12']);
  });

  it('adds no Content-Length to a bodiless GET and Content-Length: 0 to an empty POST', async () => {
    const s = await echo();
    await sendRequest(
      { method: 'GET', url: s.url, headers: [], body: { encoding: 'utf8', text: '' } },
      { timeoutMs: 5000 },
    );
    await sendRequest(
      { method: 'POST', url: s.url, headers: [], body: { encoding: 'utf8', text: '' } },
      { timeoutMs: 5000 },
    );
    expect(s.received[0].headers.map(([n]) => n.toLowerCase())).not.toContain('content-length');
    expect(s.received[1].headers).toContainEqual(['Content-Length', '0']);
  });

  it('replaces the captured Host unless asked to keep a deliberate one', async () => {
    const s = await echo();
    const req = {
      method: 'GET',
      url: s.url,
      headers: [['Host', 'vhost.example']] as [string, string][],
      body: { encoding: 'utf8' as const, text: '' },
    };
    await sendRequest(req, { timeoutMs: 5000 });
    await sendRequest(req, { timeoutMs: 5000, keepHost: true });
    expect(s.received.map((r) => r.headers[0])).toEqual([
      ['Host', `127.0.0.1:${s.port}`],
      ['Host', 'vhost.example'],
    ]);
  });

  it('says plainly when nothing is listening', async () => {
    const port = await freePort();
    const result = await sendRequest(request(`http://localhost:${port}/hook`), { timeoutMs: 5000 });
    expect(result.outcome).toEqual({
      kind: 'error',
      error: { kind: 'refused', message: `nothing is listening on localhost:${port}` },
    });
  });

  it('gives up after the timeout and says so', async () => {
    const server = http.createServer(() => {
      /* never answers */
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));
    const port = (server.address() as AddressInfo).port;
    const result = await sendRequest(request(`http://127.0.0.1:${port}/`), { timeoutMs: 1500 });
    expect(result.outcome).toEqual({ kind: 'error', error: { kind: 'timeout', message: 'timed out after 1.5 s' } });
    expect(result.ms).toBeGreaterThanOrEqual(1400);
  });

  it('reports a TLS error in words when https meets a plain http server', async () => {
    const s = await echo();
    const result = await sendRequest(request(`https://127.0.0.1:${s.port}/`), { timeoutMs: 5000 });
    expect(result.outcome.kind).toBe('error');
    if (result.outcome.kind !== 'error') return;
    expect(result.outcome.error.kind).toBe('tls');
    expect(result.outcome.error.message).toBe('TLS error: wrong version number (is the target plain http?)');
  });

  it('reports a response cut off mid-body as a reset connection', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Length': '100' });
      res.write('only part', () => res.destroy());
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));
    const port = (server.address() as AddressInfo).port;
    const result = await sendRequest(request(`http://127.0.0.1:${port}/`), { timeoutMs: 5000 });
    expect(result.outcome).toEqual({
      kind: 'error',
      error: { kind: 'reset', message: `127.0.0.1:${port} closed the connection before answering completely` },
    });
  });

  it('shows a redirect instead of following it', async () => {
    const s = await echo();
    s.respond((_req, res) => {
      res.writeHead(302, { Location: '/elsewhere' });
      res.end();
    });
    const result = await sendRequest(request(`${s.url}/start`), { timeoutMs: 5000 });
    expect(s.received).toHaveLength(1);
    expect(result.outcome.kind === 'response' && result.outcome.response.status).toBe(302);
    expect(result.outcome.kind === 'response' && result.outcome.response.redirectTo).toBe(`${s.url}/elsewhere`);
  });

  it.each([
    ['ftp://example.com/x', /Only http: and https:/],
    ['localhost:3000/hook', /Only http: and https:|not a valid URL/],
    ['not a url', /not a valid URL/],
    ['', /empty/],
    ['http://user:pw@localhost:3000/', /Authorization header/],
  ])('refuses the target %j with a field error', async (url, message) => {
    const err = await sendRequest(request(url), { timeoutMs: 1000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HooklensError);
    expect((err as HooklensError).code).toBe('invalid_argument');
    expect((err as HooklensError).message).toMatch(message);
  });

  it('refuses bad header rows and methods before sending', async () => {
    const s = await echo();
    const badHeader = await sendRequest(request(s.url, { headers: [['Bad Name', 'x']] }), { timeoutMs: 1000 }).catch(
      (e: unknown) => e,
    );
    expect((badHeader as HooklensError).code).toBe('invalid_argument');
    const badValue = await sendRequest(request(s.url, { headers: [['X-A', 'a\r\nInjected: yes']] }), {
      timeoutMs: 1000,
    }).catch((e: unknown) => e);
    expect((badValue as HooklensError).message).toMatch(/line break/);
    const badMethod = await sendRequest(request(s.url, { method: 'PO ST' }), { timeoutMs: 1000 }).catch(
      (e: unknown) => e,
    );
    expect((badMethod as HooklensError).code).toBe('invalid_argument');
    expect(s.received).toHaveLength(0);
  });
});
