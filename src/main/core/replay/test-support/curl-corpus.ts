/*
 * Command lines and the request curl sends for each, recorded from curl 7.88.1 against a local
 * server. `{url}` is the server's base URL, `{dir}` a temp directory holding `files`. Host and
 * Content-Length are left out (the sender computes them); `curl/*` stands for curl's version in
 * User-Agent and `{boundary}` for the multipart boundary, which curl draws at random.
 */
import type { HeaderPair } from '../../../../shared/capture';

export interface CurlCase {
  name: string;
  command: string;
  files?: Record<string, string>;
  expected: { method: string; path: string; headers: HeaderPair[]; body: string };
}

const UA: HeaderPair = ['User-Agent', 'curl/*'];
const ANY: HeaderPair = ['Accept', '*/*'];
const FORM: HeaderPair = ['Content-Type', 'application/x-www-form-urlencoded'];
const MULTIPART: HeaderPair = ['Content-Type', 'multipart/form-data; boundary={boundary}'];

/** What curl sent, its request line (method and path) written as on the wire. */
function sent(requestLine: string, headers: HeaderPair[], body: string): CurlCase['expected'] {
  const [method, path] = requestLine.split(' ') as [string, string];
  return { method, path, headers, body };
}

export const curlCorpus: CurlCase[] = [
  {
    name: '--compressed adds Accept-Encoding after Accept',
    command: `curl {url}/c --compressed`,
    expected: sent('GET /c', [UA, ANY, ['Accept-Encoding', 'deflate, gzip, br, zstd']], ''),
  },
  {
    name: '--compressed yields to an Accept-Encoding given with -H',
    command: `curl {url}/c --compressed -H 'Accept-Encoding: identity'`,
    expected: sent('GET /c', [UA, ANY, ['Accept-Encoding', 'identity']], ''),
  },
  {
    name: 'repeated --json pieces are joined with nothing, and set Content-Type and Accept',
    command: `curl {url}/j --json '{"a":' --json '1}'`,
    expected: sent('POST /j', [UA, ['Content-Type', 'application/json'], ['Accept', 'application/json']], '{"a":1}'),
  },
  {
    name: '--json after -d is appended without "&"; -d after --json gets one',
    command: `curl {url}/j -d x --json '[1]' -d y`,
    expected: sent('POST /j', [UA, ['Content-Type', 'application/json'], ['Accept', 'application/json']], 'x[1]&y'),
  },
  {
    name: '--json keeps a Content-Type given with -H, adds Accept after the -H headers',
    command: `curl {url}/j --json '[1]' -H 'Content-Type: text/x' -H 'X-C: 1'`,
    expected: sent('POST /j', [UA, ['Content-Type', 'text/x'], ['X-C', '1'], ['Accept', 'application/json']], '[1]'),
  },
  {
    name: '--json @file sends the file as it is (newlines kept)',
    command: `curl {url}/j --json @{dir}/p.json`,
    files: { 'p.json': '{"k":\n1}\n' },
    expected: sent(
      'POST /j',
      [UA, ['Content-Type', 'application/json'], ['Accept', 'application/json']],
      '{"k":\n1}\n',
    ),
  },
  {
    name: '-r N asks for bytes=N-',
    command: `curl {url}/r -r 100`,
    expected: sent('GET /r', [['Range', 'bytes=100-'], UA, ANY], ''),
  },
  {
    name: '--range N-M is sent as it is',
    command: `curl {url}/r --range 0-99`,
    expected: sent('GET /r', [['Range', 'bytes=0-99'], UA, ANY], ''),
  },
  {
    name: '-r with a -d body becomes Content-Range over the body',
    command: `curl {url}/r -r 7 -d abc`,
    expected: sent('POST /r', [['Content-Range', 'bytes 7-/3'], UA, ANY, FORM], 'abc'),
  },
  {
    name: '--url-query encodes (lower-case hex, space as +) and appends to the query',
    command: `curl '{url}/q?x=1' --url-query 'b=c d' --url-query 'e=a&b/é' --url-query '=x y'`,
    expected: sent('GET /q?x=1&b=c+d&e=a%26b%2f%c3%a9&x+y', [UA, ANY], ''),
  },
  {
    name: '--url-query +content is sent unencoded; name@file reads and encodes a file',
    command: `curl {url}/q --url-query '+e=f%20g' --url-query 'n@{dir}/f.txt' --url-query '@{dir}/f.txt'`,
    files: { 'f.txt': 'hello\nworld\n' },
    expected: sent('GET /q?e=f%20g&n=hello%0aworld%0a&hello%0aworld%0a', [UA, ANY], ''),
  },
  {
    name: '-G moves -d and --data-urlencode into the query',
    command: `curl -G '{url}/g?x=1' -d q=webhooks --data-urlencode 'name=a b&c'`,
    expected: sent('GET /g?x=1&q=webhooks&name=a+b%26c', [UA, ANY], ''),
  },
  {
    name: '--data-urlencode forms: content, =content, name=content, @file, name@file',
    command: `curl {url}/u --data-urlencode 'a b' --data-urlencode '=c d' --data-urlencode 'n=e*f~' --data-urlencode @{dir}/f.txt --data-urlencode m@{dir}/f.txt`,
    files: { 'f.txt': 'hello\nworld\n' },
    expected: sent('POST /u', [UA, ANY, FORM], 'a+b&c+d&n=e%2Af~&hello%0Aworld%0A&m=hello%0Aworld%0A'),
  },
  {
    name: '-d @file drops CR and LF; --data-binary @file keeps them',
    command: `curl {url}/d -d @{dir}/f.txt --data-binary @{dir}/g.txt`,
    files: { 'f.txt': 'hel\r\nlo\n', 'g.txt': 'a\r\nb\n' },
    expected: sent('POST /d', [UA, ANY, FORM], 'hello&a\r\nb\n'),
  },
  {
    name: '-F with ;type= and ;filename=, a file part, a <file part',
    command: `curl {url}/f -F 'x=1;type=text/plain' -F 'f=@{dir}/f.txt;type=application/x-foo;filename=y.bin' -F 'g=<{dir}/f.txt' -F 'h=@{dir}/p.json' -F 'i=v;filename=n.bin'`,
    files: { 'f.txt': 'hello\n', 'p.json': '{}' },
    expected: sent(
      'POST /f',
      [UA, ANY, MULTIPART],
      [
        '--{boundary}\r\nContent-Disposition: form-data; name="x"\r\nContent-Type: text/plain\r\n\r\n1\r\n',
        '--{boundary}\r\nContent-Disposition: form-data; name="f"; filename="y.bin"\r\nContent-Type: application/x-foo\r\n\r\nhello\n\r\n',
        '--{boundary}\r\nContent-Disposition: form-data; name="g"\r\n\r\nhello\n\r\n',
        '--{boundary}\r\nContent-Disposition: form-data; name="h"; filename="p.json"\r\nContent-Type: application/octet-stream\r\n\r\n{}\r\n',
        '--{boundary}\r\nContent-Disposition: form-data; name="i"; filename="n.bin"\r\n\r\nv\r\n',
        '--{boundary}--\r\n',
      ].join(''),
    ),
  },
  {
    name: '-F name=@file.txt guesses text/plain from the extension',
    command: `curl {url}/f -F 'doc=@{dir}/notes.txt'`,
    files: { 'notes.txt': 'n' },
    expected: sent(
      'POST /f',
      [UA, ANY, MULTIPART],
      '--{boundary}\r\nContent-Disposition: form-data; name="doc"; filename="notes.txt"\r\nContent-Type: text/plain\r\n\r\nn\r\n--{boundary}--\r\n',
    ),
  },
  {
    name: "-u, -b (twice), -A, -e and -H @file, in curl's order",
    command: `curl {url}/h -u user:pw -b a=1 -b c=2 -A 'ua/1' -e 'http://r.example/;auto' -H @{dir}/h.txt`,
    files: { 'h.txt': 'X-From-File: 1\r\nX-Two: two words\n' },
    expected: sent(
      'GET /h',
      [
        ['Authorization', 'Basic dXNlcjpwdw=='],
        ['User-Agent', 'ua/1'],
        ANY,
        ['Referer', 'http://r.example/'],
        ['Cookie', 'a=1;c=2'],
        ['X-From-File', '1'],
        ['X-Two', 'two words'],
      ],
      '',
    ),
  },
  {
    name: '-u without a password uses an empty one; -A "" sends no User-Agent',
    command: `curl {url}/h -u user: -A ''`,
    expected: sent('GET /h', [['Authorization', 'Basic dXNlcjo='], ANY], ''),
  },
  {
    name: '-H replaces curl\'s own headers in place; "Name:" removes one, "Name;" sends it empty',
    command: `curl {url}/h -H 'Accept: x/y' -H 'User-Agent:' -H 'X-E;' -H 'X-K: 1' -H 'X-K:' -d a`,
    expected: sent('POST /h', [['Accept', 'x/y'], ['X-E', ''], ['X-K', '1'], FORM], 'a'),
  },
  {
    name: '-X glued to its value and a URL without a scheme',
    command: `curl -XPUT {hostport}/x -d 'a=1' -H 'Content-Type: application/json'`,
    expected: sent('PUT /x', [UA, ANY, ['Content-Type', 'application/json']], 'a=1'),
  },
];
