import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '../core/signatures';
import { runProviders } from './signature-commands';
import { captureIo } from './test-support/captured-io';

describe('hooklens providers', () => {
  it('lists ids, headers and whether each can sign', async () => {
    const io = captureIo();
    expect(await runProviders([], io)).toBe(0);
    const text = io.out.join('\n');
    expect(text).toMatch(/^stripe\s+yes\s+Stripe-Signature/m);
    expect(text).toMatch(/^twilio\s+yes\s+X-Twilio-Signature.*needs --url/m);
    expect(text).toMatch(/^plaid\s+no\s+Plaid-Verification$/m);
    expect(text).toContain('Also accepted: clerk, replicate, resend, svix (signed as standard-webhooks)');
    const json = captureIo();
    await runProviders(['--json'], json);
    const list = JSON.parse(json.out.join('')) as { id: string; headers: string[]; canSign: boolean }[];
    expect(list.find((p) => p.id === 'github')).toMatchObject({
      headers: ['X-Hub-Signature-256', 'X-Hub-Signature'],
      canSign: true,
    });
    expect(list.length).toBe(PROVIDERS.length + 1);
  });
});
