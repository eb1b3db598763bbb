/*
 * SendGrid Event Webhook (signed): `X-Twilio-Email-Event-Webhook-Signature` is a base64 DER ECDSA
 * P-256/SHA-256 signature over `<X-Twilio-Email-Event-Webhook-Timestamp><raw body>`, verified with
 * the verification key shown in Mail Settings (base64 DER SubjectPublicKeyInfo, "MFkw…"). Only
 * SendGrid holds the private key, so Hooklens can verify but never sign. SendGrid's payload ends
 * with CRLF; a body stripped of it no longer verifies. No replay window is documented, so the
 * timestamp is only judged when a tolerance is given.
 * https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Provider } from '../types';
import { publicKeyProvider } from './public-key-scheme';

const SIG_HEADER = 'X-Twilio-Email-Event-Webhook-Signature';

/** The key, or a sentence saying why the secret cannot be the Event Webhook verification key. */
function publicKey(secret: string): KeyObject | string {
  const s = secret.trim();
  if (s === '')
    return 'no verification key given: paste the Event Webhook verification key (Settings › Mail Settings › Event Webhook › Signature Verification)';
  try {
    if (s.startsWith('-----BEGIN')) return checkCurve(createPublicKey(s));
    if (!/^[A-Za-z0-9+/\s]+={0,2}$/.test(s)) {
      return 'the secret is not a SendGrid verification key: it should be the base64 public key starting "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE", not an API key (SG.…)';
    }
    return checkCurve(
      createPublicKey({ key: Buffer.from(s.replace(/\s+/g, ''), 'base64'), format: 'der', type: 'spki' }),
    );
  } catch {
    return 'the verification key does not decode as a public key: copy the whole base64 value starting "MFkw" from Mail Settings › Event Webhook';
  }
}

function checkCurve(key: KeyObject): KeyObject | string {
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    return `the key is ${key.asymmetricKeyType ?? 'unknown'}${key.asymmetricKeyDetails?.namedCurve ? ` (${key.asymmetricKeyDetails.namedCurve})` : ''}, but SendGrid signs with ECDSA P-256`;
  }
  return key;
}

function endsWithCrlf(body: Buffer): boolean {
  return body.length >= 2 && body[body.length - 2] === 0x0d && body[body.length - 1] === 0x0a;
}

/** Base64 DER ECDSA signature bytes, or why the header cannot hold one. */
function decodeSignature(received: string): Buffer | string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(received))
    return `${SIG_HEADER} should be base64 (a DER ECDSA signature), but it contains other characters`;
  const signature = Buffer.from(received, 'base64');
  // DER ECDSA signatures open with a SEQUENCE tag (0x30) and are 8–72 bytes for P-256.
  if (signature[0] !== 0x30 || signature.length < 8 || signature.length > 72) {
    return `${SIG_HEADER} decodes to ${signature.length} bytes that are not a DER ECDSA signature`;
  }
  return signature;
}

export const sendgrid: Provider = publicKeyProvider({
  id: 'sendgrid',
  name: 'SendGrid Event Webhook',
  sender: 'SendGrid',
  signatureHeader: SIG_HEADER,
  timestampHeader: 'X-Twilio-Email-Event-Webhook-Timestamp',
  secretHint:
    'Verification key (base64 public key, "MFkw…") from Settings › Mail Settings › Event Webhook; verify only, Hooklens cannot sign for SendGrid',
  missingWhy: 'signed event webhooks are off for this SendGrid account, or a proxy dropped the header',
  decodeSignature,
  digest: 'sha256',
  parseKey: publicKey,
  what: 'ECDSA signature',
  keyName: 'the verification key',
  keySource: 'the verification key of this SendGrid account (Mail Settings › Event Webhook)',
  bodyVariants: (body) =>
    endsWithCrlf(body)
      ? []
      : [
          {
            label: 'with its trailing CRLF restored (SendGrid ends every payload with \\r\\n)',
            body: Buffer.concat([body, Buffer.from('\r\n')]),
          },
        ],
});
