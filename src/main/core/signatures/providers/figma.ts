/*
 * Figma webhooks sign nothing: each event's JSON body carries the passcode chosen when the
 * webhook was created, which the receiver compares. https://www.figma.com/developers/api#webhooks-v2-security
 */
import type { SignedRequest } from '../types';
import { sharedCredentialProvider } from './shared-credential-scheme';

function event(req: SignedRequest): Record<string, unknown> | undefined {
  if (req.body.length > 5 * 1024 * 1024 || req.body[0] !== 0x7b) return undefined;
  try {
    const v = JSON.parse(req.body.toString('utf8')) as Record<string, unknown>;
    return typeof v.event_type === 'string' && 'webhook_id' in v ? v : undefined;
  } catch {
    return undefined;
  }
}

export const figma = sharedCredentialProvider({
  id: 'figma',
  name: 'Figma',
  carrier: 'passcode (body)',
  read: (req) => {
    const e = event(req);
    if (e === undefined || !('passcode' in e)) return undefined;
    return typeof e.passcode === 'string' ? { value: e.passcode } : { problem: 'the passcode field is not a string' };
  },
  missingWhy: 'the body is not a Figma webhook event (event_type, webhook_id and passcode)',
  expected: (secret) => secret,
  detect: (req) => typeof event(req)?.passcode === 'string',
  secretHint: 'Passcode given when the webhook was created (POST /v2/webhooks, passcode)',
  secretAdvice: 'Figma sends the passcode given when the webhook was created, not a personal access token',
});
