/*
 * Linear: `Linear-Signature: <hex HMAC-SHA256 of the raw body>` keyed with the webhook's signing
 * secret. The replay guard lives inside the signed body: `webhookTimestamp` in milliseconds, which
 * Linear's SDK requires within 60 s of now; the `Linear-Timestamp` header (also ms) is unsigned and
 * only used to judge age when the body lacks the field (hand-made test bodies).
 * https://linear.app/developers/webhooks#securing-webhooks
 */
import { checkSignature } from '../check-signature';
import { hasHeader, header, hmac, invalid, nowSeconds, valid } from '../crypto-helpers';
import { requireHeader } from '../header-verdicts';
import { checkTimestamp, describeSkew, timedVerdict } from '../timestamps';
import type { Provider, SignOptions, SignedRequest, VerifyOptions, VerifyResult } from '../types';
import type { HeaderPair } from '../../../../shared/capture';

const ID = 'linear';
const HEADER = 'Linear-Signature';
const TS_HEADER = 'Linear-Timestamp';
const TOLERANCE_SEC = 60;

function compute(secret: string, body: Buffer): string {
  return hmac('sha256', secret, body, 'hex');
}

/** `webhookTimestamp` (ms) from the body, or a sentence saying why there is none. */
function bodyTimestampMs(body: Buffer): number | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return 'the body is not JSON, so it has no webhookTimestamp';
  }
  const ts =
    typeof parsed === 'object' && parsed !== null
      ? (parsed as { webhookTimestamp?: unknown }).webhookTimestamp
      : undefined;
  if (ts === undefined || ts === null) return 'the body has no webhookTimestamp field';
  if (typeof ts !== 'number' || !Number.isFinite(ts))
    return `webhookTimestamp is ${JSON.stringify(ts).slice(0, 40)}, not a number of milliseconds`;
  return ts;
}

const NO_HEADER = `no ${HEADER} header: the request was not signed by Linear, or a proxy dropped the header`;

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const raw = requireHeader(req, ID, HEADER, NO_HEADER);
  if (typeof raw !== 'string') return raw;
  const received = raw.trim();
  if (!/^[0-9a-f]{64}$/i.test(received)) {
    return invalid(
      ID,
      'malformed_header',
      `${HEADER} should be 64 hex characters (HMAC-SHA256), got ${received.length} characters "${received.slice(0, 80)}"`,
      { received },
    );
  }
  const check = checkSignature(ID, req, opts, {
    received,
    candidates: [received.toLowerCase()],
    what: HEADER,
    compute,
  });
  if (check.matched === undefined) return check.explain();
  const { expected } = check;
  const ms = bodyTimestampMs(req.body);
  if (typeof ms === 'string') {
    const headerMs = header(req, TS_HEADER)?.trim();
    if (headerMs === undefined || !/^\d{10,16}$/.test(headerMs)) {
      return invalid(
        ID,
        'malformed_header',
        `signature matches but ${ms}; Linear puts the signed send time there and its SDK rejects a delivery without it`,
        { expected, received },
      );
    }
    // Not signed, so only good enough to judge age; real Linear deliveries always carry the body field.
    const time = checkTimestamp(ID, Math.floor(Number(headerMs) / 1000), opts, TOLERANCE_SEC);
    const hints = [
      `${ms}, so the age was judged from the unsigned ${TS_HEADER} header; Linear's SDK rejects a delivery without webhookTimestamp`,
    ];
    if (time.failure) return { ...time.failure, expected, received, hints };
    return valid(
      ID,
      `${HEADER} matches (${TS_HEADER} ${describeSkew(time.skewSec)}; the body has no signed webhookTimestamp)`,
      { expected, received, skewSec: time.skewSec, hints },
    );
  }
  const time = checkTimestamp(ID, Math.floor(ms / 1000), opts, TOLERANCE_SEC);
  return timedVerdict(ID, time, `${HEADER} matches (webhookTimestamp ${describeSkew(time.skewSec)})`, {
    expected,
    received,
  });
}

function sign(opts: SignOptions): HeaderPair[] {
  // The header copy of the send time is informational; the signed one is webhookTimestamp in the body.
  return [
    [HEADER, compute(opts.secret, opts.body)],
    [TS_HEADER, String((opts.timestamp ?? nowSeconds()) * 1000)],
  ];
}

export const linear: Provider = {
  id: ID,
  name: 'Linear',
  signatureHeaders: [HEADER],
  secretHint: 'Signing secret of the webhook (lin_wh_…), from Linear › Settings › API › Webhooks',
  toleranceSec: TOLERANCE_SEC,
  detect: (req) => hasHeader(req, HEADER),
  verify,
  sign,
};
