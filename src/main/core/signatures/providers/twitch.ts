/*
 * Twitch EventSub over webhooks: `Twitch-Eventsub-Message-Signature: sha256=<hex>` with
 * HMAC-SHA256 over `<Message-Id><Message-Timestamp><raw body>`, keyed with the secret given when
 * the subscription was created (10–100 ASCII characters). The timestamp is RFC 3339 with up to
 * nanoseconds; Twitch asks receivers to drop messages older than 10 minutes.
 * https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#verifying-the-event-message
 */
import { randomUUID } from 'node:crypto';
import { checkSignature } from '../check-signature';
import { hasHeader, header, hmac, invalid, nowSeconds, valid } from '../crypto-helpers';
import { prefixedSha256Hex, requireHeader } from '../header-verdicts';
import { checkTimestamp, describeSkew } from '../timestamps';
import type { Provider, SignOptions, SignedRequest, VerifyOptions, VerifyResult } from '../types';
import type { HeaderPair } from '../../../../shared/capture';

const ID = 'twitch';
// EventSub's per-message headers are all named Twitch-Eventsub-Message-<part>.
const messageHeader = (part: string): string => `Twitch-Eventsub-Message-${part}`;
const SIG_HEADER = messageHeader('Signature');
const ID_HEADER = messageHeader('Id');
const TS_HEADER = messageHeader('Timestamp');
const TYPE_HEADER = messageHeader('Type');
// Twitch accepts a subscription secret of this many ASCII characters only.
const SECRET_LENGTH = { min: 10, max: 100 };
const SECRET_RANGE = `${SECRET_LENGTH.min}–${SECRET_LENGTH.max}`;
const TOLERANCE_SEC = 600;

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** Whole unix seconds of an RFC 3339 timestamp; fractions beyond milliseconds are dropped first. */
function parseRfc3339(text: string): number | undefined {
  const m = RFC3339.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac = '', zone] = m;
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac.slice(0, 4)}${zone!.toUpperCase()}`);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

function compute(secret: string, id: string, ts: string, body: Buffer): string {
  return `sha256=${hmac('sha256', secret, Buffer.concat([Buffer.from(id + ts), body]), 'hex')}`;
}

const NO_SIGNATURE = `no ${SIG_HEADER} header: the request is not an EventSub webhook notification, or a proxy dropped the header`;

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const sigRaw = requireHeader(req, ID, SIG_HEADER, NO_SIGNATURE);
  if (typeof sigRaw !== 'string') return sigRaw;
  const id = header(req, ID_HEADER);
  const tsRaw = header(req, TS_HEADER);
  const absent = [id === undefined ? ID_HEADER : undefined, tsRaw === undefined ? TS_HEADER : undefined].filter(
    Boolean,
  );
  if (id === undefined || tsRaw === undefined) {
    return invalid(
      ID,
      'missing_header',
      `${absent.join(' and ')} missing; Twitch signs message id + timestamp + body, so the signature cannot be checked without ${absent.length > 1 ? 'them' : 'it'}`,
    );
  }
  const received = prefixedSha256Hex(ID, SIG_HEADER, sigRaw, 'sha256=');
  if (typeof received !== 'string') return received;
  const ts = parseRfc3339(tsRaw);
  if (ts === undefined)
    return invalid(
      ID,
      'malformed_header',
      `${TS_HEADER} "${tsRaw.slice(0, 40)}" is not an RFC 3339 time such as 2026-11-25T06:00:00.123456789Z`,
      { received },
    );

  const time = checkTimestamp(ID, ts, opts, TOLERANCE_SEC);
  const check = checkSignature(ID, req, opts, {
    received,
    candidates: [received.toLowerCase()],
    what: 'EventSub signature',
    compute: (secret, body) => compute(secret, id, tsRaw, body),
    extra: { skewSec: time.skewSec },
  });
  const { expected } = check;
  if (check.matched === undefined) {
    const secretLength = opts.secret.trim().length;
    const result = check.explain();
    if (
      result.failure === 'signature_mismatch' &&
      (secretLength < SECRET_LENGTH.min || secretLength > SECRET_LENGTH.max)
    ) {
      return {
        ...result,
        failure: 'secret_format',
        reason: `EventSub signature does not match and the secret has ${secretLength} characters, while Twitch requires ${SECRET_RANGE}: use the secret passed when the subscription was created`,
      };
    }
    return result;
  }
  if (time.failure)
    return {
      ...time.failure,
      expected,
      received,
      hints: ['Twitch retries with the original timestamp; a capture checked later needs a wider tolerance'],
    };
  const type = header(req, TYPE_HEADER);
  const hints =
    type === 'webhook_callback_verification'
      ? [
          'this is the subscription verification message: answer 200 with the raw challenge string from the body as text/plain',
        ]
      : [];
  return valid(ID, `EventSub signature matches (timestamp ${describeSkew(time.skewSec)})`, {
    expected,
    received,
    skewSec: time.skewSec,
    ...(hints.length ? { hints } : {}),
  });
}

function sign(opts: SignOptions): HeaderPair[] {
  const id = opts.id ?? randomUUID();
  const ts = new Date((opts.timestamp ?? nowSeconds()) * 1000).toISOString();
  return [
    [ID_HEADER, id],
    [TS_HEADER, ts],
    [SIG_HEADER, compute(opts.secret, id, ts, opts.body)],
  ];
}

export const twitch: Provider = {
  id: ID,
  name: 'Twitch EventSub',
  signatureHeaders: [SIG_HEADER, ID_HEADER, TS_HEADER],
  secretHint: `The secret (${SECRET_RANGE} ASCII characters) you passed in transport.secret when creating the EventSub subscription`,
  toleranceSec: TOLERANCE_SEC,
  detect: (req) => hasHeader(req, SIG_HEADER),
  verify,
  sign,
};
