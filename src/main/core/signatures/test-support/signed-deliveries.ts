/*
 * Deliveries signed by every provider that signs, in two rounds with another secret, id and time:
 * round 0 fills any memory of header shapes, round 1 must get the same answers from new values.
 */
import type { HeaderPair } from '../../../../shared/capture';
import { PROVIDERS } from '../registry';
import type { Provider, SignOptions } from '../types';

export interface SignedDelivery {
  provider: Provider;
  round: number;
  /** A Content-Type header, then the provider's signing headers. */
  headers: HeaderPair[];
}

const BODY = Buffer.from('{"id":"evt_1","type":"ping"}');

/** Schemes want their own secret form: whsec_…, plain base64, Basic credentials. */
function signWithAcceptedSecret(p: Provider, opts: Omit<SignOptions, 'secret'>, secret: string): HeaderPair[] | null {
  for (const form of [`whsec_${secret}`, secret, `hooklens:${secret}`]) {
    try {
      return p.sign!({ ...opts, secret: form });
    } catch {
      // that provider refuses this form of secret; try the next
    }
  }
  return null;
}

export function signedDeliveries(): SignedDelivery[] {
  const out: SignedDelivery[] = [];
  for (const [round, secret] of ['dGVzdHNlY3JldA==', 'b3RoZXJzZWNyZXQx'].entries()) {
    for (const provider of PROVIDERS) {
      if (!provider.sign) continue;
      const opts = {
        body: BODY,
        id: `msg_${round}${provider.id}`,
        url: 'https://example.test/h',
        timestamp: 1_700_000_000 + round * 977,
      };
      const signed = signWithAcceptedSecret(provider, opts, secret);
      if (!signed) throw new Error(`${provider.id} accepts none of the test secrets`);
      out.push({ provider, round, headers: [['Content-Type', 'application/json'], ...signed] });
    }
  }
  return out;
}
