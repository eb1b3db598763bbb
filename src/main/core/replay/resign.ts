/*
 * Re-signing: the provider's signature header is recomputed over the bytes about to be sent, with
 * a fresh timestamp, so the handler under development accepts an edited body. The new header rows
 * take the place of the old ones (same position, the name spelt as the capture spelt it).
 */
import type { HeaderPair } from '../../../shared/capture';
import { HooklensError } from '../../../shared/errors';
import type { Provider, SignedRequest } from '../signatures/types';

/** Where provider definitions come from; the registry in production, a fixed list in tests. */
export interface SignatureProviders {
  get(id: string): Provider | undefined;
  detect(req: SignedRequest): Provider | undefined;
}

export interface ResignInput {
  method: string;
  url: string;
  headers: HeaderPair[];
  body: Buffer;
}

export function resignHeaders(
  input: ResignInput,
  resign: { provider: Provider; secret: string; now?: number },
): HeaderPair[] {
  const { provider, secret } = resign;
  if (!provider.sign) {
    throw new HooklensError(
      'invalid_argument',
      `${provider.name} signatures can be checked but not created, so the request cannot be re-signed.`,
    );
  }
  const fresh = provider.sign({
    secret,
    body: input.body,
    timestamp: resign.now ?? Math.floor(Date.now() / 1000),
    url: input.url,
    method: input.method,
    headers: input.headers,
    id: messageId(input.headers),
  });
  const replaced = new Set([...provider.signatureHeaders, ...fresh.map(([n]) => n)].map((n) => n.toLowerCase()));
  const spelling = new Map(input.headers.map(([n]) => [n.toLowerCase(), n]));
  const freshRows: HeaderPair[] = fresh.map(([n, v]) => [spelling.get(n.toLowerCase()) ?? n, v]);
  const out: HeaderPair[] = [];
  let placed = false;
  for (const pair of input.headers) {
    if (!replaced.has(pair[0].toLowerCase())) out.push(pair);
    else if (!placed) {
      out.push(...freshRows);
      placed = true;
    }
  }
  if (!placed) out.push(...freshRows);
  return out;
}

/** Message-id schemes (Standard Webhooks, Svix) sign the id too; keeping the original id keeps dedup keys stable. */
function messageId(headers: HeaderPair[]): string | undefined {
  return headers.find(([n]) => /^(webhook-id|svix-id)$/i.test(n))?.[1];
}
