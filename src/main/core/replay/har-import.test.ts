import { describe, expect, it } from 'vitest';
import { HooklensError } from '../../../shared/errors';
import type { ReplayRequest } from '../../../shared/replay/types';
import { parseHar } from './har-import';
import { harCorpus } from './test-support/har-corpus';

const bytes = (r: ReplayRequest): Buffer => Buffer.from(r.body.text, r.body.encoding === 'utf8' ? 'utf8' : 'base64');
const header = (r: ReplayRequest, name: string): string | undefined =>
  r.headers.find(([n]) => n.toLowerCase() === name)?.[1];
const har = (request: Record<string, unknown>): string =>
  JSON.stringify({ log: { version: '1.2', entries: [{ request }] } });

describe('HAR import: exports of the browsers and tools', () => {
  it.each(harCorpus)('loads $name', (c) => {
    const { requests, warnings } = parseHar(JSON.stringify(c.har, null, 2));
    expect(requests.map((r) => `${r.request.method} ${r.request.url}`)).toEqual(c.requests);
    expect(warnings.filter((w) => w.startsWith('Skipped'))).toHaveLength(c.skipped);
    const withBody = requests.find((r) => r.request.body.text !== '');
    expect(bytes(withBody!.request).toString('latin1')).toBe(c.body);
    for (const r of requests) expect(r.request.headers.every(([n]) => !n.startsWith(':'))).toBe(true);
  });

  it('names a skipped non-HTTP entry (Chrome websocket)', () => {
    expect(parseHar(JSON.stringify(harCorpus[0].har)).warnings).toEqual([
      'Skipped entry 2: ws://localhost:3000/live is not an HTTP request.',
    ]);
  });
});

describe('HAR import: BOM, cookies, multipart', () => {
  it('accepts a UTF-8 byte order mark before the JSON', () => {
    const text = `\uFEFF${har({ method: 'GET', url: 'http://h/a', headers: [] })}`;
    expect(parseHar(text).requests[0].request.url).toBe('http://h/a');
    // The same file read as bytes and decoded as UTF-8 keeps the mark as U+FEFF.
    const fromBytes = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(har({ method: 'GET', url: 'http://h/b' }))]),
    );
    expect(parseHar(fromBytes).requests[0].request.url).toBe('http://h/b');
  });

  it('turns request.cookies into a Cookie header when the headers have none', () => {
    const [{ request, warnings }] = parseHar(
      har({
        method: 'GET',
        url: 'http://h/',
        headers: [{ name: 'X-A', value: '1' }],
        cookies: [
          { name: 'sid', value: 'a b' },
          { name: 'theme', value: 'dark', httpOnly: true },
        ],
      }),
    ).requests;
    expect(request.headers).toEqual([
      ['X-A', '1'],
      ['Cookie', 'sid=a b; theme=dark'],
    ]);
    expect(warnings).toContain('The Cookie header was rebuilt from request.cookies (2).');
  });

  it('keeps a Cookie header the request already has', () => {
    const [{ request }] = parseHar(
      har({
        method: 'GET',
        url: 'http://h/',
        headers: [{ name: 'cookie', value: 'sid=1' }],
        cookies: [{ name: 'sid', value: '1' }],
      }),
    ).requests;
    expect(request.headers).toEqual([['cookie', 'sid=1']]);
  });

  it('builds a real multipart body from postData.params, keeping the boundary the Content-Type names', async () => {
    const boundary = '----WebKitFormBoundary7MA4YWxkTrZu0gW';
    const [{ request, warnings }] = parseHar(
      har({
        method: 'POST',
        url: 'http://h/upload',
        headers: [{ name: 'Content-Type', value: `multipart/form-data; boundary=${boundary}` }],
        postData: {
          mimeType: `multipart/form-data; boundary=${boundary}`,
          params: [
            { name: 'title', value: 'Quarterly "report"' },
            { name: 'notes', value: 'line1\nline2', fileName: 'notes.txt', contentType: 'text/plain' },
            { name: 'avatar', fileName: 'me.png', contentType: 'image/png' },
          ],
        },
      }),
    ).requests;
    expect(header(request, 'content-type')).toBe(`multipart/form-data; boundary=${boundary}`);
    expect(
      bytes(request)
        .toString('utf8')
        .startsWith(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nQuarterly "report"\r\n`),
    ).toBe(true);
    // A real multipart parser (the fetch Request of Node) reads the parts back.
    const form = await new Request('http://h/upload', {
      method: 'POST',
      headers: { 'content-type': header(request, 'content-type')! },
      body: bytes(request),
    }).formData();
    expect(form.get('title')).toBe('Quarterly "report"');
    const notes = form.get('notes') as File;
    expect([notes.name, notes.type, await notes.text()]).toEqual(['notes.txt', 'text/plain', 'line1\nline2']);
    const avatar = form.get('avatar') as File;
    expect([avatar.name, avatar.type, avatar.size]).toEqual(['me.png', 'image/png', 0]);
    expect(warnings).toContain('entry 1: the file part "avatar" (me.png) has no content in the HAR; it is sent empty.');
    expect(warnings.some((w) => w.includes('"notes"'))).toBe(false);
  });

  it('adds a Content-Type with a fresh boundary when the request has none', async () => {
    const [{ request }] = parseHar(
      har({
        method: 'POST',
        url: 'http://h/u',
        headers: [],
        postData: { mimeType: 'multipart/form-data', params: [{ name: 'a', value: '1' }] },
      }),
    ).requests;
    const type = header(request, 'content-type')!;
    expect(type).toMatch(/^multipart\/form-data; boundary=-{24}[0-9a-f]{16}$/);
    const form = await new Request('http://h/u', {
      method: 'POST',
      headers: { 'content-type': type },
      body: bytes(request),
    }).formData();
    expect(form.get('a')).toBe('1');
  });

  it('rebuilds a urlencoded body from params when there is no text', () => {
    const [{ request }] = parseHar(
      har({
        method: 'POST',
        url: 'http://h/f',
        headers: [],
        postData: { mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'q', value: 'a b&c' }] },
      }),
    ).requests;
    expect(request.body.text).toBe('q=a+b%26c');
    expect(header(request, 'content-type')).toBe('application/x-www-form-urlencoded');
  });

  it.each([
    ['not JSON', 'nope', /it is not JSON/],
    ['no log', '{}', /no "log" object/],
    [
      'a header that is not a pair',
      har({ method: 'GET', url: 'http://h/', headers: [{ name: 1 }] }),
      /entry 1: header 1 is not a \{ name, value \} pair/,
    ],
    [
      'a bad base64 body',
      har({ method: 'POST', url: 'http://h/', postData: { text: '%%%', encoding: 'base64' } }),
      /marked base64 but is not valid base64/,
    ],
  ])('refuses %s with where it broke', (_name, text, reason) => {
    let err: unknown;
    try {
      parseHar(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HooklensError);
    expect((err as HooklensError).message).toMatch(reason);
  });
});
