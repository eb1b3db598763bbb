/*
 * Paddle Billing: `Paddle-Signature: ts=<unix s>;h1=<hex>` where h1 is HMAC-SHA256 over
 * `<ts>:<raw body>` keyed with the notification destination's secret key. During a secret rotation
 * Paddle may send several h1 values; any one matching is enough. Paddle's SDK and docs reject
 * anything older than 5 s, which is why captures checked later need a wider tolerance.
 * https://developer.paddle.com/webhooks/signature-verification
 */
import { hasHeader, header, hmac, nowSeconds, safeEqual, valid, invalid } from '../crypto-helpers';
import { explainMismatch } from '../mismatch';
import { checkTimestamp, parseUnixSeconds } from '../timestamps';
import { describeSkew } from './skew-text';
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
  let tsText: string | undefined;
  const h1: string[] = [];
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const key = part.slice(0, eq).trim();
    const v = part.slice(eq + 1).trim();
    if (key === 'ts') tsText = v;
    else if (key === 'h1' && v !== '') h1.push(v);
  }
  if (tsText === undefined) return `${HEADER} has no ts= part; expected "ts=<unix seconds>;h1=<hex>"`;
  const ts = parseUnixSeconds(tsText);
  if (ts === undefined) return `${HEADER} ts="${tsText.slice(0, 40)}" is not a unix time in whole seconds`;
  if (h1.length === 0) return `${HEADER} has no h1= signature; expected "ts=<unix seconds>;h1=<hex>"`;
  return { ts, h1 };
}

function compute(secret: string, ts: number, body: Buffer): string {
  return hmac('sha256', secret, Buffer.concat([Buffer.from(`${ts}:`), body]), 'hex');
}

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const raw = header(req, HEADER);
  if (raw === undefined) return invalid(ID, 'missing_header', `no ${HEADER} header: the request was not signed by Paddle Billing, or a proxy dropped the header`);
  const parsed = parseHeader(raw);
  if (typeof parsed === 'string') return invalid(ID, 'malformed_header', parsed, { received: raw });

  const expected = compute(opts.secret, parsed.ts, req.body);
  const matched = parsed.h1.find((sig) => safeEqual(sig.toLowerCase(), expected));
  const time = checkTimestamp(ID, parsed.ts, opts, TOLERANCE_SEC);
  if (matched === undefined) {
    const received = parsed.h1[0]!;
    return explainMismatch({
      provider: ID,
      body: req.body,
      secret: opts.secret,
      expected,
      received,
      what: 'h1 signature',
      matches: (c) => parsed.h1.some((sig) => safeEqual(sig.toLowerCase(), compute(c.secret, parsed.ts, c.body))),
      extra: { skewSec: time.skewSec, ...(opts.secret.startsWith('pdl_ntfset_') ? {} : { hints: ['Paddle secret keys start with pdl_ntfset_; copy the one shown for this notification destination'] }) },
    });
  }
  if (time.failure) return { ...time.failure, expected, received: matched, hints: ['Paddle signs at send time; a capture checked later needs a wider tolerance'] };
  return valid(ID, `h1 signature matches (timestamp ${describeSkew(time.skewSec)})`, { expected, received: matched, skewSec: time.skewSec });
}

function sign(opts: SignOptions): HeaderPair[] {
  const ts = opts.timestamp ?? nowSeconds();
  return [[HEADER, `ts=${ts};h1=${compute(opts.secret, ts, opts.body)}`]];
}

export const paddle: Provider = {
  id: ID,
  name: 'Paddle Billing',
  signatureHeaders: [HEADER],
  secretHint: 'Endpoint secret key of the notification destination (pdl_ntfset_…), from Paddle › Developer tools › Notifications',
  toleranceSec: TOLERANCE_SEC,
  detect: (req) => hasHeader(req, HEADER),
  verify,
  sign,
};
