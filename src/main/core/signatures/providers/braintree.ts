/*
 * Braintree: webhooks are form posts of `bt_signature` and `bt_payload` (base64 XML). bt_signature
 * holds `<public key>|<hex HMAC-SHA1(SHA-1(private key), bt_payload)>` pairs joined by "&", one per
 * API key pair, and Braintree's SDKs accept the HMAC over the payload with or without its trailing
 * newline. Nothing in the request is a header, and only the private key signs, so this scheme is
 * checked from the body and can verify but not sign a request.
 * https://developer.paypal.com/braintree/docs/guides/webhooks/parse/node
 */
import { createHash, createHmac } from 'node:crypto';
import { header, invalid, safeEqual, valid } from '../crypto-helpers';
import { explainMismatch } from '../mismatch';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';

const ID = 'braintree';
const ADVICE =
  'Braintree signs with the private key of an API key pair (Settings → API → API Keys → private key), not with the public key or merchant id';

/** hex HMAC-SHA1 keyed with the SHA-1 digest of the private key, as Braintree computes it. */
export function braintreeSignature(privateKey: string, payload: string): string {
  return createHmac('sha1', createHash('sha1').update(privateKey).digest()).update(payload, 'binary').digest('hex');
}

function fields(req: SignedRequest): { signature: string; payload: string } | undefined {
  const type = header(req, 'Content-Type') ?? '';
  if (type && !/x-www-form-urlencoded/i.test(type)) return undefined;
  const text = req.body.toString('utf8');
  if (!text.includes('bt_signature=')) return undefined;
  const form = new URLSearchParams(text);
  const signature = form.get('bt_signature');
  const payload = form.get('bt_payload');
  return signature !== null && payload !== null ? { signature, payload } : undefined;
}

function matches(privateKey: string, payload: string, sig: string): boolean {
  return [payload, `${payload}\n`, payload.replace(/\n$/, '')].some((p) =>
    safeEqual(braintreeSignature(privateKey, p), sig.toLowerCase()),
  );
}

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const f = fields(req);
  if (!f)
    return invalid(
      ID,
      'missing_header',
      'no bt_signature / bt_payload form fields in the body: not a Braintree webhook',
    );
  const pairs = f.signature
    .split('&')
    .filter((p) => p.includes('|'))
    .map((p) => p.split('|') as [string, string]);
  const shaped = pairs.filter(([, sig]) => /^[0-9a-fA-F]{40}$/.test(sig ?? ''));
  if (shaped.length === 0)
    return invalid(
      ID,
      'malformed_header',
      `bt_signature should hold "<public key>|<40 hex characters>", got "${f.signature.slice(0, 80)}"`,
      { received: f.signature },
    );
  if (/[^A-Za-z0-9+=/\n]/.test(f.payload))
    return invalid(
      ID,
      'malformed_header',
      'bt_payload contains characters outside base64: the form was decoded or re-encoded on the way',
    );
  if (opts.secret === '') return invalid(ID, 'secret_format', `no secret given: ${ADVICE}`);
  const hit = shaped.find(([, sig]) => matches(opts.secret, f.payload, sig));
  if (hit)
    return valid(ID, `bt_signature for public key ${hit[0]} matches the HMAC-SHA1 of bt_payload`, {
      expected: braintreeSignature(opts.secret, f.payload),
      received: hit[1],
    });
  const result = explainMismatch({
    provider: ID,
    body: req.body,
    secret: opts.secret,
    expected: braintreeSignature(opts.secret, f.payload),
    received: shaped.map(([k, s]) => `${k}|${s}`).join('&'),
    what: 'bt_signature',
    matches: (c) => {
      const g = fields({ ...req, body: c.body });
      return g !== undefined && shaped.some(([, sig]) => matches(c.secret, g.payload, sig));
    },
  });
  return result.failure === 'signature_mismatch'
    ? {
        ...result,
        hints: [...(result.hints ?? []), `signed for public key ${shaped.map(([k]) => k).join(', ')}: ${ADVICE}`],
      }
    : result;
}

export const braintree: Provider = {
  id: ID,
  name: 'Braintree',
  signatureHeaders: ['bt_signature (form field, with bt_payload)'],
  secretHint: 'Private key of the API key pair whose public key appears in bt_signature',
  detect: (req) => fields(req) !== undefined,
  verify,
};
