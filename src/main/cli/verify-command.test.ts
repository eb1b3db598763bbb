import { sign as octokitSign } from '@octokit/webhooks-methods';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as twilioSdk from 'twilio/lib/webhooks/webhooks';
import { describe, expect, it } from 'vitest';
import { SECRET, BODY, stripeSdk, useBodyFile, verify } from './test-support/signature-cli';

const files = useBodyFile();

describe('hooklens verify', () => {
  const t = 1_760_000_000;
  const header = () =>
    `Stripe-Signature: ${stripeSdk.webhooks.generateTestHeaderString({ payload: BODY, secret: SECRET, timestamp: t })}`;
  /** Verifies the Stripe header above with `secret`, as if checked at unix time `now`. */
  const stripeArgs = (secret: string, now: number, ...extra: string[]) => [
    ...['--secret', secret, '--body-file', files.bodyFile, '--header', header(), '--now', String(now)],
    ...extra,
  ];
  const githubArgs = (secret: string, sig: string) => [
    ...['--provider', 'github', '--secret', secret, '--body-file', files.bodyFile],
    ...['--header', `X-Hub-Signature-256: ${sig}`],
  ];

  it('auto-detects the provider and exits 0 on a valid signature', async () => {
    const { code, json, io } = await verify(stripeArgs(SECRET, t + 3));
    expect(code).toBe(0);
    expect(json).toMatchObject({ provider: 'stripe', valid: true, skewSec: -3, detected: ['stripe'] });
    expect(typeof json!.reason).toBe('string');
    expect(io.err).toEqual([]);
  });

  it('exits 1 with the reason on an invalid signature', async () => {
    const wrong = await verify(stripeArgs('whsec_wrong', t));
    expect(wrong.code).toBe(1);
    expect(wrong.json).toMatchObject({ provider: 'stripe', valid: false, failure: 'signature_mismatch' });
    const stale = await verify(stripeArgs(SECRET, t + 1000));
    expect(stale.code).toBe(1);
    expect(stale.json).toMatchObject({ failure: 'timestamp_out_of_tolerance', skewSec: -1000 });
    const tolerant = await verify(stripeArgs(SECRET, t + 1000, '--tolerance', '2000'));
    expect(tolerant.code).toBe(0);
  });

  it('uses --provider when given and never echoes the secret', async () => {
    const sig = await octokitSign('gh-secret', BODY);
    const r = await verify(githubArgs('gh-secret', sig));
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ provider: 'github', valid: true });
    const bad = await verify(githubArgs('gh-secret-wrong', sig));
    expect(bad.io.out.join('')).not.toContain('gh-secret-wrong');
  });

  it('exits 2 with the error on stderr for unusable input', async () => {
    const { dir, bodyFile } = files;
    const cases: [string[], RegExp][] = [
      [['--secret', SECRET, '--body-file', join(dir, 'missing.json'), '--header', header()], /not found/],
      [['--secret', SECRET, '--body-file', bodyFile, '--header', header(), '--provider', 'nope'], /unknown provider/],
      [
        ['--secret', SECRET, '--body-file', bodyFile, '--header', 'Content-Type: application/json'],
        /no signature header/,
      ],
      [['--secret', SECRET, '--body-file', bodyFile, '--provider', 'stripe'], /Stripe-Signature header is missing/],
      [['--secret', SECRET, '--body-file', bodyFile, '--header', 'X-Twilio-Signature: abc='], /--url/],
      [['--secret', SECRET, '--body-file', bodyFile, '--header', 'no colon here'], /Name: value/],
      [['--body-file', bodyFile, '--header', header()], /--secret is required/],
      [['--secret', SECRET, '--body-file', bodyFile, '--header', header(), '--now', 'later'], /unix seconds/],
      [['--secret', SECRET, '--bogus'], /Unknown option/],
    ];
    for (const [args, message] of cases) {
      const r = await verify(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.io.out).toEqual([]);
      expect(r.io.err.join('\n')).toMatch(message);
      expect(r.io.err.join('\n')).not.toContain(SECRET);
    }
  });

  it('checks a generic HMAC scheme described by flags', async () => {
    const sig = await octokitSign('k', BODY);
    const args = [
      '--provider',
      'generic',
      '--algorithm',
      'sha256',
      '--encoding',
      'hex',
      '--signature-header',
      'X-Sig',
      '--prefix',
      'sha256=',
    ];
    const r = await verify([...args, '--secret', 'k', '--body-file', files.bodyFile, '--header', `X-Sig: ${sig}`]);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ provider: 'generic', valid: true });
  });
});

describe('verify without a signature header', () => {
  /** Verifies with only these headers given, none of them a signature. */
  const unsigned = (...headers: string[]) =>
    verify(['--secret', 's', '--body-file', files.bodyFile, ...headers.flatMap((h) => ['--header', h])]);

  it('names the likely provider and its headers, once each', async () => {
    const r = await unsigned('Content-Type: application/json', 'X-GitHub-Event: push');
    expect(r.code).toBe(2);
    const text = r.io.err.join('\n');
    expect(text).toContain('among the 2 headers given (Content-Type, X-GitHub-Event)');
    expect(text).toContain(
      'This may be GitHub (--provider github), which signs in X-Hub-Signature-256 / X-Hub-Signature',
    );
    expect(text).not.toContain('Intercom');
    expect(text).toContain('--provider generic --signature-header NAME');
  });

  it('points at the provider whose generic signature header was given', async () => {
    const r = await unsigned(`X-Signature: ${'a'.repeat(64)}`);
    expect(r.io.err.join('\n')).toContain('Lemon Squeezy (--provider lemonsqueezy)');
  });

  it('lists known headers without repeats when nothing points anywhere', async () => {
    const r = await unsigned('Content-Type: application/json');
    const line = r.io.err
      .join('\n')
      .split('\n')
      .find((l) => l.startsWith('Known signature headers include'))!;
    const names = line
      .replace(/^Known signature headers include /, '')
      .split(', … (')[0]!
      .split(', ');
    expect(names.length).toBeGreaterThan(3);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(line).toMatch(/\(\d+ in all: see `hooklens providers`\)/);
    expect(r.io.err.join('\n').split('\n').length).toBeLessThanOrEqual(4);
  });
});

describe('verify of a URL-signed scheme', () => {
  it('finds the URL the signature was made for, and says which URL was used when none matches', async () => {
    const form = 'Body=hi&From=%2B100';
    await writeFile(files.bodyFile, form);
    const signedUrl = 'https://pub.example.test/sms?x=1';
    const sig = twilioSdk.getExpectedTwilioSignature('tw-token', signedUrl, { From: '+100', Body: 'hi' });
    const base = [
      '--body-file',
      files.bodyFile,
      '--header',
      'Content-Type: application/x-www-form-urlencoded',
      '--header',
      `X-Twilio-Signature: ${sig}`,
    ];
    const byUrl = await verify([...base, '--secret', 'tw-token', '--url', 'http://pub.example.test/sms?x=1']);
    expect(byUrl.json).toMatchObject({ valid: false, failure: 'url_mismatch' });
    expect(String(byUrl.json!.reason)).toContain(signedUrl);
    const wrong = await verify([...base, '--secret', 'not-the-token', '--url', signedUrl]);
    expect(wrong.json).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect((wrong.json!.hints as string[])[0]).toContain(`URL is part of the signature: checked against ${signedUrl}`);
  });
});
