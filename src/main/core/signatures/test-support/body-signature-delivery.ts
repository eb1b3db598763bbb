/*
 * Senders that sign the raw JSON body into one header (Lemon Squeezy, Sentry): the delivery as they
 * post it, and the two documented-recipe cases, our verify accepting the reference signature and
 * our sign writing exactly it. The reference itself stays in each test, beside the docs it follows.
 */
import { expect, it } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import type { Provider, SignedRequest } from '../types';

export interface BodySignatureDelivery {
  request(body: string, headers: HeaderPair[]): SignedRequest;
  /** The sender's headers with `sig` in the signature header, last. */
  headersFor(sig: string): HeaderPair[];
}

export function bodySignatureDelivery(signatureHeader: string, sender: HeaderPair[]): BodySignatureDelivery {
  return {
    request: (body, headers) => ({ method: 'POST', headers, body: Buffer.from(body) }),
    headersFor: (sig) => [...sender, [signatureHeader, sig]],
  };
}

export interface DocumentedRecipe {
  provider: Provider;
  /** The id the verdict must carry, spelt out so a renamed provider fails here. */
  id: string;
  signatureHeader: string;
  secret: string;
  body: string;
  reference(body: string, secret: string): string;
}

/** Registers the two documented-recipe cases inside the caller's `describe`. */
export function documentedRecipeCases(delivery: BodySignatureDelivery, c: DocumentedRecipe): void {
  it('accepts the documented signature', () => {
    const sig = c.reference(c.body, c.secret);
    const r = c.provider.verify(delivery.request(c.body, delivery.headersFor(sig)), { secret: c.secret });
    expect(r).toMatchObject({ provider: c.id, valid: true, expected: sig, received: sig });
  });

  it('signs exactly as the documented recipe', () => {
    expect(c.provider.sign!({ secret: c.secret, body: Buffer.from(c.body) })).toEqual([
      [c.signatureHeader, c.reference(c.body, c.secret)],
    ]);
  });
}
