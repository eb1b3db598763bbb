import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bodyBuffer } from '../core/body-buffer';
import { startCaptureListener } from '../core/capture/listener';
import { PROVIDERS, getProvider } from '../core/signatures';
import { openCaptureStore } from '../core/store';
import { runSign } from './signature-commands';
import { captureIo } from './test-support/captured-io';
import { BODY, SECRET, asHeaderArgs, sign, stripeSdk, useBodyFile, verify } from './test-support/signature-cli';

const files = useBodyFile();

describe('hooklens sign', () => {
  it('prints headers the official SDK accepts', async () => {
    const io = captureIo();
    const t = Math.floor(Date.now() / 1000);
    expect(
      await runSign(
        ['--provider', 'stripe', '--secret', SECRET, '--body-file', files.bodyFile, '--timestamp', String(t)],
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
      const common = ['--provider', p.id, '--secret', secret, '--body-file', files.bodyFile, '--url', url];
      const signed = await sign([...common, '--timestamp', '1760000000', '--id', 'msg_1']);
      if (signed.code !== 0) continue; // providers needing inputs the CLI cannot give (key pairs…) say so on stderr
      const r = await verify([...common, '--now', '1760000001', ...asHeaderArgs(signed.text)]);
      expect(r.json, p.id).toMatchObject({ provider: p.id, valid: true });
      roundTripped.push(p.id);
    }
    expect(roundTripped).toEqual(
      expect.arrayContaining(['stripe', 'github', 'shopify', 'slack', 'standard-webhooks', 'twilio', 'square']),
    );
  });

  it('exits 2 for an unknown provider or a missing URL', async () => {
    const io = captureIo();
    expect(await runSign(['--provider', 'nope', '--secret', 's', '--body-file', files.bodyFile], io)).toBe(2);
    expect(await runSign(['--provider', 'twilio', '--secret', 's', '--body-file', files.bodyFile], io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/URL/);
  });
});

describe('sign, then verify with the headers it printed', () => {
  it('a GitHub signature is detected as GitHub, not Intercom', async () => {
    const signed = await sign(['--provider', 'github', '--secret', 'gh-secret', '--body-file', files.bodyFile]);
    expect(Object.keys(JSON.parse(signed.text))).toEqual(['X-Hub-Signature-256', 'X-Hub-Signature']);
    const r = await verify(['--secret', 'gh-secret', '--body-file', files.bodyFile, ...asHeaderArgs(signed.text)]);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ provider: 'github', valid: true, reason: 'X-Hub-Signature-256 matches' });
    expect((r.json!.detected as string[])[0]).toBe('github');
  });
});

describe('sign --curl', () => {
  const exec = promisify(execFile);
  const signCurl = (provider: string, secret: string, file: string, url: string, ...extra: string[]) =>
    sign(['--provider', provider, '--secret', secret, '--body-file', file, '--curl', url, ...extra]);

  it('prints a curl command that delivers a request the provider verifies', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hooklens-curl-'));
    const store = await openCaptureStore({ dataDir });
    const listener = await startCaptureListener({ store, port: 0, host: '127.0.0.1', tunnelPort: null });
    try {
      // A path with a quote and a space, so the shell quoting is exercised.
      const odd = join(files.dir, "it's a body.json");
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
          file: join(files.dir, 'form.txt'),
          url: `http://127.0.0.1:${listener.port}/sms?x=1`,
          extra: ['--header', 'Content-Type: application/x-www-form-urlencoded'],
        },
      ];
      await writeFile(cases[1]!.file, 'Body=hi&From=%2B100');
      for (const c of cases) {
        const r = await signCurl(c.provider, c.secret, c.file, c.url, ...c.extra);
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
      const bad = await signCurl('stripe', SECRET, files.bodyFile, 'not a url');
      expect(bad.code).toBe(2);
    } finally {
      await listener.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
