import { createHmac } from 'node:crypto';
import { hmacValidator as HmacValidator } from '@adyen/api-library';
import { describe, expect, it } from 'vitest';
import { schemeCases } from '../test-support/scheme-cases';
import { adyen, adyenDataToSign } from './adyen';

// Judged by @adyen/api-library's hmacValidator (calculateHmac signs an item, validateHMAC checks one).
const validator = new HmacValidator();
const KEY = '44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056';
const OTHER = '44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA057';
const ITEM = {
  additionalData: {} as Record<string, string>,
  amount: { currency: 'EUR', value: 1130 },
  eventCode: 'AUTHORISATION',
  eventDate: '2026-01-01T01:00:00+01:00',
  merchantAccountCode: 'YOUR_MERCHANT_ACCOUNT',
  merchantReference: 'YOUR_REFERENCE',
  paymentMethod: 'visa',
  pspReference: 'YOUR_PSP_REFERENCE',
  reason: '033899:1111:03/2030',
  success: 'true',
};
const body = (key: string) => {
  const item = { ...ITEM, additionalData: { hmacSignature: validator.calculateHmac(ITEM as never, key) } };
  return JSON.stringify({ live: 'false', notificationItems: [{ NotificationRequestItem: item }] });
};

describe('adyen', () => {
  schemeCases({
    provider: adyen,
    secret: KEY,
    wrongSecret: OTHER,
    body: body(KEY),
    delivery: [
      ['Content-Type', 'application/json'],
      ['User-Agent', 'Adyen HttpClient 1.0'],
    ],
    // value is one of the signed fields; eventDate or reason are not.
    tamper: (b) => b.replace('"value":1130', '"value":1'),
    reference: () => [],
  });

  it('signs the fields the SDK signs, so validateHMAC accepts our computation', () => {
    expect(adyenDataToSign(ITEM)).toBe(validator.getDataToSign(ITEM as never));
    const item = JSON.parse(body(KEY)).notificationItems[0].NotificationRequestItem;
    expect(validator.validateHMAC(item, KEY)).toBe(true);
    expect(validator.validateHMAC(item, OTHER)).toBe(false);
  });

  it('verifies a Banking webhook signed over the raw body', () => {
    const raw = JSON.stringify({
      data: { balancePlatform: 'YOUR_BALANCE_PLATFORM', id: 'BA00000000000000000000001' },
      environment: 'test',
      type: 'balancePlatform.accountHolder.created',
    });
    const sig = createHmac('sha256', Buffer.from(KEY, 'hex')).update(raw).digest('base64');
    expect(validator.validateHMACSignature(KEY, sig, raw)).toBe(true);
    const req = { method: 'POST', headers: [['HmacSignature', sig]] as [string, string][], body: Buffer.from(raw) };
    expect(adyen.verify(req, { secret: KEY })).toMatchObject({ valid: true });
    expect(adyen.verify(req, { secret: OTHER })).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(adyen.verify(req, { secret: 'not-hex' })).toMatchObject({ valid: false, failure: 'secret_format' });
  });
});
