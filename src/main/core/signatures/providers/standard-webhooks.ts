/*
 * Standard Webhooks (standardwebhooks.com) and Svix, which it grew from; Clerk, Resend, Replicate
 * and others send it. Headers `webhook-id`, `webhook-timestamp`, `webhook-signature` (Svix:
 * `svix-*`). The signature header is a space-separated list of `v1,<base64>` entries, where
 * <base64> = HMAC-SHA256(key, "<id>.<timestamp>.<raw body>") and key = base64-decode(secret
 * without its "whsec_" prefix). `v1a,` entries are Ed25519 signatures with a public key: we skip
 * them. Tolerance: 5 minutes either way, as in the reference libraries.
 */
import { randomBytes } from 'node:crypto';
import { HooklensError } from '../../../../shared/errors';
import { checkSignature } from '../check-signature';
import { hmac, header, invalid, nowSeconds, valid } from '../crypto-helpers';
import { withHints } from '../mismatch';
import { checkTimestamp, parseUnixSeconds, toleranceHints } from '../timestamps';
import type { Provider, SignedRequest, VerifyOptions, VerifyResult } from '../types';

const ID = 'standard-webhooks';
const TOLERANCE_SEC = 300;
const PREFIX = 'whsec_';

type Family = 'webhook' | 'svix';

function family(req: SignedRequest): Family | undefined {
  if (header(req, 'webhook-signature') !== undefined) return 'webhook';
  if (header(req, 'svix-signature') !== undefined) return 'svix';
  return undefined;
}

/** Key bytes of a secret, or undefined when the part after whsec_ is not base64. */
export function standardWebhooksKey(secret: string): Buffer | undefined {
  const raw = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret;
  if (raw.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(raw) || raw.length % 4 === 1) return undefined;
  return Buffer.from(raw, 'base64');
}

function compute(key: Buffer, id: string, ts: string, body: Buffer): string {
  return hmac('sha256', key, Buffer.concat([Buffer.from(`${id}.${ts}.`), body]), 'base64');
}

function verify(req: SignedRequest, opts: VerifyOptions): VerifyResult {
  const fam = family(req);
  if (fam === undefined)
    return invalid(ID, 'missing_header', 'webhook-signature (or svix-signature) header is missing');
  const sigHeader = header(req, `${fam}-signature`)!;
  const id = header(req, `${fam}-id`);
  const tsText = header(req, `${fam}-timestamp`);
  if (id === undefined) return invalid(ID, 'missing_header', `${fam}-id header is missing`);
  if (tsText === undefined) return invalid(ID, 'missing_header', `${fam}-timestamp header is missing`);
  const ts = parseUnixSeconds(tsText);
  if (ts === undefined) return invalid(ID, 'malformed_header', `${fam}-timestamp "${tsText}" is not unix seconds`);

  const entries = sigHeader.trim().split(/\s+/).filter(Boolean);
  const v1 = entries.filter((e) => e.startsWith('v1,')).map((e) => e.slice(3));
  if (v1.length === 0) {
    const onlyAsym = entries.some((e) => e.startsWith('v1a,'));
    return onlyAsym
      ? invalid(
          ID,
          'unsupported',
          `${fam}-signature carries only v1a (Ed25519) signatures, which need the sender's public key`,
        )
      : invalid(ID, 'malformed_header', `${fam}-signature has no "v1,<base64>" entry`);
  }

  if (standardWebhooksKey(opts.secret.trim()) === undefined) {
    return invalid(
      ID,
      'secret_format',
      `the secret must be "whsec_" followed by base64 (the part after whsec_ is base64-decoded to get the key); got ${opts.secret.length} characters that are not base64`,
    );
  }
  const tsKey = tsText.trim();
  const time = checkTimestamp(ID, ts, opts, TOLERANCE_SEC);
  const check = checkSignature(ID, req, opts, {
    received: v1.join(' '),
    candidates: v1,
    what: `${fam}-signature v1`,
    // Trimmed as the key above is; a reading that is not whsec_<base64> gives '', which no entry equals.
    compute: (secret, body) => {
      const k = standardWebhooksKey(secret.trim());
      return k === undefined ? '' : compute(k, id, tsKey, body);
    },
    // A sender that used the whsec_ text itself as the key signed with these bytes.
    secretVariants: [
      {
        secret: PREFIX + Buffer.from(opts.secret, 'utf8').toString('base64'),
        reason:
          'it matches when the whole secret text is used as the key: the sender did not base64-decode the part after whsec_',
      },
      {
        secret: PREFIX + Buffer.from(opts.secret.replace(/^whsec_/, ''), 'utf8').toString('base64'),
        reason: 'it matches when the secret after whsec_ is used as text: the sender did not base64-decode it',
      },
    ],
    extra: { skewSec: time.skewSec },
  });
  if (check.matched === undefined) return withHints(check.explain(), toleranceHints(time));
  const { expected } = check;
  if (time.failure) return { ...time.failure, expected, received: v1.join(' ') };
  return valid(ID, `${fam}-signature v1 matches; timestamp within ${time.toleranceSec} s (skew ${time.skewSec} s)`, {
    expected,
    received: expected,
    skewSec: time.skewSec,
  });
}

export const standardWebhooks: Provider = {
  id: ID,
  name: 'Standard Webhooks / Svix (Clerk, Resend, Replicate…)',
  signatureHeaders: [
    'webhook-signature',
    'webhook-id',
    'webhook-timestamp',
    'svix-signature',
    'svix-id',
    'svix-timestamp',
  ],
  secretHint: 'Signing secret "whsec_<base64>" from the sender\'s dashboard (Svix, Clerk, Resend, Replicate…)',
  toleranceSec: TOLERANCE_SEC,
  detect: (req) => family(req) !== undefined,
  verify,
  sign(opts) {
    const key = standardWebhooksKey(opts.secret.trim());
    if (key === undefined)
      throw new HooklensError('invalid_argument', 'the secret must be "whsec_" followed by base64');
    const ts = String(opts.timestamp ?? nowSeconds());
    const id = opts.id ?? `msg_${randomBytes(12).toString('hex')}`;
    return [
      ['webhook-id', id],
      ['webhook-timestamp', ts],
      ['webhook-signature', `v1,${compute(key, id, ts, opts.body)}`],
    ];
  },
};
