/*
 * Mailgun: the signature travels in the body, not a header. Webhooks post JSON with
 * `signature: { timestamp, token, signature }`; routes and legacy webhooks post form fields of
 * the same names. signature = hex(HMAC-SHA256(webhook signing key, timestamp + token)): the event
 * data is not signed, so only a re-used token (a replay) or a wrong key can be caught.
 * Mailgun documents no window; 300 s is ours (tolerance 0 skips the check).
 * https://documentation.mailgun.com/docs/mailgun/user-manual/events/webhooks#securing-webhooks
 */
import { checkSignature } from '../check-signature';
import { header, hmac, invalid } from '../crypto-helpers';
import { withHints } from '../mismatch';
import { checkTimestamp, describeWindow, parseUnixSeconds, timedVerdict, toleranceHints } from '../timestamps';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';

const ID = 'mailgun';
const TOLERANCE_SEC = 300;
const ADVICE =
  'Mailgun signs with the HTTP webhook signing key (Sending → Webhooks → HTTP webhook signing key), not with the API key';

interface Signed {
  timestamp: string;
  token: string;
  signature: string;
}

function fromJson(body: Buffer): Signed | undefined {
  try {
    const v = JSON.parse(body.toString('utf8')) as { signature?: Record<string, unknown> };
    const s = v?.signature;
    if (s && typeof s.timestamp === 'string' && typeof s.token === 'string' && typeof s.signature === 'string')
      return { timestamp: s.timestamp, token: s.token, signature: s.signature };
  } catch {
    // Not JSON: a form post.
  }
  return undefined;
}

function fromForm(req: SignedRequest): Signed | undefined {
  if (!/x-www-form-urlencoded/i.test(header(req, 'Content-Type') ?? '')) return undefined;
  const form = new URLSearchParams(req.body.toString('utf8'));
  const [timestamp, token, signature] = ['timestamp', 'token', 'signature'].map((k) => form.get(k));
  return timestamp && token && signature ? { timestamp, token, signature } : undefined;
}

function signedFields(req: SignedRequest): Signed | undefined {
  return fromJson(req.body) ?? fromForm(req);
}

const compute = (secret: string, s: Pick<Signed, 'timestamp' | 'token'>): string =>
  hmac('sha256', secret, `${s.timestamp}${s.token}`, 'hex');

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const s = signedFields(req);
  if (!s)
    return invalid(
      ID,
      'missing_header',
      'no Mailgun signature in the body: webhooks send signature.timestamp/token/signature in JSON, routes send them as form fields',
    );
  const ts = parseUnixSeconds(s.timestamp);
  if (ts === undefined)
    return invalid(ID, 'malformed_header', `signature.timestamp "${s.timestamp.slice(0, 20)}" is not unix seconds`);
  if (!/^[0-9a-f]{64}$/i.test(s.signature))
    return invalid(
      ID,
      'malformed_header',
      `signature.signature should be 64 hex characters (HMAC-SHA256), got ${s.signature.length} characters`,
      { received: s.signature },
    );
  if (opts.secret === '') return invalid(ID, 'secret_format', `no secret given: ${ADVICE}`);
  const time = checkTimestamp(ID, ts, opts, TOLERANCE_SEC);
  const received = s.signature.toLowerCase();
  const check = checkSignature(ID, req, opts, {
    received,
    what: 'HMAC-SHA256 of timestamp + token',
    compute: (secret) => compute(secret, s),
    extra: { skewSec: time.skewSec },
  });
  if (check.matched === undefined) {
    const result = check.explain();
    return withHints(result, [...(result.failure === 'signature_mismatch' ? [ADVICE] : []), ...toleranceHints(time)]);
  }
  const matched = `signature matches timestamp + token; ${describeWindow(time)} (skew ${time.skewSec} s); the event data itself is not signed`;
  return timedVerdict(ID, time, matched, { expected: check.expected, received });
}

export const mailgun: Provider = {
  id: ID,
  name: 'Mailgun',
  signatureHeaders: ['signature (body: timestamp, token, signature)'],
  secretHint: 'HTTP webhook signing key (Sending → Webhooks, or Settings → API Security)',
  toleranceSec: TOLERANCE_SEC,
  // No header carries it; a JSON or form body with the three fields is the evidence.
  detect: (req) => signedFields(req) !== undefined,
  verify,
};
