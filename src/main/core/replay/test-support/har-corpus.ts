/*
 * HAR files in the shapes the browsers and tools export them, with their quirks, trimmed to a few
 * entries each: Chrome (`_initiator`, `_resourceType`, `_priority`, HTTP/2 pseudo-headers, a
 * websocket entry), Firefox (empty `postData.params` beside `text`, `comment` fields), Safari (fields
 * left out: no cookies, no mimeType, no httpVersion), Charles (HAR 1.2, `bodySize: -1`, base64 body
 * with `encoding`), Insomnia (HAR 1.2, `log.creator.name`, a body as `postData.text` only).
 */
/** An empty 200 answer, as most of these tools write it; cases differ from it where their tool does. */
export const response = {
  status: 200,
  statusText: 'OK',
  httpVersion: 'HTTP/1.1',
  headers: [],
  cookies: [],
  content: { size: 0, mimeType: 'text/plain' },
  redirectURL: '',
  headersSize: -1,
  bodySize: 0,
};
const timings = { blocked: 0.5, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: 12.3, receive: 0.4 };

/**
 * A request's method, url and httpVersion from its request line (a tool that leaves the version out
 * gives two words), and its headers from `[name, value]` pairs, in order.
 */
function requestHead(line: string, headers: [string, string][]) {
  const [method, url, httpVersion] = line.split(' ');
  return {
    method,
    url,
    ...(httpVersion ? { httpVersion } : {}),
    headers: headers.map(([name, value]) => ({ name, value })),
  };
}

export interface HarCase {
  name: string;
  har: unknown;
  /** method + URL of each request expected, in order. */
  requests: string[];
  /** A body expected in the first request with one. */
  body: string;
  skipped: number;
}

export const harCorpus: HarCase[] = [
  {
    name: 'Chrome DevTools (Export HAR)',
    har: {
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        pages: [
          {
            startedDateTime: '2026-01-02T10:00:00.000Z',
            id: 'page_1',
            title: 'http://localhost:3000/',
            pageTimings: { onContentLoad: 120, onLoad: 300 },
          },
        ],
        entries: [
          {
            _initiator: {
              type: 'script',
              stack: {
                callFrames: [
                  {
                    functionName: 'send',
                    scriptId: '12',
                    url: 'http://localhost:3000/app.js',
                    lineNumber: 10,
                    columnNumber: 4,
                  },
                ],
              },
            },
            _priority: 'High',
            _resourceType: 'fetch',
            cache: {},
            connection: '443',
            pageref: 'page_1',
            request: {
              ...requestHead('POST http://localhost:3000/api/webhooks?source=chrome http/2.0', [
                [':authority', 'localhost:3000'],
                [':method', 'POST'],
                [':path', '/api/webhooks?source=chrome'],
                [':scheme', 'http'],
                ['accept', '*/*'],
                ['content-type', 'application/json'],
                ['cookie', 'sid=abc'],
              ]),
              queryString: [{ name: 'source', value: 'chrome' }],
              cookies: [
                {
                  name: 'sid',
                  value: 'abc',
                  path: '/',
                  domain: 'localhost',
                  expires: null,
                  httpOnly: false,
                  secure: false,
                },
              ],
              headersSize: -1,
              bodySize: 17,
              postData: { mimeType: 'application/json', text: '{"type":"ping"}\n' },
            },
            response,
            serverIPAddress: '127.0.0.1',
            startedDateTime: '2026-01-02T10:00:00.100Z',
            time: 13.3,
            timings: { ...timings, _blocked_queueing: 0.2 },
          },
          {
            _resourceType: 'websocket',
            _webSocketMessages: [{ type: 'send', time: 1767348000.1, opcode: 1, data: 'hi' }],
            request: {
              method: 'GET',
              url: 'ws://localhost:3000/live',
              httpVersion: 'HTTP/1.1',
              headers: [{ name: 'Upgrade', value: 'websocket' }],
              queryString: [],
              cookies: [],
              headersSize: -1,
              bodySize: 0,
            },
            response: { ...response, status: 101 },
            startedDateTime: '2026-01-02T10:00:00.200Z',
            time: 1,
            timings,
          },
        ],
      },
    },
    requests: ['POST http://localhost:3000/api/webhooks?source=chrome'],
    body: '{"type":"ping"}\n',
    skipped: 1,
  },
  {
    name: 'Firefox DevTools (Save All As HAR)',
    har: {
      log: {
        version: '1.2',
        creator: { name: 'Firefox', version: '133.0' },
        browser: { name: 'Firefox', version: '133.0' },
        pages: [
          {
            startedDateTime: '2026-01-02T10:00:00.000+01:00',
            id: 'page_1',
            title: 'Shop',
            pageTimings: { onContentLoad: -1, onLoad: -1 },
          },
        ],
        entries: [
          {
            pageref: 'page_1',
            startedDateTime: '2026-01-02T10:00:00.000+01:00',
            request: {
              bodySize: 11,
              ...requestHead('POST http://localhost:8080/orders HTTP/1.1', [
                ['Host', 'localhost:8080'],
                ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'],
                ['Content-Type', 'application/x-www-form-urlencoded'],
                ['Content-Length', '11'],
              ]),
              cookies: [],
              queryString: [],
              headersSize: 402,
              postData: { mimeType: 'application/x-www-form-urlencoded', params: [], text: 'item=1&qty=2' },
            },
            response,
            cache: {},
            timings,
            time: 13,
            _securityState: 'insecure',
            serverIPAddress: '127.0.0.1',
            connection: '8080',
            comment: '',
          },
        ],
        comment: '',
      },
    },
    requests: ['POST http://localhost:8080/orders'],
    body: 'item=1&qty=2',
    skipped: 0,
  },
  {
    name: 'Safari Web Inspector (Export)',
    har: {
      log: {
        version: '1.2',
        creator: { name: 'WebKit Web Inspector', version: '1.0' },
        pages: [
          {
            id: 'page_0',
            title: 'http://localhost:4000/',
            startedDateTime: '2026-01-02T10:00:00.000Z',
            pageTimings: {},
          },
        ],
        entries: [
          {
            pageref: 'page_0',
            startedDateTime: '2026-01-02T10:00:00.000Z',
            time: 20,
            request: {
              method: 'PUT',
              url: 'http://localhost:4000/items/7',
              headers: [{ name: 'Content-Type', value: 'text/plain' }],
              queryString: [],
              headersSize: -1,
              bodySize: 5,
              postData: { text: 'hello' },
            },
            response,
            cache: {},
            timings,
            _fetchType: 'Network Load',
            _priority: 'medium',
          },
          {
            startedDateTime: '2026-01-02T10:00:00.100Z',
            time: 2,
            request: { method: 'GET', url: 'http://localhost:4000/health', headersSize: -1, bodySize: 0 },
            response,
            timings,
          },
        ],
      },
    },
    requests: ['PUT http://localhost:4000/items/7', 'GET http://localhost:4000/health'],
    body: 'hello',
    skipped: 0,
  },
  {
    name: 'Charles Proxy (HAR 1.2)',
    har: {
      log: {
        version: '1.2',
        creator: { name: 'Charles Proxy', version: '4.6.6' },
        entries: [
          {
            startedDateTime: '2026-01-02T10:00:00.000+00:00',
            time: 40,
            request: {
              method: 'POST',
              url: 'http://127.0.0.1:5000/upload',
              httpVersion: 'HTTP/1.1',
              cookies: [
                { name: 'session', value: 'xyz' },
                { name: 'theme', value: 'dark' },
              ],
              headers: [{ name: 'Content-Type', value: 'application/octet-stream' }],
              queryString: [],
              postData: {
                mimeType: 'application/octet-stream',
                text: Buffer.from([0, 1, 2, 255]).toString('base64'),
                encoding: 'base64',
              },
              headersSize: 120,
              bodySize: -1,
            },
            response: { ...response, bodySize: -1, content: { size: -1, mimeType: 'text/plain' } },
            serverIPAddress: '127.0.0.1',
            cache: {},
            timings: { dns: -1, connect: -1, ssl: -1, send: 1, wait: 38, receive: 1 },
          },
        ],
      },
    },
    requests: ['POST http://127.0.0.1:5000/upload'],
    body: '\u0000\u0001\u0002\u00ff',
    skipped: 0,
  },
  {
    name: 'Insomnia (Export, HAR 1.2)',
    har: {
      log: {
        version: '1.2',
        creator: { name: 'Insomnia REST Client', version: 'insomnia.desktop.app:v10.1.1' },
        entries: [
          {
            startedDateTime: '2026-01-02T10:00:00.000Z',
            time: 0,
            request: {
              method: 'POST',
              url: 'http://localhost:3000/graphql',
              httpVersion: 'HTTP/1.1',
              cookies: [],
              headers: [{ name: 'Content-Type', value: 'application/json' }],
              queryString: [],
              postData: { text: '{"query":"{ me { id } }"}' },
              headersSize: -1,
              bodySize: -1,
              settingEncodeUrl: true,
            },
            response: { ...response, status: 0, statusText: '', content: { size: 0, mimeType: '' }, bodySize: -1 },
            cache: {},
            timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait: 0, receive: 0, ssl: -1 },
            comment: 'Create order',
          },
        ],
      },
    },
    requests: ['POST http://localhost:3000/graphql'],
    body: '{"query":"{ me { id } }"}',
    skipped: 0,
  },
];
