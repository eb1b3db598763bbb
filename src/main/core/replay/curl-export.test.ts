/*
 * The generated commands are run by the real curl (through bash, as a user pasting them would)
 * against a local echo server, which records the bytes that arrived.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../shared/capture';
import { toCurl } from '../../../shared/replay/curl-export';
import { parseCurl } from '../../../shared/replay/curl-import';
import type { ReplayRequest } from '../../../shared/replay/types';
import { startEchoServer, type EchoServer } from './test-support/echo-server';

const run = promisify(execFile);
const hasCurl = existsSync('/usr/bin/curl') && existsSync('/bin/bash');

let server: EchoServer;
beforeEach(async () => {
  server = await startEchoServer();
});
afterEach(async () => {
  await server.close();
});

async function runCurl(command: string): Promise<void> {
  await run('/bin/bash', ['-c', `${command} --silent --show-error --output /dev/null`], { timeout: 10_000 });
}

const headerNames = (headers: HeaderPair[]): string[] => headers.map(([n]) => n.toLowerCase());

const BINARY_WITH_NUL = Buffer.from([
  0x00, 0xff, 0x27, 0x5c, 0x25, 0x0a, 0x0d, 0x09, 0x80, 0x41, 0x00, 0x7f, 0x24, 0x28, 0x60,
]);
const BINARY_NO_NUL = Buffer.from([0xff, 0xfe, 0x27, 0x22, 0x5c, 0x78, 0x34, 0x31, 0x0a, 0x80, 0x21, 0x24, 0x7b, 0x7d]);

const cases: { name: string; request: (url: string) => ReplayRequest; bytes: Buffer }[] = [
  {
    name: 'a binary body with NUL bytes (piped through printf)',
    request: (url) => ({
      method: 'POST',
      url: `${url}/bin?a=1`,
      headers: [['Content-Type', 'application/octet-stream']],
      body: { encoding: 'base64', text: BINARY_WITH_NUL.toString('base64') },
    }),
    bytes: BINARY_WITH_NUL,
  },
  {
    name: "a binary body without NUL ($'…' escapes)",
    request: (url) => ({
      method: 'PUT',
      url: `${url}/bin`,
      headers: [['Content-Type', 'application/octet-stream']],
      body: { encoding: 'base64', text: BINARY_NO_NUL.toString('base64') },
    }),
    bytes: BINARY_NO_NUL,
  },
  {
    name: 'JSON with quotes, $, backticks, unicode and newlines',
    request: (url) => ({
      method: 'POST',
      url: `${url}/hook`,
      headers: [
        ['Content-Type', 'application/json'],
        ['X-Quote', 'it\'s "quoted" $HOME `id`'],
      ],
      body: { encoding: 'utf8', text: '{\n  "name": "O\'Brien $HOME `id` \\\\ ünï ✓ 😀",\n  "n": 1\n}' },
    }),
    bytes: Buffer.from('{\n  "name": "O\'Brien $HOME `id` \\\\ ünï ✓ 😀",\n  "n": 1\n}'),
  },
  {
    name: 'text with tabs and CRLF',
    request: (url) => ({
      method: 'POST',
      url: `${url}/t`,
      headers: [['Content-Type', 'text/plain']],
      body: { encoding: 'utf8', text: 'a\tb\r\nc\r\n' },
    }),
    bytes: Buffer.from('a\tb\r\nc\r\n'),
  },
  {
    name: 'a body starting with @ (would be a file name for --data-binary)',
    request: (url) => ({
      method: 'POST',
      url: `${url}/at`,
      headers: [['Content-Type', 'text/plain']],
      body: { encoding: 'utf8', text: '@etc/passwd' },
    }),
    bytes: Buffer.from('@etc/passwd'),
  },
  {
    name: 'a form body without a Content-Type (curl must not add one)',
    request: (url) => ({ method: 'POST', url: `${url}/f`, headers: [], body: { encoding: 'utf8', text: 'a=1&b=2' } }),
    bytes: Buffer.from('a=1&b=2'),
  },
  {
    name: 'a body over 1 KiB (curl must not wait for 100-continue)',
    request: (url) => ({
      method: 'POST',
      url: `${url}/big`,
      headers: [['Content-Type', 'application/json']],
      body: { encoding: 'utf8', text: JSON.stringify({ data: 'x'.repeat(5000) }) },
    }),
    bytes: Buffer.from(JSON.stringify({ data: 'x'.repeat(5000) })),
  },
];

describe.skipIf(!hasCurl)('cURL export, executed with the real curl', () => {
  it.each(cases)('delivers the same bytes: $name', async ({ request, bytes }) => {
    const req = request(server.url);
    await runCurl(toCurl(req));
    expect(server.received).toHaveLength(1);
    const got = server.received[0];
    expect(got.method).toBe(req.method);
    expect(got.url).toBe(new URL(req.url).pathname + new URL(req.url).search);
    expect(got.body.equals(bytes)).toBe(true);
    expect(got.headers).toContainEqual(['Content-Length', String(bytes.length)]);
    for (const h of req.headers) expect(got.headers).toContainEqual(h);
    if (!req.headers.some(([n]) => n.toLowerCase() === 'content-type'))
      expect(headerNames(got.headers)).not.toContain('content-type');
    expect(headerNames(got.headers)).not.toContain('expect');
  });

  it('keeps repeated and empty-valued headers, and sends a bodiless GET and DELETE', async () => {
    const headers: HeaderPair[] = [
      ['X-Dup', 'one'],
      ['X-Dup', 'two'],
      ['X-Empty', ''],
      ['Host', 'vhost.example'],
      ['Content-Length', '5'],
    ];
    await runCurl(
      toCurl({ method: 'GET', url: `${server.url}/g?q=[1]`, headers, body: { encoding: 'utf8', text: '' } }),
    );
    await runCurl(
      toCurl({ method: 'DELETE', url: `${server.url}/d`, headers: [], body: { encoding: 'utf8', text: '' } }),
    );
    const [get, del] = server.received;
    expect(get.method).toBe('GET');
    expect(get.url).toBe('/g?q=[1]');
    expect(get.headers.filter(([n]) => n === 'X-Dup')).toEqual([
      ['X-Dup', 'one'],
      ['X-Dup', 'two'],
    ]);
    expect(get.headers).toContainEqual(['X-Empty', '']);
    // A Host other than the URL's was set on purpose (virtual hosts): curl sends it.
    expect(get.headers).toContainEqual(['Host', 'vhost.example']);
    expect(del.headers).toContainEqual(['Host', `127.0.0.1:${server.port}`]);
    expect(headerNames(get.headers)).not.toContain('content-length');
    expect(del.method).toBe('DELETE');
    expect(del.body.length).toBe(0);
  });
});

describe.skipIf(!hasCurl)('cURL export re-sends the captured headers exactly', () => {
  const stripeBody = '{"id":"evt_1","object":"event","type":"invoice.paid"}';
  const captures: { name: string; method: string; headers: HeaderPair[]; body: string }[] = [
    {
      name: 'a Stripe delivery (its own User-Agent and Accept, Content-Length mid-list)',
      method: 'POST',
      headers: [
        ['Content-Type', 'application/json; charset=utf-8'],
        ['Cache-Control', 'no-cache'],
        ['User-Agent', 'Stripe/1.0 (+https://stripe.com/docs/webhooks)'],
        ['Accept', '*/*; q=0.5, application/xml'],
        ['Content-Length', String(stripeBody.length)],
        ['Stripe-Signature', 't=1700000000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd'],
      ],
      body: stripeBody,
    },
    {
      name: 'a tunnelled delivery with lower-case names and no User-Agent or Accept',
      method: 'POST',
      headers: [
        ['content-type', 'application/json'],
        ['x-signature', 'abc'],
        ['content-length', '7'],
      ],
      body: '{"a":1}',
    },
    { name: 'a bodiless GET with no headers at all', method: 'GET', headers: [], body: '' },
    {
      name: 'a DELETE with only an Accept',
      method: 'DELETE',
      headers: [
        ['X-Trace', '1'],
        ['Accept', 'application/json'],
      ],
      body: '',
    },
  ];

  it.each(captures)('$name', async ({ method, headers, body }) => {
    const url = `${server.url}/hook?x=1`;
    await runCurl(toCurl({ method, url, headers, body: { encoding: 'utf8', text: body } }));
    const got = server.received[0];
    expect(got.method).toBe(method);
    expect(got.url).toBe('/hook?x=1');
    // curl writes Host first; every other header is the capture's, in its order, and nothing more.
    expect(got.headers[0]).toEqual(['Host', `127.0.0.1:${server.port}`]);
    expect(got.headers.slice(1)).toEqual(headers);
    expect(got.body.toString('utf8')).toBe(body);
  });
});

describe('cURL export read back by the cURL import', () => {
  it.each(cases)('round-trips $name', ({ request }) => {
    const req = request('http://localhost:3000');
    const back = parseCurl(toCurl(req)).request;
    expect(back.method).toBe(req.method);
    expect(back.url).toBe(req.url);
    expect(back.headers).toEqual(req.headers);
    expect(Buffer.from(back.body.text, back.body.encoding === 'utf8' ? 'utf8' : 'base64').toString('base64')).toBe(
      Buffer.from(req.body.text, req.body.encoding === 'utf8' ? 'utf8' : 'base64').toString('base64'),
    );
  });
});
