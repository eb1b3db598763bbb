import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../shared/capture';
import { HooklensError } from '../../../shared/errors';
import { CURL_USER_AGENT, parseCurl } from '../../../shared/replay/curl-import';
import { readCurlFile } from './curl-files';
import { curlCorpus } from './test-support/curl-corpus';
import { startEchoServer, type EchoServer } from './test-support/echo-server';

const run = promisify(execFile);
const hasCurl = existsSync('/usr/bin/curl') && existsSync('/bin/bash');
const OWN: HeaderPair[] = [
  ['User-Agent', CURL_USER_AGENT],
  ['Accept', '*/*'],
];

const bodyText = (cmd: string): string => {
  const { body } = parseCurl(cmd).request;
  return body.encoding === 'utf8' ? body.text : Buffer.from(body.text, 'base64').toString('latin1');
};

describe('cURL import: real-world commands', () => {
  it('reads a Stripe-docs style command with line continuations', () => {
    const cmd = `curl https://api.stripe.com/v1/charges \\
  -u sk_test_4eC39HqLyjWDarjtT1zdp7dc: \\
  -d amount=2000 \\
  -d currency=usd \\
  -d "description=My First Test Charge (created for API docs)"`;
    const { request, warnings } = parseCurl(cmd);
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://api.stripe.com/v1/charges');
    expect(request.headers).toEqual([
      ['Authorization', `Basic ${Buffer.from('sk_test_4eC39HqLyjWDarjtT1zdp7dc:').toString('base64')}`],
      ...OWN,
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ]);
    expect(request.body).toEqual({
      encoding: 'utf8',
      text: 'amount=2000&currency=usd&description=My First Test Charge (created for API docs)',
    });
    expect(warnings).toEqual([]);
  });

  it("reads Chrome's Copy as cURL (bash) output", () => {
    const cmd = `curl 'http://localhost:3000/api/webhooks?source=chrome' \\
  -H 'Accept: application/json, text/plain, */*' \\
  -H 'Accept-Language: en-US,en;q=0.9' \\
  -H 'Connection: keep-alive' \\
  -H 'Content-Type: application/json' \\
  -H 'Origin: http://localhost:3000' \\
  -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36' \\
  --data-raw '{"type":"invoice.paid","data":{"object":{"id":"in_1","note":"it'\\''s paid"}}}' \\
  --compressed`;
    const { request } = parseCurl(cmd);
    expect(request.method).toBe('POST');
    expect(request.url).toBe('http://localhost:3000/api/webhooks?source=chrome');
    expect(request.headers).toHaveLength(7);
    // curl's own Accept-Encoding (--compressed) comes before the -H headers, as curl sends it.
    expect(request.headers[0]).toEqual(['Accept-Encoding', 'deflate, gzip, br, zstd']);
    expect(request.headers[1]).toEqual(['Accept', 'application/json, text/plain, */*']);
    expect(JSON.parse(request.body.text).data.object.note).toBe("it's paid");
  });

  it('reads a GitHub-docs style command with -X, -H and double-quoted JSON', () => {
    const cmd = `curl -L \\
  -X POST \\
  -H "Accept: application/vnd.github+json" \\
  -H "Authorization: Bearer <YOUR-TOKEN>" \\
  -H "X-GitHub-Api-Version: 2022-11-28" \\
  https://api.github.com/repos/OWNER/REPO/hooks \\
  -d '{"name":"web","active":true,"events":["push","pull_request"],"config":{"url":"https://example.com/webhook","content_type":"json","insecure_ssl":"0"}}'`;
    const { request, warnings } = parseCurl(cmd);
    expect(request.method).toBe('POST');
    expect(request.headers.map(([n]) => n)).toEqual([
      'User-Agent',
      'Accept',
      'Authorization',
      'X-GitHub-Api-Version',
      'Content-Type',
    ]);
    expect(JSON.parse(request.body.text).events).toEqual(['push', 'pull_request']);
    expect(warnings).toContain('Redirects are shown, not followed.');
  });

  it("handles glued short options, clusters and --data-binary with $'…' escapes", () => {
    const cmd = `curl -sSk -XPUT -H'X-Token: abc' --data-binary $'line1\\nline2\\x00\\xff\\'q' http://127.0.0.1:8080/up`;
    const { request } = parseCurl(cmd);
    expect(request.method).toBe('PUT');
    expect(request.headers).toContainEqual(['X-Token', 'abc']);
    expect(request.body.encoding).toBe('base64');
    expect(Buffer.from(request.body.text, 'base64')).toEqual(
      Buffer.from([...Buffer.from('line1\nline2'), 0, 0xff, 0x27, 0x71]),
    );
  });

  it('handles double-quote escapes and Windows cmd ^ continuations', () => {
    const cmd = 'curl "http://localhost:3000/x" ^\r\n  -H "X-A: say \\"hi\\" \\\\ $5" ^\r\n  --data "{\\"a\\":1}"';
    const { request } = parseCurl(cmd);
    expect(request.headers).toContainEqual(['X-A', 'say "hi" \\ $5']);
    expect(request.body.text).toBe('{"a":1}');
  });

  it('handles --json, --url, -A, -e, -b, -G, -I and a URL without scheme', () => {
    expect(parseCurl(`curl --json '{"a":1}' --url localhost:3000/j`).request).toMatchObject({
      method: 'POST',
      url: 'http://localhost:3000/j',
      headers: [
        ['User-Agent', CURL_USER_AGENT],
        ['Content-Type', 'application/json'],
        ['Accept', 'application/json'],
      ],
    });
    expect(parseCurl(`curl -A 'ua/1' -e https://ref.example -b 'a=1; b=2' http://h/`).request.headers).toEqual([
      ['User-Agent', 'ua/1'],
      ['Accept', '*/*'],
      ['Referer', 'https://ref.example'],
      ['Cookie', 'a=1; b=2'],
    ]);
    const get = parseCurl(`curl -G http://h/search?x=1 -d q=webhooks --data-urlencode 'name=a b&c'`).request;
    expect(get).toMatchObject({
      method: 'GET',
      url: 'http://h/search?x=1&q=webhooks&name=a+b%26c',
      body: { text: '' },
    });
    expect(parseCurl('curl -I http://h/').request.method).toBe('HEAD');
  });

  it('builds a multipart body for text -F fields', () => {
    const { request } = parseCurl(`curl -F name=hooklens -F 'note=a b' http://h/upload`);
    const ct = request.headers.find(([n]) => n === 'Content-Type')?.[1] ?? '';
    expect(ct).toMatch(/^multipart\/form-data; boundary=-+[0-9a-f]{16}$/);
    const boundary = ct.split('boundary=')[1];
    expect(request.body.text).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nhooklens\r\n--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\na b\r\n--${boundary}--\r\n`,
    );
  });

  it('honours "Name:" (remove) and "Name;" (empty value) header forms', () => {
    const { request } = parseCurl(`curl -H 'Content-Type:' -H 'X-Empty;' -d 'x' http://h/`);
    expect(request.headers).toEqual([...OWN, ['X-Empty', '']]);
  });

  it('strips a leading prompt and ignores a trailing pipe with a warning', () => {
    const { request, warnings } = parseCurl(`$ curl http://h/a | jq .`);
    expect(request.url).toBe('http://h/a');
    expect(warnings[0]).toMatch(/Ignored what follows the command: \| jq \./);
  });

  it('keeps raw data literally, including a leading @', () => {
    expect(bodyText(`curl --data-raw '@not-a-file' http://h/`)).toBe('@not-a-file');
  });
});

describe('cURL import: malformed commands', () => {
  it.each([
    ['', /empty|non-empty/],
    ['wget http://h/', /starts with "wget", not "curl"/],
    [`curl 'http://h/`, /single quote at character 6 is never closed/],
    [`curl "http://h/`, /double quote at character 6 is never closed/],
    [`curl -H`, /-H needs a value after it/],
    [`curl -X POST`, /has no URL/],
    [`curl ftp://h/file`, /Only http: and https:/],
    [`curl -H 'NoColonHere' http://h/`, /"NoColonHere" has no "Name: value" form/],
    [`curl -H 'Bad Name: x' http://h/`, /not a valid header name/],
    [`curl -d @payload.json http://h/`, /reads the local file payload\.json; paste the content instead/],
    [
      `curl --data-binary @- http://h/`,
      /--data-binary @- reads from standard input, which a pasted command does not carry/,
    ],
    [`curl -d @- http://h/`, /-d @- reads from standard input/],
    [`curl -H @- http://h/`, /-H @- reads from standard input/],
    [`curl -F file=@photo.jpg http://h/`, /-F reads the local file photo\.jpg/],
    [`curl --foo bar http://h/`, /the option --foo changes the request in a way Hooklens does not model/],
    [`curl -C - http://h/`, /the option -C changes the request/],
    [`curl --digest -u a:b http://h/`, /the option --digest/],
    [`curl --data=x http://h/`, /the option --data=x/],
    [`curl -T file.txt http://h/`, /uploads a local file/],
    [`curl -K opts.txt`, /reads options from a file/],
    [`curl -d a=1 -F b=2 http://h/`, /mixes -d\/--data and -F\/--form/],
    [`curl --data-binary $'\\xZZ' http://h/`, /not followed by hex digits/],
    [`curl http://h/ \\`, /lone backslash/],
  ])('refuses %j with a clear reason', (cmd, reason) => {
    let err: unknown;
    try {
      parseCurl(cmd);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HooklensError);
    expect((err as HooklensError).code).toBe('import_failed');
    expect((err as HooklensError).message).toMatch(reason);
  });
});

describe('cURL import: files named by the command (the core reader)', () => {
  it('refuses a relative path, a missing file and a directory by name', () => {
    expect(() => parseCurl('curl -d @body.json http://h/', readCurlFile)).toThrow(
      /"body\.json" by a relative path; give its absolute path/,
    );
    expect(() => parseCurl('curl -H @/nonexistent/h.txt http://h/', readCurlFile)).toThrow(
      /\/nonexistent\/h\.txt, which cannot be read \(ENOENT\)/,
    );
    expect(() => parseCurl(`curl --json @${tmpdir()} http://h/`, readCurlFile)).toThrow(/is not a regular file/);
  });

  it('names each file read in a warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hooklens-curl-'));
    try {
      writeFileSync(join(dir, 'b.bin'), Buffer.from([0xff, 0x00, 0x41]));
      const { request, warnings } = parseCurl(`curl --data-binary @${dir}/b.bin http://h/`, readCurlFile);
      expect(Buffer.from(request.body.text, 'base64')).toEqual(Buffer.from([0xff, 0x00, 0x41]));
      expect(warnings).toEqual([`Read 3 bytes from ${dir}/b.bin (--data-binary).`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/*
 * Each corpus command runs through the real curl (by bash, as pasted) against a local server; what
 * arrived must equal what the importer builds, and both must equal the request recorded in the corpus.
 */
describe.skipIf(!hasCurl)('cURL import matches the request the real curl sends (corpus)', () => {
  let server: EchoServer;
  let dir: string;
  beforeAll(async () => {
    server = await startEchoServer();
    dir = mkdtempSync(join(tmpdir(), 'hooklens-curl-corpus-'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const boundaryOf = (headers: HeaderPair[]): string | null =>
    /boundary=(\S+)/.exec(headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '')?.[1] ?? null;
  /** The parts a comparison can rely on: no Host or Content-Length, curl's version and boundary as placeholders. */
  const normalise = (method: string, path: string, headers: HeaderPair[], body: Buffer) => {
    const boundary = boundaryOf(headers);
    const mark = (s: string): string => (boundary ? s.split(boundary).join('{boundary}') : s);
    return {
      method,
      path,
      headers: headers
        .filter(([n]) => !/^(host|content-length)$/i.test(n))
        .map(([n, v]): HeaderPair => [
          n,
          n.toLowerCase() === 'user-agent' ? v.replace(/^curl\/[\d.]+$/, 'curl/*') : mark(v),
        ]),
      body: mark(body.toString('latin1')),
    };
  };

  it.each(curlCorpus)('$name', async (c) => {
    const caseDir = mkdtempSync(join(dir, 'case-'));
    for (const [name, content] of Object.entries(c.files ?? {})) writeFileSync(join(caseDir, name), content);
    const command = c.command
      .replaceAll('{url}', server.url)
      .replaceAll('{hostport}', `127.0.0.1:${server.port}`)
      .replaceAll('{dir}', caseDir);
    const before = server.received.length;
    await run('/bin/bash', ['-c', `${command} --silent --show-error --output /dev/null`], {
      cwd: caseDir,
      timeout: 10_000,
    });
    expect(server.received).toHaveLength(before + 1);
    const sent = server.received[before];
    const byCurl = normalise(sent.method, sent.url, sent.headers, sent.body);

    const { request } = parseCurl(command, readCurlFile);
    const url = new URL(request.url);
    const body = Buffer.from(request.body.text, request.body.encoding === 'utf8' ? 'utf8' : 'base64');
    const imported = normalise(request.method, url.pathname + url.search, request.headers, body);

    expect(byCurl).toEqual(c.expected);
    expect(imported).toEqual(byCurl);
    if (sent.body.length || request.method === 'POST')
      expect(sent.headers).toContainEqual(['Content-Length', String(body.length)]);
  });
});
