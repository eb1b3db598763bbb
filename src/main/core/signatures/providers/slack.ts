/*
 * Slack: `X-Slack-Signature: v0=<hex HMAC-SHA256(signing secret, "v0:<ts>:<raw body>")>` with
 * `X-Slack-Request-Timestamp: <unix>`. Slack's SDKs reject requests older than 5 minutes.
 */
import { checkSignature } from '../check-signature';
import { hmac, header, invalid, nowSeconds } from '../crypto-helpers';
import { withHints } from '../mismatch';
import { checkTimestamp, parseUnixSeconds, timedVerdict, toleranceHints } from '../timestamps';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';

const ID = 'slack';
const SIG_HEADER = 'X-Slack-Signature';
const TS_HEADER = 'X-Slack-Request-Timestamp';
const TOLERANCE_SEC = 300;

function compute(secret: string, ts: string, body: Buffer): string {
  return `v0=${hmac('sha256', secret, Buffer.concat([Buffer.from(`v0:${ts}:`), body]), 'hex')}`;
}

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const sig = header(req, SIG_HEADER);
  if (sig === undefined) return invalid(ID, 'missing_header', `${SIG_HEADER} header is missing`);
  const tsText = header(req, TS_HEADER);
  if (tsText === undefined) return invalid(ID, 'missing_header', `${TS_HEADER} header is missing`);
  const ts = parseUnixSeconds(tsText);
  if (ts === undefined) return invalid(ID, 'malformed_header', `${TS_HEADER} "${tsText}" is not unix seconds`);
  const received = sig.trim();
  if (!received.startsWith('v0=')) return invalid(ID, 'malformed_header', `${SIG_HEADER} must start with "v0="`);
  const time = checkTimestamp(ID, ts, opts, TOLERANCE_SEC);
  const tsKey = tsText.trim();
  const check = checkSignature(ID, req, opts, {
    received,
    what: 'v0 signature',
    compute: (secret, body) => compute(secret, tsKey, body),
    extra: { skewSec: time.skewSec },
  });
  if (check.matched === undefined) return withHints(check.explain(), toleranceHints(time));
  const { expected } = check;
  const matched = `v0 signature matches; timestamp within ${time.toleranceSec} s (skew ${time.skewSec} s)`;
  return timedVerdict(ID, time, matched, { expected, received });
}

export const slack: Provider = {
  id: ID,
  name: 'Slack',
  signatureHeaders: [SIG_HEADER, TS_HEADER],
  secretHint: "Signing Secret from the app's Basic Information page (not the verification token)",
  toleranceSec: TOLERANCE_SEC,
  detect: (req) => header(req, SIG_HEADER) !== undefined,
  verify,
  sign(opts) {
    const ts = String(opts.timestamp ?? nowSeconds());
    return [
      [TS_HEADER, ts],
      [SIG_HEADER, compute(opts.secret, ts, opts.body)],
    ];
  },
};
