/*
 * What every sender that delivers through Svix shares (Clerk, Resend): message ids `msg_` + 27
 * base62 characters, a `whsec_<base64>` secret, and the Standard Webhooks signature written under
 * Svix's own header names (`svix-id`, `svix-timestamp`, `svix-signature`).
 * https://docs.svix.com/receiving/verifying-payloads/how-manual
 */
import type { HeaderPair } from '../../../../shared/capture';
import { randomBase64, randomId } from '../random-ids';
import type { CatalogProviderSpec } from '../types';

export const svixSender: Pick<
  CatalogProviderSpec,
  'signer' | 'contentType' | 'newSecret' | 'newEventId' | 'headers' | 'signatureHeaders'
> = {
  signer: 'standard-webhooks',
  contentType: 'application/json',
  newSecret: () => `whsec_${randomBase64(24)}`,
  newEventId: () => randomId('msg_', 27),
  headers: () => [
    ['Content-Type', 'application/json'],
    ['User-Agent', 'Svix-Webhooks/1.76.1 (sender-4b7Tz; +https://www.svix.com/http-sender/)'],
  ],
  signatureHeaders: (signed: HeaderPair[]): HeaderPair[] =>
    ['id', 'timestamp', 'signature'].map((part) => {
      const found = signed.find(([name]) => name.toLowerCase() === `webhook-${part}`);
      if (!found) throw new Error(`the Standard Webhooks signer wrote no webhook-${part}`);
      return [`svix-${part}`, found[1]];
    }),
};
