/*
 * DocuSign Connect: `X-DocuSign-Signature-1` is base64(HMAC-SHA256(Connect key, raw body)). With
 * several active Connect keys DocuSign sends one header per key (-2, -3… up to 100) and any one
 * matching is enough, so every numbered header is a candidate.
 * https://developers.docusign.com/platform/webhooks/connect/validate/
 */
import { safeEqual, valid } from '../crypto-helpers';
import type { Provider, SignedRequest } from '../types';
import { bodyHmacProvider, computeBodyHmac, type BodyHmacScheme } from './body-hmac-scheme';

const SCHEME: BodyHmacScheme = {
  id: 'docusign',
  name: 'DocuSign Connect',
  header: 'X-DocuSign-Signature-1',
  algorithm: 'sha256',
  encoding: 'base64',
  secretHint: 'Connect HMAC key (eSignature Admin → Connect → Connect Keys)',
  secretAdvice:
    'DocuSign signs with a Connect key (Admin → Connect → Connect Keys; shown in full only once), not with the integration key or its RSA key',
};

const first = bodyHmacProvider(SCHEME);

/** X-DocuSign-Signature-2…-100 in request order: one per further active Connect key. */
function otherSignatures(req: SignedRequest): [string, string][] {
  return req.headers.filter(
    ([n]) => /^x-docusign-signature-(\d+)$/i.test(n) && n.toLowerCase() !== 'x-docusign-signature-1',
  );
}

export const docusign: Provider = {
  ...first,
  detect: (req) => first.detect(req) || otherSignatures(req).length > 0,
  verify(req, opts) {
    const r = first.verify(req, opts);
    if (r.valid || (r.failure !== 'signature_mismatch' && r.failure !== 'missing_header')) return r;
    const expected = computeBodyHmac(SCHEME, opts.secret, req.body);
    const match = otherSignatures(req).find(([, v]) => safeEqual(v.trim(), expected));
    if (match)
      return valid('docusign', `${match[0]} matches the HMAC-SHA256 of the raw body (another active Connect key)`, {
        expected,
        received: match[1].trim(),
      });
    if (r.failure === 'missing_header' && otherSignatures(req).length > 0) {
      return {
        ...r,
        failure: 'signature_mismatch',
        reason: `no X-DocuSign-Signature-N header matches the HMAC-SHA256 of the raw body with this key`,
        expected,
      };
    }
    return r;
  },
};
