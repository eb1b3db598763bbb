/*
 * Adyen. Standard (payment) webhooks sign each NotificationRequestItem, not the body: the HMAC
 * key (hex, from the Customer Area) signs pspReference:originalReference:merchantAccountCode:
 * merchantReference:value:currency:eventCode:success and the base64 HMAC-SHA256 sits in the item's
 * additionalData.hmacSignature; fields outside that list are not protected. Banking and
 * Management webhooks instead send `HmacSignature: base64(HMAC-SHA256(key, raw body))`.
 * https://docs.adyen.com/development-resources/webhooks/secure-webhooks/verify-hmac-signatures/
 */
import { checkSignature } from '../check-signature';
import { hasHeader, header, hmac, invalid, valid } from '../crypto-helpers';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';

const ID = 'adyen';
const HEADER = 'HmacSignature';
const ADVICE =
  'Adyen signs with the HMAC key generated on the webhook (Customer Area → Developers → Webhooks → your webhook → HMAC key), a hex string, not with the API key';

interface Item {
  pspReference?: unknown;
  originalReference?: unknown;
  merchantAccountCode?: unknown;
  merchantReference?: unknown;
  amount?: { value?: unknown; currency?: unknown };
  eventCode?: unknown;
  success?: unknown;
  additionalData?: { hmacSignature?: unknown };
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** The colon-joined fields Adyen signs for one NotificationRequestItem. */
export function adyenDataToSign(item: Item): string {
  return [
    item.pspReference,
    item.originalReference,
    item.merchantAccountCode,
    item.merchantReference,
    item.amount?.value,
    item.amount?.currency,
    item.eventCode,
    item.success,
  ]
    .map(text)
    .join(':');
}

function keyProblem(secret: string): string | undefined {
  return /^([0-9a-fA-F]{2})+$/.test(secret)
    ? undefined
    : 'the HMAC key Adyen generates is a hex string (64 characters); this secret is not hex';
}

const signWith = (secret: string, data: string | Buffer): string =>
  hmac('sha256', Buffer.from(secret, 'hex'), data, 'base64');

function items(body: Buffer): Item[] | undefined {
  try {
    const v = JSON.parse(body.toString('utf8')) as { notificationItems?: { NotificationRequestItem?: Item }[] };
    if (!Array.isArray(v?.notificationItems)) return undefined;
    return v.notificationItems.map((n) => n?.NotificationRequestItem ?? {});
  } catch {
    return undefined;
  }
}

function verifyBody(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const received = header(req, HEADER)!.trim();
  const check = checkSignature(ID, req, opts, {
    received,
    what: HEADER,
    compute: (secret, body) => signWith(secret, body),
  });
  if (check.matched !== undefined)
    return valid(ID, `${HEADER} matches the HMAC-SHA256 of the raw body (Banking/Management webhook)`, {
      expected: check.expected,
      received,
    });
  const r = check.explain();
  return r.failure === 'signature_mismatch' ? { ...r, hints: [...(r.hints ?? []), ADVICE] } : r;
}

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const list = hasHeader(req, HEADER) ? undefined : items(req.body);
  if (!hasHeader(req, HEADER) && list === undefined)
    return invalid(
      ID,
      'missing_header',
      `no ${HEADER} header and no notificationItems in the body: not an Adyen webhook`,
    );
  if (opts.secret === '') return invalid(ID, 'secret_format', `no secret given: ${ADVICE}`);
  const problem = keyProblem(opts.secret.trim());
  if (problem) return invalid(ID, 'secret_format', problem);
  if (list === undefined) return verifyBody(req, opts);
  if (list.length === 0) return invalid(ID, 'malformed_header', 'notificationItems is empty: there is nothing signed');
  for (const [i, item] of list.entries()) {
    const received = text(item.additionalData?.hmacSignature);
    if (received === '')
      return invalid(
        ID,
        'missing_header',
        `notification item ${i + 1} has no additionalData.hmacSignature: is HMAC enabled on the webhook in the Customer Area?`,
      );
    const data = adyenDataToSign(item);
    const check = checkSignature(ID, { body: Buffer.from(data) }, opts, {
      received,
      what: `hmacSignature of item ${i + 1}`,
      compute: (secret, signed) => signWith(secret, signed),
    });
    if (check.matched === undefined) {
      const r = check.explain();
      return { ...r, reason: `${r.reason} (signed fields: ${data})`, hints: [...(r.hints ?? []), ADVICE] };
    }
  }
  return valid(
    ID,
    `hmacSignature of ${list.length === 1 ? 'the notification item' : `all ${list.length} notification items`} matches its signed fields`,
  );
}

export const adyen: Provider = {
  id: ID,
  name: 'Adyen',
  signatureHeaders: ['additionalData.hmacSignature (body)', HEADER],
  secretHint: 'HMAC key of the webhook, hex (Customer Area → Developers → Webhooks → your webhook)',
  detect: (req) =>
    hasHeader(req, HEADER) || (items(req.body)?.some((i) => i.additionalData?.hmacSignature !== undefined) ?? false),
  verify,
};
