/*
 * A real local server for replay tests: records every request exactly as it arrived (raw header
 * lines, body bytes) and answers with a JSON echo unless a test supplies its own answer.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HeaderPair } from '../../../../shared/capture';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: HeaderPair[];
  body: Buffer;
}

export interface EchoServer {
  port: number;
  url: string;
  received: ReceivedRequest[];
  /** Replaces the default echo answer. */
  respond(handler: (req: ReceivedRequest, res: ServerResponse) => void): void;
  close(): Promise<void>;
}

export async function startEchoServer(port = 0): Promise<EchoServer> {
  const received: ReceivedRequest[] = [];
  let handler = (req: ReceivedRequest, res: ServerResponse): void => {
    const text = JSON.stringify({ method: req.method, url: req.url, body: req.body.toString('utf8') });
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Echo': 'yes' });
    res.end(text);
  };
  const server = http.createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: HeaderPair[] = [];
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
      const record = { method: req.method ?? '', url: req.url ?? '', headers, body: Buffer.concat(chunks) };
      received.push(record);
      handler(record, res);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}`,
    received,
    respond: (h) => {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A port that nothing listens on right now (bound, then released). */
export async function freePort(): Promise<number> {
  const s = await startEchoServer();
  await s.close();
  return s.port;
}
