/*
 * Paddle Billing: `Paddle-Signature: ts=<unix s>;h1=<hex>` where h1 is HMAC-SHA256 over
 * `<ts>:<raw body>` keyed with the notification destination's secret key. During a secret rotation
 * Paddle may send several h1 values; any one matching is enough. Paddle's SDK and docs reject
 * anything older than 5 s, which is why captures checked later need a wider tolerance.
 * https://developer.paddle.com/webhooks/signature-verification
 */
import { checkSignature } from '../check-signature';
import { hasHeader, hmac, invalid, nowSeconds, valid } from '../crypto-helpers';
import { requireHeader } from '../header-verdicts';
import { parseHeaderParams } from '../header-params';
import { checkTimestamp, parseUnixSeconds, describeSkew } from '../timestamps';
import type { Provider, SignOptions, SignedRequest, VerifyOptions, VerifyResult } from '../types';
import type { HeaderPair } from '../../../../shared/capture';

const ID = 'paddle';
const HEADER = 'Paddle-Signature';
const TOLERANCE_SEC = 5;

interface ParsedHeader {
  ts: number;
  h1: string[];
}

function parseHeader(value: string): ParsedHeader | string {
  const params = parseHeaderParams(value, ';');
  const tsText = params.get('ts')?.at(-1);
  const h1 = (params.get('h1') ?? []).filter((v) => v !== '');
  if (tsText === undefined) return `${HEADER} has no ts= part; expected "ts=<unix seconds>;h1=<hex>"`;
  const ts = parseUnixSeconds(tsText);
  if (ts === undefined) return `${HEADER} ts="${tsText.slice(0, 40)}" is not a unix time in whole seconds`;
  if (h1.length === 0) return `${HEADER} has no h1= signature; expected "ts=<unix seconds>;h1=<hex>"`;
  return { ts, h1 };
}

function compute(secret: string, ts: number, body: Buffer): string {
  return hmac('sha256', secret, Buffer.concat([Buffer.from(`${ts}:`), body]), 'hex');
}

const NO_HEADER = `no ${HEADER} header: the request was not signed by Paddle Billing, or a proxy dropped the header`;

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const raw = requireHeader(req, ID, HEADER, NO_HEADER);
  if (typeof raw !== 'string') return raw;
  const parsed = parseHeader(raw);
  if (typeof parsed === 'string') return invalid(ID, 'malformed_header', parsed, { received: raw });

  const time = checkTimestamp(ID, parsed.ts, opts, TOLERANCE_SEC);
  const candidates = parsed.h1.map((sig) => sig.toLowerCase());
  const check = checkSignature(ID, req, opts, {
    received: parsed.h1[0]!,
    candidates,
    what: 'h1 signature',
    compute: (secret, body) => compute(secret, parsed.ts, body),
    extra: {
      skewSec: time.skewSec,
      ...(opts.secret.startsWith('pdl_ntfset_')
        ? {}
        : {
            hints: ['Paddle secret keys start with pdl_ntfset_; copy the one shown for this notification destination'],
          }),
    },
  });
  if (check.matched === undefined) return check.explain();
  const { expected } = check;
  // Shown as sent, while the comparison is on lower-cased hex.
  const matched = parsed.h1[candidates.indexOf(check.matched)]!;
  if (time.failure)
    return {
      ...time.failure,
      expected,
      received: matched,
      hints: ['Paddle signs at send time; a capture checked later needs a wider tolerance'],
    };
  return valid(ID, `h1 signature matches (timestamp ${describeSkew(time.skewSec)})`, {
    expected,
    received: matched,
    skewSec: time.skewSec,
  });
}

function sign(opts: SignOptions): HeaderPair[] {
  const ts = opts.timestamp ?? nowSeconds();
  return [[HEADER, `ts=${ts};h1=${compute(opts.secret, ts, opts.body)}`]];
}

export const paddle: Provider = {
  id: ID,
  name: 'Paddle Billing',
  signatureHeaders: [HEADER],
  secretHint:
    'Endpoint secret key of the notification destination (pdl_ntfset_…), from Paddle › Developer tools › Notifications',
  toleranceSec: TOLERANCE_SEC,
  detect: (req) => hasHeader(req, HEADER),
  verify,
  sign,
};
