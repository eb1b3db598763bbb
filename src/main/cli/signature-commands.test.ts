import { sign as octokitSign } from '@octokit/webhooks-methods';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import * as twilioSdk from 'twilio/lib/webhooks/webhooks';
import { startCaptureListener } from '../core/capture/listener';
import { openCaptureStore } from '../core/store';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runProviders, runSign, runVerify, type CliIo } from './signature-commands';
import { bodyBuffer } from '../core/body-buffer';
import { PROVIDERS, getProvider } from '../core/signatures';

const stripeSdk = new Stripe('sk_test_hooklens');
const SECRET = 'whsec_cli_0123456789abcdef';
const BODY = '{"id":"evt_cli","type":"invoice.paid"}';

let dir: string;
let bodyFile: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hooklens-cli-'));
  bodyFile = join(dir, 'body.json');
  await writeFile(bodyFile, BODY);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function capture(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (s) => out.push(s), stderr: (s) => err.push(s) };
}

async function verify(args: string[]) {
  const io = capture();
  const code = await runVerify(args, io);
  return { code, io, json: io.out.length ? (JSON.parse(io.out.join('')) as Record<string, unknown>) : undefined };
}

describe('hooklens verify', () => {
  const t = 1_760_000_000;
  const header = () =>
    `Stripe-Signature: ${stripeSdk.webhooks.generateTestHeaderString({ payload: BODY, secret: SECRET, timestamp: t })}`;

  it('auto-detects the provider and exits 0 on a valid signature', async () => {
    const { code, json, io } = await verify([
      '--secret',
      SECRET,
      '--body-file',
      bodyFile,
      '--header',
      header(),
      '--now',
      String(t + 3),
    ]);
    expect(code).toBe(0);
    expect(json).toMatchObject({ provider: 'stripe', valid: true, skewSec: -3, detected: ['stripe'] });
    expect(typeof json!.reason).toBe('string');
    expect(io.err).toEqual([]);
  });

  it('exits 1 with the reason on an invalid signature', async () => {
    const wrong = await verify([
      '--secret',
      'whsec_wrong',
      '--body-file',
      bodyFile,
      '--header',
      header(),
      '--now',
      String(t),
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.json).toMatchObject({ provider: 'stripe', valid: false, failure: 'signature_mismatch' });
    const stale = await verify([
      '--secret',
      SECRET,
      '--body-file',
      bodyFile,
      '--header',
      header(),
      '--now',
      String(t + 1000),
    ]);
    expect(stale.code).toBe(1);
    expect(stale.json).toMatchObject({ failure: 'timestamp_out_of_tolerance', skewSec: -1000 });
    const tolerant = await verify([
      '--secret',
      SECRET,
      '--body-file',
      bodyFile,
      '--header',
      header(),
      '--now',
      String(t + 1000),
      '--tolerance',
      '2000',
    ]);
    expect(tolerant.code).toBe(0);
  });

  it('uses --provider when given and never echoes the secret', async () => {
    const sig = await octokitSign('gh-secret', BODY);
    const r = await verify([
      '--provider',
      'github',
      '--secret',
      'gh-secret',
      '--body-file',
      bodyFile,
      '--header',
      `X-Hub-Signature-256: ${sig}`,
    ]);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ provider: 'github', valid: true });
    const bad = await verify([
      '--provider',
      'github',
      '--secret',
      'gh-secret-wrong',
      '--body-file',
      bodyFile,
      '--header',
      `X-Hub-Signature-256: ${sig}`,
    ]);
    expect(bad.io.out.join('')).not.toContain('gh-secret-wrong');
  });

  it('exits 2 with the error on stderr for unusable input', async () => {
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
    const r = await verify([...args, '--secret', 'k', '--body-file', bodyFile, '--header', `X-Sig: ${sig}`]);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ provider: 'generic', valid: true });
  });
});

describe('hooklens sign', () => {
  it('prints headers the official SDK accepts', async () => {
    const io = capture();
    const t = Math.floor(Date.now() / 1000);
    expect(
      await runSign(
        ['--provider', 'stripe', '--secret', SECRET, '--body-file', bodyFile, '--timestamp', String(t)],
        io,
      ),
    ).toBe(0);
    const headers = JSON.parse(io.out.join('')) as Record<string, string>;
    expect(stripeSdk.webhooks.constructEvent(BODY, headers['Stripe-Signature'], SECRET).id).toBe('evt_cli');
  });

  it('round-trips through verify for every provider that can sign', async () => {
    const url = 'https://hooks.example.com/in?x=1';
    const roundTripped: string[] = [];
    for (const p of PROVIDERS.filter((x) => x.sign)) {
      const secret = p.id === 'standard-webhooks' ? 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' : 'cli-secret-value';
      const io = capture();
      const code = await runSign(
        [
          '--provider',
          p.id,
          '--secret',
          secret,
          '--body-file',
          bodyFile,
          '--timestamp',
          '1760000000',
          '--id',
          'msg_1',
          '--url',
          url,
        ],
        io,
      );
      if (code !== 0) continue; // providers needing inputs the CLI cannot give (key pairs…) say so on stderr
      const headers = Object.entries(JSON.parse(io.out.join('')) as Record<string, string>).flatMap(([n, v]) => [
        '--header',
        `${n}: ${v}`,
      ]);
      const r = await verify([
        '--provider',
        p.id,
        '--secret',
        secret,
        '--body-file',
        bodyFile,
        '--url',
        url,
        '--now',
        '1760000001',
        ...headers,
      ]);
      expect(r.json, p.id).toMatchObject({ provider: p.id, valid: true });
      roundTripped.push(p.id);
    }
    expect(roundTripped).toEqual(
      expect.arrayContaining(['stripe', 'github', 'shopify', 'slack', 'standard-webhooks', 'twilio', 'square']),
    );
  });

  it('exits 2 for an unknown provider or a missing URL', async () => {
    const io = capture();
    expect(await runSign(['--provider', 'nope', '--secret', 's', '--body-file', bodyFile], io)).toBe(2);
    expect(await runSign(['--provider', 'twilio', '--secret', 's', '--body-file', bodyFile], io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/URL/);
  });
});

describe('hooklens providers', () => {
  it('lists ids, headers and whether each can sign', async () => {
    const io = capture();
    expect(await runProviders([], io)).toBe(0);
    const text = io.out.join('\n');
    expect(text).toMatch(/^stripe\s+yes\s+Stripe-Signature/m);
    expect(text).toMatch(/^twilio\s+yes\s+X-Twilio-Signature.*needs --url/m);
    expect(text).toMatch(/^plaid\s+no\s+Plaid-Verification$/m);
    expect(text).toContain('Also accepted: clerk, replicate, resend, svix (signed as standard-webhooks)');
    const json = capture();
    await runProviders(['--json'], json);
    const list = JSON.parse(json.out.join('')) as { id: string; headers: string[]; canSign: boolean }[];
    expect(list.find((p) => p.id === 'github')).toMatchObject({
      headers: ['X-Hub-Signature-256', 'X-Hub-Signature'],
      canSign: true,
    });
    expect(list.length).toBe(PROVIDERS.length + 1);
  });
});

async function sign(args: string[]) {
  const io = capture();
  const code = await runSign(args, io);
  return { code, io, text: io.out.join('') };
}

const asHeaderArgs = (json: string) =>
  Object.entries(JSON.parse(json) as Record<string, string>).flatMap(([n, v]) => ['--header', `${n}: ${v}`]);

describe('sign, then verify with the headers it printed', () => {
  it('a GitHub signature is detected as GitHub, not Intercom', async () => {
    const signed = await sign(['--provider', 'github', '--secret', 'gh-secret', '--body-file', bodyFile]);
    expect(Object.keys(JSON.parse(signed.text))).toEqual(['X-Hub-Signature-256', 'X-Hub-Signature']);
    const r = await verify(['--secret', 'gh-secret', '--body-file', bodyFile, ...asHeaderArgs(signed.text)]);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ provider: 'github', valid: true, reason: 'X-Hub-Signature-256 matches' });
    expect((r.json!.detected as string[])[0]).toBe('github');
  });
});

describe('verify without a signature header', () => {
  it('names the likely provider and its headers, once each', async () => {
    const r = await verify([
      '--secret',
      's',
      '--body-file',
      bodyFile,
      '--header',
      'Content-Type: application/json',
      '--header',
      'X-GitHub-Event: push',
    ]);
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
    const r = await verify(['--secret', 's', '--body-file', bodyFile, '--header', `X-Signature: ${'a'.repeat(64)}`]);
    expect(r.io.err.join('\n')).toContain('Lemon Squeezy (--provider lemonsqueezy)');
  });

  it('lists known headers without repeats when nothing points anywhere', async () => {
    const r = await verify(['--secret', 's', '--body-file', bodyFile, '--header', 'Content-Type: application/json']);
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
    await writeFile(bodyFile, form);
    const signedUrl = 'https://pub.example.test/sms?x=1';
    const sig = twilioSdk.getExpectedTwilioSignature('tw-token', signedUrl, { From: '+100', Body: 'hi' });
    const base = [
      '--body-file',
      bodyFile,
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

describe('sign --curl', () => {
  const exec = promisify(execFile);

  it('prints a curl command that delivers a request the provider verifies', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hooklens-curl-'));
    const store = await openCaptureStore({ dataDir });
    const listener = await startCaptureListener({ store, port: 0, host: '127.0.0.1', tunnelPort: null });
    try {
      // A path with a quote and a space, so the shell quoting is exercised.
      const odd = join(dir, "it's a body.json");
      await writeFile(odd, BODY);
      const cases = [
        {
          provider: 'stripe',
          secret: SECRET,
          file: odd,
          url: `http://127.0.0.1:${listener.port}/stripe`,
          extra: [] as string[],
        },
        {
          provider: 'twilio',
          secret: 'tw-token',
          file: join(dir, 'form.txt'),
          url: `http://127.0.0.1:${listener.port}/sms?x=1`,
          extra: ['--header', 'Content-Type: application/x-www-form-urlencoded'],
        },
      ];
      await writeFile(cases[1]!.file, 'Body=hi&From=%2B100');
      for (const c of cases) {
        const r = await sign([
          '--provider',
          c.provider,
          '--secret',
          c.secret,
          '--body-file',
          c.file,
          '--curl',
          c.url,
          ...c.extra,
        ]);
        expect(r.code, r.io.err.join('')).toBe(0);
        expect(r.text).toMatch(/^curl -X POST /);
        expect(r.text).not.toContain(c.secret);
        const before = store.count();
        await exec('sh', ['-c', `${r.text} --silent --fail`]);
        expect(store.count()).toBe(before + 1);
        const record = (await store.get(store.list()[0]!.id))!;
        const result = getProvider(c.provider)!.verify(
          { method: record.method, url: c.url, headers: record.headers, body: bodyBuffer(record.body) },
          { secret: c.secret, url: c.url },
        );
        expect(result, c.provider).toMatchObject({ valid: true });
      }
      const bad = await sign([
        '--provider',
        'stripe',
        '--secret',
        SECRET,
        '--body-file',
        bodyFile,
        '--curl',
        'not a url',
      ]);
      expect(bad.code).toBe(2);
    } finally {
      await listener.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
