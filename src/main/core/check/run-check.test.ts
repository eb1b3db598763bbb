import { afterEach, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../shared/check/types';
import { runCheck, type CheckOutcome } from './run-check';
import {
  startCorrectHandler,
  startNaiveHandler,
  type HandlerProvider,
  type TestHandler,
} from './test-support/handlers';

const SECRETS: Record<HandlerProvider, string> = {
  stripe: 'whsec_check_test_0123456789abcdef',
  github: 'github-check-secret-0123456789',
  'standard-webhooks': 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
};

let handlers: TestHandler[] = [];
afterEach(async () => {
  await Promise.all(handlers.map((h) => h.close()));
  handlers = [];
});

function report(outcome: CheckOutcome): CheckReport {
  if (outcome.kind !== 'report') throw new Error(`expected a report, got ${outcome.kind}: ${outcome.message}`);
  return outcome.report;
}

describe('runCheck against a correct handler (official SDKs + seen-ids set)', () => {
  for (const provider of ['stripe', 'github', 'standard-webhooks'] as const) {
    it(`${provider}: every probe passes`, async () => {
      const h = await startCorrectHandler(provider, SECRETS[provider]);
      handlers.push(h);
      const r = report(await runCheck({ target: h.url, providerId: provider, secret: SECRETS[provider] }));
      const notPassed = r.probes.filter((p) => p.verdict !== 'pass').map((p) => `${p.id}: ${p.why}`);
      expect(notPassed).toEqual([]);
      expect(r.probes.map((p) => p.id)).toContain('duplicate');
      expect(r.summary.fail).toBe(0);
      // The handler really processed the probes' events: seen ids grew, repeats were not double-counted.
      expect([...h.seen.values()].some((n) => n >= 7)).toBe(true);
    }, 30_000);
  }
});

describe('runCheck against a naive handler (no verification, unique-constraint crash, slow work)', () => {
  it('fails exactly the forged, unsigned, duplicate and too-slow probes, each with its reason', async () => {
    const h = await startNaiveHandler({ slowType: 'customer.subscription.updated', slowMs: 2_500 });
    handlers.push(h);
    const r = report(await runCheck({ target: h.url, providerId: 'stripe', secret: SECRETS.stripe, timeoutMs: 1_000 }));
    const verdicts = Object.fromEntries(r.probes.map((p) => [p.id, p.verdict]));
    expect(verdicts).toEqual({
      valid: 'pass',
      'forged-body': 'fail',
      unsigned: 'fail',
      'wrong-secret': 'fail',
      'stale-timestamp': 'fail',
      duplicate: 'fail',
      retry: 'fail',
      'reverse-order': 'warn',
      'unknown-type': 'pass',
      'response-time': 'fail',
    });
    const why = (id: string) => r.probes.find((p) => p.id === id)!.why;
    expect(why('forged-body')).toMatch(/accepts forged webhooks: the body was changed after signing/);
    expect(why('wrong-secret')).toMatch(/accepts forged webhooks: .*secret that is not yours/);
    expect(why('stale-timestamp')).toMatch(
      /accepts replayed webhooks: .*signed 900 s ago, outside the 300 s tolerance/,
    );
    expect(why('unsigned')).toMatch(/accepts unsigned webhooks: Stripe-Signature was left out/);
    expect(why('duplicate')).toMatch(/fails on a repeated delivery: .* got 500 .*deduplicate on the body field id/);
    expect(why('retry')).toMatch(/fails on a repeated delivery/);
    expect(why('response-time')).toMatch(
      /^Too slow: 1 of \d+ requests got no answer within the 1 s budget given, first "customer.subscription.updated/,
    );
    const dup = r.probes.find((p) => p.id === 'duplicate')!;
    expect(dup.attempts).toHaveLength(7);
    expect(dup.response).toMatchObject({ kind: 'response', status: 500 });
    expect(dup.notes.join(' ')).toMatch(/side effect/);
    // The exact request is kept: the forged one carries a signature over other bytes.
    const forged = r.probes.find((p) => p.id === 'forged-body')!;
    expect(forged.request.body.text).toContain('"hooklens_forged":true');
    expect(forged.request.headers.some(([n]) => n === 'Stripe-Signature')).toBe(true);
  }, 30_000);
});

describe('runCheck input and safety', () => {
  it('an unreachable target is a result, not a throw', async () => {
    const h = await startCorrectHandler('stripe', SECRETS.stripe);
    const url = h.url;
    await h.close();
    const outcome = await runCheck({ target: url, providerId: 'stripe', secret: SECRETS.stripe });
    expect(outcome).toMatchObject({
      kind: 'unreachable',
      message: expect.stringMatching(/^nothing is listening on 127\.0\.0\.1:\d+$/),
    });
  });

  it('refuses a non-loopback target unless allowed, other schemes and unknown providers', async () => {
    await expect(
      runCheck({ target: 'http://example.com/hook', providerId: 'stripe', secret: 's' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(runCheck({ target: 'ftp://127.0.0.1/x', providerId: 'stripe', secret: 's' })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    await expect(runCheck({ target: 'http://127.0.0.1:1/x', providerId: 'nope', secret: 's' })).rejects.toMatchObject({
      code: 'unknown_provider',
    });
  });

  it('--only runs the chosen probes; slow probes can be left out', async () => {
    const h = await startCorrectHandler('github', SECRETS.github);
    handlers.push(h);
    const only = report(
      await runCheck({ target: h.url, providerId: 'github', secret: SECRETS.github, only: ['valid', 'unsigned'] }),
    );
    expect(only.probes.map((p) => p.id)).toEqual(['valid', 'unsigned']);
    const fast = report(await runCheck({ target: h.url, providerId: 'github', secret: SECRETS.github, fast: true }));
    expect(fast.skipped.find((s) => s.id === 'large-body')?.why).toMatch(/Slow probe/);
    expect(fast.skipped.find((s) => s.id === 'stale-timestamp')?.why).toMatch(/signs no timestamp/);
  });
});

describe('runCheck report size', () => {
  it('sends a near-limit body in full but reports only its start', async () => {
    const h = await startCorrectHandler('github', SECRETS.github);
    handlers.push(h);
    const r = report(
      await runCheck({ target: h.url, providerId: 'github', secret: SECRETS.github, only: ['large-body'] }),
    );
    const [probe] = r.probes;
    expect(probe).toMatchObject({ id: 'large-body', verdict: 'pass' });
    expect(probe!.attempts[0]!.requestBodyBytes).toBeGreaterThan(25 * 1024 * 1024 - 8192);
    expect(probe!.request.body.text.length).toBe(64 * 1024);
    expect(JSON.stringify(r).length).toBeLessThan(200_000);
  }, 20_000);
});

describe('runCheck with a given reverse-order pair', () => {
  it('sends the later event first, each under a fresh id', async () => {
    const { deliveryFromEvent } = await import('./delivery');
    const { stripeProfile } = await import('../signatures/providers/stripe.profile');
    const h = await startNaiveHandler({ slowType: 'none', slowMs: 0 });
    handlers.push(h);
    const body = stripeProfile.sample(1_764_000_000).body;
    const first = { type: 'invoice.created', delivery: deliveryFromEvent(stripeProfile, 'invoice.created', body) };
    const second = { type: 'invoice.paid', delivery: deliveryFromEvent(stripeProfile, 'invoice.paid', body) };
    const r = report(
      await runCheck({
        target: h.url,
        providerId: 'stripe',
        secret: SECRETS.stripe,
        only: ['reverse-order'],
        reversePair: { first, second, why: 'a test pair' },
      }),
    );
    const [probe] = r.probes;
    expect(probe!.verdict).toBe('pass');
    expect(probe!.attempts.map((a) => a.label)).toEqual([
      'invoice.paid (the later event) first',
      'invoice.created (the earlier event) second',
    ]);
    const ids = probe!.attempts.map((a) => (JSON.parse(a.request.body.text) as { id: string }).id);
    expect(new Set(ids).size).toBe(2);
    expect(probe!.notes).toEqual(['Why this happens: a test pair.']);
  });
});
