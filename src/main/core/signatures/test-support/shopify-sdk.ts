/*
 * The Shopify library as a judge. Its webhook validation reads a real incoming request, so
 * `shopifyValidates` gives it one, on loopback.
 */
import '@shopify/shopify-api/adapters/node';
import { ApiVersion, LogSeverity, shopifyApi } from '@shopify/shopify-api';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';

export function shopifyApiFor(secret: string): ReturnType<typeof shopifyApi> {
  return shopifyApi({
    apiKey: 'key',
    apiSecretKey: secret,
    scopes: [],
    hostName: 'hooklens.test',
    apiVersion: ApiVersion.October25,
    isEmbeddedApp: false,
    logger: { level: LogSeverity.Error, log: async () => undefined },
  });
}

export interface ShopifyDelivery {
  secret: string;
  path: string;
  headers: HeaderPair[] | Record<string, string>;
  body: string | Buffer;
}

/** What the library's `webhooks.validate` says of the delivery, posted to a listener on port 0. */
export async function shopifyValidates(delivery: ShopifyDelivery): Promise<{ valid: boolean; topic?: string }> {
  const api = shopifyApiFor(delivery.secret);
  let result: { valid: boolean; topic?: string } | undefined;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      api.webhooks
        .validate({ rawBody: Buffer.concat(chunks).toString('utf8'), rawRequest: req, rawResponse: res })
        .then(
          (v) => {
            result = v.valid ? { valid: true, topic: v.topic } : { valid: false };
            res.end('ok');
          },
          (err: unknown) => {
            res.statusCode = 500;
            res.end(String(err));
          },
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}${delivery.path}`, {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
    });
    expect(res.status).toBe(200);
    return result!;
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
