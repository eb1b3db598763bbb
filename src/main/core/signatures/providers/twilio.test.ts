// The SDK's webhook module alone (what `twilio.validateRequest` re-exports): the full client loads slowly.
import * as twilioSdk from 'twilio/lib/webhooks/webhooks';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SignedRequest } from '../types';
import { twilio } from './twilio';

const token = '12345abcdef67890fedcba0987654321';
const url = 'https://hooks.example.com/sms/inbound?account=7';
const params = {
  MessageSid: 'SM123',
  From: '+14155550100',
  To: '+14155550199',
  Body: 'Hello & welcome / ü',
  NumMedia: '0',
};
const form = new URLSearchParams(params).toString();

function request(headers: [string, string][], body = form, reqUrl: string | null = url): SignedRequest {
  return {
    method: 'POST',
    url: reqUrl ?? undefined,
    headers: [['Content-Type', 'application/x-www-form-urlencoded'], ...headers],
    body: Buffer.from(body),
  };
}

describe('twilio provider', () => {
  it('accepts a signature computed by the Twilio SDK over URL and form params', () => {
    const sig = twilioSdk.getExpectedTwilioSignature(token, url, params);
    const r = twilio.verify(request([['X-Twilio-Signature', sig]]), { secret: token });
    expect(r).toMatchObject({ provider: 'twilio', valid: true });
  });

  it('signs requests the Twilio SDK validates', () => {
    const [[name, sig]] = twilio.sign!({
      secret: token,
      body: Buffer.from(form),
      url,
      headers: [['Content-Type', 'application/x-www-form-urlencoded']],
    });
    expect(name).toBe('X-Twilio-Signature');
    expect(twilioSdk.validateRequest(token, sig, url, params)).toBe(true);
    expect(twilioSdk.validateRequest('other-token', sig, url, params)).toBe(false);
  });

  it('handles JSON bodies signed through bodySHA256, like the SDK', () => {
    const json = '{"event":"call.completed","sid":"CA1"}';
    const hashUrl = `https://hooks.example.com/status?bodySHA256=${createHash('sha256').update(json).digest('hex')}`;
    const sig = twilioSdk.getExpectedTwilioSignature(token, hashUrl, {});
    const jsonReq = (body: string): SignedRequest => ({
      method: 'POST',
      url: hashUrl,
      headers: [
        ['Content-Type', 'application/json'],
        ['X-Twilio-Signature', sig],
      ],
      body: Buffer.from(body),
    });
    expect(twilioSdk.validateRequestWithBody(token, sig, hashUrl, json)).toBe(true);
    expect(twilio.verify(jsonReq(json), { secret: token })).toMatchObject({ valid: true });
    const tampered = twilio.verify(jsonReq(json.replace('CA1', 'CA2')), { secret: token });
    expect(twilioSdk.validateRequestWithBody(token, sig, hashUrl, json.replace('CA1', 'CA2'))).toBe(false);
    expect(tampered).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(tampered.reason).toContain('bodySHA256');
    const [[, ours]] = twilio.sign!({
      secret: token,
      body: Buffer.from(json),
      url: hashUrl,
      headers: [['Content-Type', 'application/json']],
    });
    expect(twilioSdk.validateRequestWithBody(token, ours, hashUrl, json)).toBe(true);
  });

  it('accepts the URL with the default port, as the SDK does', () => {
    const sig = twilioSdk.getExpectedTwilioSignature(
      token,
      'https://hooks.example.com:443/sms/inbound?account=7',
      params,
    );
    expect(twilioSdk.validateRequest(token, sig, url, params)).toBe(true);
    expect(twilio.verify(request([['X-Twilio-Signature', sig]]), { secret: token })).toMatchObject({ valid: true });
  });

  it('rejects tampered params and the wrong token', () => {
    const sig = twilioSdk.getExpectedTwilioSignature(token, url, params);
    const tampered = new URLSearchParams({ ...params, Body: 'changed' }).toString();
    expect(twilio.verify(request([['X-Twilio-Signature', sig]], tampered), { secret: token })).toMatchObject({
      valid: false,
      failure: 'signature_mismatch',
    });
    expect(twilio.verify(request([['X-Twilio-Signature', sig]]), { secret: 'wrong' })).toMatchObject({
      valid: false,
      failure: 'signature_mismatch',
    });
  });

  it('names the URL the signature matches when it is not the one given', () => {
    const sig = twilioSdk.getExpectedTwilioSignature(token, url, params);
    const r = twilio.verify(
      request([['X-Twilio-Signature', sig]], form, 'http://hooks.example.com/sms/inbound?account=7'),
      { secret: token },
    );
    expect(r).toMatchObject({ valid: false, failure: 'url_mismatch' });
    expect(r.reason).toContain(url);
    expect(twilio.verify(request([['X-Twilio-Signature', sig]], form, null), { secret: token })).toMatchObject({
      failure: 'url_mismatch',
    });
  });

  it('reports a missing header', () => {
    expect(twilio.verify(request([]), { secret: token })).toMatchObject({ valid: false, failure: 'missing_header' });
  });
});
