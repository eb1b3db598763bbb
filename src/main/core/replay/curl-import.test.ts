import { describe, expect, it } from 'vitest';
import { HooklensError } from '../../../shared/errors';
import { parseCurl } from '../../../shared/replay/curl-import';

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
      ['Content-Type', 'application/x-www-form-urlencoded'],
      ['Authorization', `Basic ${Buffer.from('sk_test_4eC39HqLyjWDarjtT1zdp7dc:').toString('base64')}`],
    ]);
    expect(request.body).toEqual({ encoding: 'utf8', text: 'amount=2000&currency=usd&description=My First Test Charge (created for API docs)' });
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
    expect(request.headers).toHaveLength(6);
    expect(request.headers[0]).toEqual(['Accept', 'application/json, text/plain, */*']);
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
    expect(request.headers.map(([n]) => n)).toEqual(['Accept', 'Authorization', 'X-GitHub-Api-Version', 'Content-Type']);
    expect(JSON.parse(request.body.text).events).toEqual(['push', 'pull_request']);
    expect(warnings).toContain('Redirects are shown, not followed.');
  });

  it('handles glued short options, clusters and --data-binary with $\'…\' escapes', () => {
    const cmd = `curl -sSk -XPUT -H'X-Token: abc' --data-binary $'line1\\nline2\\x00\\xff\\'q' http://127.0.0.1:8080/up`;
    const { request } = parseCurl(cmd);
    expect(request.method).toBe('PUT');
    expect(request.headers).toContainEqual(['X-Token', 'abc']);
    expect(request.body.encoding).toBe('base64');
    expect(Buffer.from(request.body.text, 'base64')).toEqual(Buffer.from([...Buffer.from('line1\nline2'), 0, 0xff, 0x27, 0x71]));
  });

  it('handles double-quote escapes and Windows cmd ^ continuations', () => {
    const cmd = 'curl "http://localhost:3000/x" ^\r\n  -H "X-A: say \\"hi\\" \\\\ $5" ^\r\n  --data "{\\"a\\":1}"';
    const { request } = parseCurl(cmd);
    expect(request.headers[0]).toEqual(['X-A', 'say "hi" \\ $5']);
    expect(request.body.text).toBe('{"a":1}');
  });

  it('handles --json, --url, -A, -e, -b, -G, -I and a URL without scheme', () => {
    expect(parseCurl(`curl --json '{"a":1}' --url localhost:3000/j`).request).toMatchObject({
      method: 'POST',
      url: 'http://localhost:3000/j',
      headers: [['Content-Type', 'application/json'], ['Accept', 'application/json']],
    });
    expect(parseCurl(`curl -A 'ua/1' -e https://ref.example -b 'a=1; b=2' http://h/`).request.headers).toEqual([
      ['User-Agent', 'ua/1'],
      ['Referer', 'https://ref.example'],
      ['Cookie', 'a=1; b=2'],
    ]);
    const get = parseCurl(`curl -G http://h/search?x=1 -d q=webhooks --data-urlencode 'name=a b&c'`).request;
    expect(get).toMatchObject({ method: 'GET', url: 'http://h/search?x=1&q=webhooks&name=a%20b%26c', body: { text: '' } });
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
    expect(request.headers).toEqual([['X-Empty', '']]);
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
    [`curl -d @payload.json http://h/`, /reads the body from a file/],
    [`curl --data-binary @- http://h/`, /standard input/],
    [`curl -F file=@photo.jpg http://h/`, /uploads a local file/],
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
