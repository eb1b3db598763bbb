/*
 * Trello: `X-Trello-Webhook: base64(HMAC-SHA1(application secret, raw body + callbackURL))`, where
 * callbackURL is the exact URL given when the webhook was created (query string included). The
 * key is the OAuth1 application secret of the Power-Up, not the API key or a user token. No
 * timestamp is signed. Trello's HEAD check at creation time carries no signature.
 * https://developer.atlassian.com/cloud/trello/guides/rest-api/webhooks/#webhook-signatures
 */
import { HooklensError } from '../../../../shared/errors';
import type { HeaderPair } from '../../../../shared/capture';
import { checkSignature } from '../check-signature';
import { hasHeader, header, hmac, invalid, safeEqual, valid } from '../crypto-helpers';
import type { Provider, SignOptions, SignedRequest, VerifyOptions, VerifyResult } from '../types';
import { findUrlMismatch, resolveSignedUrl } from '../url-variants';

const ID = 'trello';
const HEADER = 'X-Trello-Webhook';

function compute(secret: string, body: Buffer, callbackUrl: string): string {
  return hmac('sha1', secret, Buffer.concat([body, Buffer.from(callbackUrl, 'utf8')]), 'base64');
}

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const raw = header(req, HEADER);
  if (raw === undefined) {
    const head =
      req.method.toUpperCase() === 'HEAD'
        ? ' (this is the HEAD check Trello makes when the webhook is created; it is never signed)'
        : '';
    return invalid(
      ID,
      'missing_header',
      `no ${HEADER} header${head}: the request was not sent by a Trello webhook, or a proxy dropped the header`,
    );
  }
  const received = raw.trim();
  if (!/^[A-Za-z0-9+/]{27}=$/.test(received)) {
    return invalid(
      ID,
      'malformed_header',
      `${HEADER} should be 28 characters of base64 (an HMAC-SHA1), got "${received.slice(0, 80)}"`,
      { received },
    );
  }
  const resolved = resolveSignedUrl(req, opts);
  if (!resolved)
    return invalid(
      ID,
      'url_mismatch',
      "Trello signs the body followed by the webhook's callbackURL: give that URL exactly as it was registered",
      { received },
    );
  const hints = resolved.assumption ? [resolved.assumption] : [];
  const url = resolved.url;

  const check = checkSignature(ID, req, opts, {
    received,
    what: HEADER,
    compute: (secret, body) => compute(secret, body, url),
  });
  const { expected } = check;
  if (check.matched !== undefined) {
    return valid(ID, `${HEADER} matches for callbackURL ${url}`, {
      expected,
      received,
      ...(hints.length ? { hints } : {}),
    });
  }
  const byUrl = findUrlMismatch(ID, url, (u) => safeEqual(compute(opts.secret, req.body, u), received), {
    expected,
    received,
  });
  if (byUrl) return byUrl;
  const result = check.explain();
  if (result.failure !== 'signature_mismatch') return result;
  const advice = /^[0-9a-f]{32}$/i.test(opts.secret.trim())
    ? 'the secret has the 32-hex-character shape of a Trello API key; Trello signs with the 64-character OAuth1 secret shown under it'
    : "Trello signs with the Power-Up's OAuth1 secret (trello.com/power-ups/admin › API key › Secret), and the URL must equal callbackURL exactly";
  return { ...result, hints: [...(result.hints ?? []), ...hints, advice] };
}

function sign(opts: SignOptions): HeaderPair[] {
  if (!opts.url)
    throw new HooklensError('invalid_argument', 'Trello signs the body plus the callbackURL: give the URL (--url)');
  return [[HEADER, compute(opts.secret, opts.body, opts.url)]];
}

export const trello: Provider = {
  id: ID,
  name: 'Trello',
  signatureHeaders: [HEADER],
  secretHint:
    "OAuth1 secret of the Power-Up (trello.com/power-ups/admin › API key › Secret); also needs the webhook's callbackURL",
  detect: (req) => hasHeader(req, HEADER),
  verify,
  sign,
};
