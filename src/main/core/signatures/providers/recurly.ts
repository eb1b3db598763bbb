/*
 * Recurly (JSON webhooks; XML ones are unsigned): `recurly-signature: <unix ms>,<hex sig>[,<hex
 * sig>…]`, each signature being hex(HMAC-SHA256(endpoint secret, "<ms>.<raw body>")); several are
 * sent while a key rotates. Recurly's client libraries default to a five-minute tolerance.
 * https://docs.recurly.com/recurly-subscriptions/docs/signature-verification
 */
import { checkSignature } from '../check-signature';
import { hasHeader, hmac, invalid, nowSeconds } from '../crypto-helpers';
import { requireHeader } from '../header-verdicts';
import { withHints } from '../mismatch';
import { checkTimestamp, describeWindow, timedVerdict, toleranceHints } from '../timestamps';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';

const ID = 'recurly';
const HEADER = 'recurly-signature';
const TOLERANCE_SEC = 300;
const ADVICE =
  'Recurly signs with the secret key of this webhook endpoint (Integrations → Webhooks → endpoint), not with the private API key';

const compute = (secret: string, ms: string, body: Buffer): string =>
  hmac('sha256', secret, Buffer.concat([Buffer.from(`${ms}.`), body]), 'hex');

const NO_HEADER = `${HEADER} header is missing: XML webhooks are not signed, or a proxy dropped the header`;

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const raw = requireHeader(req, ID, HEADER, NO_HEADER);
  if (typeof raw !== 'string') return raw;
  const [ms, ...sigs] = raw.split(',').map((p) => p.trim());
  if (!ms || !/^\d{12,14}$/.test(ms))
    return invalid(
      ID,
      'malformed_header',
      `${HEADER} should start with a unix time in milliseconds, got "${raw.slice(0, 40)}"`,
    );
  const shaped = sigs.filter((s) => /^[0-9a-fA-F]{64}$/.test(s)).map((s) => s.toLowerCase());
  if (shaped.length === 0)
    return invalid(ID, 'malformed_header', `${HEADER} has no 64-hex-character signature after the timestamp`, {
      received: raw,
    });
  if (opts.secret === '') return invalid(ID, 'secret_format', `no secret given: ${ADVICE}`);
  const time = checkTimestamp(ID, Math.round(Number(ms) / 1000), opts, TOLERANCE_SEC);
  const check = checkSignature(ID, req, opts, {
    received: shaped.join(','),
    candidates: shaped,
    what: 'signature',
    compute: (secret, body) => compute(secret, ms, body),
    extra: { skewSec: time.skewSec },
  });
  if (check.matched === undefined) {
    const result = check.explain();
    return withHints(result, [...(result.failure === 'signature_mismatch' ? [ADVICE] : []), ...toleranceHints(time)]);
  }
  return timedVerdict(ID, time, `signature matches; ${describeWindow(time)} (skew ${time.skewSec} s)`, {
    expected: check.expected,
    received: check.matched,
  });
}

export const recurly: Provider = {
  id: ID,
  name: 'Recurly',
  signatureHeaders: [HEADER],
  secretHint: 'Secret key of the webhook endpoint (Integrations → Webhooks → your endpoint)',
  toleranceSec: TOLERANCE_SEC,
  detect: (req) => hasHeader(req, HEADER),
  verify,
  sign(opts) {
    const ms = String((opts.timestamp ?? nowSeconds()) * 1000);
    return [[HEADER, `${ms},${compute(opts.secret, ms, opts.body)}`]];
  },
};
