/*
 * Zoom: `x-zm-signature: v0=<hex>` with HMAC-SHA256 over `v0:<x-zm-request-timestamp>:<raw body>`
 * keyed with the app's Secret Token. Zoom also re-validates the endpoint with an
 * `endpoint.url_validation` event whose answer is `{ plainToken, encryptedToken }`, encryptedToken
 * being HMAC-SHA256(plainToken) in hex with the same token; `zoomUrlValidationResponse` builds it.
 * Zoom documents no replay window, so the timestamp is only judged when a tolerance is given.
 * https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events
 */
import { checkSignature } from '../check-signature';
import { hasHeader, header, hmac, invalid, nowSeconds, valid } from '../crypto-helpers';
import { prefixedSha256Hex, requireHeader } from '../header-verdicts';
import { checkTimestamp, parseUnixSeconds, describeSkew } from '../timestamps';
import type { Provider, SignOptions, SignedRequest, VerifyOptions, VerifyResult } from '../types';
import type { HeaderPair } from '../../../../shared/capture';

const ID = 'zoom';
const SIG_HEADER = 'x-zm-signature';
const TS_HEADER = 'x-zm-request-timestamp';

function compute(secret: string, ts: string, body: Buffer): string {
  return `v0=${hmac('sha256', secret, Buffer.concat([Buffer.from(`v0:${ts}:`), body]), 'hex')}`;
}

export interface ZoomUrlValidationResponse {
  plainToken: string;
  encryptedToken: string;
}

/** The JSON body to answer an `endpoint.url_validation` event with; undefined for other events. */
export function zoomUrlValidationResponse(body: Buffer, secretToken: string): ZoomUrlValidationResponse | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const event = (parsed as { event?: unknown }).event;
  const payload = (parsed as { payload?: unknown }).payload;
  if (event !== 'endpoint.url_validation' || typeof payload !== 'object' || payload === null) return undefined;
  const plainToken = (payload as { plainToken?: unknown }).plainToken;
  if (typeof plainToken !== 'string') return undefined;
  return { plainToken, encryptedToken: hmac('sha256', secretToken, plainToken, 'hex') };
}

const NO_SIGNATURE = `no ${SIG_HEADER} header: the request was not signed by Zoom (apps created before Oct 2022 may still use the deprecated verification token), or a proxy dropped it`;

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const raw = requireHeader(req, ID, SIG_HEADER, NO_SIGNATURE);
  if (typeof raw !== 'string') return raw;
  const tsRaw = header(req, TS_HEADER);
  if (tsRaw === undefined)
    return invalid(
      ID,
      'missing_header',
      `${SIG_HEADER} is present but ${TS_HEADER} is missing; Zoom signs the timestamp, so it cannot be checked without it`,
    );
  const received = prefixedSha256Hex(ID, SIG_HEADER, raw, 'v0=');
  if (typeof received !== 'string') return received;
  const ts = parseUnixSeconds(tsRaw);
  if (ts === undefined)
    return invalid(ID, 'malformed_header', `${TS_HEADER} "${tsRaw.slice(0, 40)}" is not a unix time in whole seconds`, {
      received,
    });
  const tsText = tsRaw.trim();

  const time = checkTimestamp(ID, ts, opts, 0);
  const check = checkSignature(ID, req, opts, {
    received,
    candidates: [received.toLowerCase()],
    what: 'v0 signature',
    compute: (secret, body) => compute(secret, tsText, body),
    extra: { skewSec: time.skewSec },
  });
  const { expected } = check;
  const validation = zoomUrlValidationResponse(req.body, opts.secret);
  const validationHint = validation
    ? [
        `this is an endpoint.url_validation request: answer 200 with {"plainToken":"${validation.plainToken}","encryptedToken":"${validation.encryptedToken}"}`,
      ]
    : [];
  if (check.matched === undefined) return check.explain();
  if (time.failure) return { ...time.failure, expected, received };
  return valid(ID, `v0 signature matches (timestamp ${describeSkew(time.skewSec)})`, {
    expected,
    received,
    skewSec: time.skewSec,
    ...(validationHint.length ? { hints: validationHint } : {}),
  });
}

function sign(opts: SignOptions): HeaderPair[] {
  const ts = String(opts.timestamp ?? nowSeconds());
  return [
    [SIG_HEADER, compute(opts.secret, ts, opts.body)],
    [TS_HEADER, ts],
  ];
}

export const zoom: Provider = {
  id: ID,
  name: 'Zoom',
  signatureHeaders: [SIG_HEADER, TS_HEADER],
  secretHint:
    'Secret Token of the app (Zoom App Marketplace › your app › Features › Access), not the deprecated verification token',
  detect: (req) => hasHeader(req, SIG_HEADER),
  verify,
  sign,
};
