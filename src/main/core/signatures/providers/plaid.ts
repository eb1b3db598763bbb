/*
 * Plaid: `Plaid-Verification` is an ES256 JWT whose header names the signing key (kid) and whose
 * payload holds iat and request_body_sha256, the hex SHA-256 of the raw body. The public key is
 * the JWK Plaid returns from /webhook_verification_key/get for that kid; pasted as the secret, it
 * lets the check run offline. Plaid rejects tokens older than five minutes. Verify only: the
 * private key is Plaid's. https://plaid.com/docs/api/webhooks/webhook-verification/
 */
import { createHash, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { hasHeader, invalid, safeEqual, valid } from '../crypto-helpers';
import { requireHeader } from '../header-verdicts';
import { numericClaim, parseJws, verifyEs256 } from '../jws';
import { explainMismatch } from '../mismatch';
import { checkTimestamp, describeSkew } from '../timestamps';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';

const ID = 'plaid';
const HEADER = 'Plaid-Verification';
const TOLERANCE_SEC = 300;
const KEY_SOURCE = 'the JWK that /webhook_verification_key/get returns for the kid in the token header';

/** The EC P-256 public key in the JWK the secret holds, or why it cannot be one. */
export function plaidKey(secret: string): KeyObject | string {
  let jwk: unknown;
  try {
    jwk = JSON.parse(secret);
  } catch {
    return `the secret should be Plaid's verification key as JSON (${KEY_SOURCE}), but it is not JSON`;
  }
  const key = (jwk as { key?: unknown })?.key ?? jwk;
  const k = key as Partial<JsonWebKey>;
  if (k?.kty !== 'EC' || k.crv !== 'P-256')
    return `the JWK should be an EC P-256 key (kty "EC", crv "P-256"), got kty ${JSON.stringify(k?.kty)}, crv ${JSON.stringify(k?.crv)}`;
  try {
    return createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: k.x, y: k.y } as JsonWebKey, format: 'jwk' });
  } catch {
    return "the JWK's x and y do not form a P-256 public key";
  }
}

const bodyHash = (body: Buffer): string => createHash('sha256').update(body).digest('hex');

const NO_HEADER = `${HEADER} header is missing: the request was not sent by Plaid, or a proxy dropped it`;

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const raw = requireHeader(req, ID, HEADER, NO_HEADER);
  if (typeof raw !== 'string') return raw;
  const jws = parseJws(raw.trim(), HEADER);
  if (typeof jws === 'string') return invalid(ID, 'malformed_header', jws);
  if (jws.header.alg !== 'ES256')
    return invalid(
      ID,
      'malformed_header',
      `the JWT in ${HEADER} is signed with ${JSON.stringify(jws.header.alg)}; Plaid signs ES256 (a token of another algorithm must be refused)`,
    );
  const key = plaidKey(opts.secret.trim());
  if (typeof key === 'string') return invalid(ID, 'secret_format', key);
  const kid = typeof jws.header.kid === 'string' ? jws.header.kid : '(none)';
  if (!verifyEs256(jws, key)) {
    const result = explainMismatch({
      provider: ID,
      body: req.body,
      secret: opts.secret,
      received: raw.trim(),
      what: 'ES256 signature',
      keySource: KEY_SOURCE,
      matches: (c) => {
        const k = plaidKey(c.secret.trim());
        return typeof k !== 'string' && verifyEs256(jws, k);
      },
    });
    return {
      ...result,
      hints: [
        ...(result.hints ?? []),
        `the token was signed with key id ${kid}: fetch that key with /webhook_verification_key/get`,
      ],
    };
  }
  const claim = jws.payload.request_body_sha256;
  if (typeof claim !== 'string' || !safeEqual(claim.toLowerCase(), bodyHash(req.body))) {
    const result = explainMismatch({
      provider: ID,
      body: req.body,
      secret: opts.secret,
      expected: bodyHash(req.body),
      received: String(claim ?? ''),
      what: 'request_body_sha256',
      matches: (c) => typeof claim === 'string' && claim.toLowerCase() === bodyHash(c.body),
    });
    return { ...result, reason: `the ES256 signature verifies, but ${result.reason}` };
  }
  const iat = numericClaim(jws.payload, 'iat');
  if (iat === undefined)
    return invalid(ID, 'malformed_header', 'the token has no iat: Plaid always signs the issue time');
  const time = checkTimestamp(ID, iat, opts, TOLERANCE_SEC);
  if (time.failure) return time.failure;
  return valid(
    ID,
    `ES256 signature verifies with key ${kid} and request_body_sha256 matches the body (issued ${describeSkew(time.skewSec)})`,
    { skewSec: time.skewSec },
  );
}

export const plaid: Provider = {
  id: ID,
  name: 'Plaid',
  signatureHeaders: [HEADER],
  secretHint: "Verification key JWK (JSON) from /webhook_verification_key/get for the token's kid",
  toleranceSec: TOLERANCE_SEC,
  detect: (req) => hasHeader(req, HEADER),
  verify,
};
