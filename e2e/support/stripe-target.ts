/*
 * A replay target that judges what arrives with Stripe's own SDK (constructEvent): 200 to an event
 * that verifies with the secret, 400 with the SDK's reason otherwise. Each request leaves a verdict,
 * `ok <amount>` (the event's data.object.amount) or `rejected`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export interface StripeTarget {
  url: string;
  verdicts: string[];
  close(): Promise<void>;
}

export async function startStripeTarget(secret: string): Promise<StripeTarget> {
  const stripe = new Stripe('sk_test_unused');
  const verdicts: string[] = [];
  const target = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const event = stripe.webhooks.constructEvent(
          Buffer.concat(chunks),
          String(req.headers['stripe-signature']),
          secret,
        );
        verdicts.push(`ok ${(event.data.object as { amount: number }).amount}`);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ verified: true }));
      } catch (err) {
        verdicts.push('rejected');
        res.writeHead(400, { 'Content-Type': 'text/plain' });
        res.end((err as Error).message);
      }
    });
  });
  await new Promise<void>((r) => target.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(target.address() as AddressInfo).port}`,
    verdicts,
    close: () => new Promise<void>((r) => (target.closeAllConnections(), target.close(() => r()))),
  };
}
