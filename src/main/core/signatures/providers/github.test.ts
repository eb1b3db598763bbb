import { sign as octokitSign, verify as octokitVerify } from '@octokit/webhooks-methods';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SignedRequest } from '../types';
import { github } from './github';

const secret = 'hooklens-github-secret';
const body = '{"action":"opened","number":7,"pull_request":{"title":"Fix ü handling"}}';

function request(headers: [string, string][], payload = body): SignedRequest {
  return { method: 'POST', headers: [['X-GitHub-Event', 'pull_request'], ...headers], body: Buffer.from(payload) };
}

describe('github provider', () => {
  it('accepts an X-Hub-Signature-256 made by @octokit/webhooks-methods', async () => {
    const sig = await octokitSign(secret, body);
    const r = github.verify(request([['X-Hub-Signature-256', sig]]), { secret });
    expect(r).toMatchObject({ provider: 'github', valid: true });
    expect(`sha256=${r.expected}`).toBe(sig);
  });

  it('signs headers octokit accepts', async () => {
    const headers = github.sign!({ secret, body: Buffer.from(body) });
    const sig256 = headers.find(([n]) => n === 'X-Hub-Signature-256')![1];
    expect(await octokitVerify(secret, body, sig256)).toBe(true);
    expect(await octokitVerify('other', body, sig256)).toBe(false);
  });

  // GitHub's docs ("Validating webhook deliveries") give this vector: secret "It's a Secret to
  // Everybody", payload "Hello, World!", signature sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17.
  it('accepts the documented GitHub test vector', () => {
    const r = github.verify(
      {
        method: 'POST',
        headers: [['X-Hub-Signature-256', 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17']],
        body: Buffer.from('Hello, World!'),
      },
      { secret: "It's a Secret to Everybody" },
    );
    expect(r.valid).toBe(true);
  });

  it('checks the legacy sha1 header when it is the only one', () => {
    const sha1 = `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`;
    expect(github.verify(request([['X-Hub-Signature', sha1]]), { secret })).toMatchObject({ valid: true });
    expect(github.verify(request([['X-Hub-Signature', sha1]]), { secret: 'nope' })).toMatchObject({
      valid: false,
      failure: 'signature_mismatch',
    });
    const signed = github.sign!({ secret, body: Buffer.from(body) });
    expect(signed.find(([n]) => n === 'X-Hub-Signature')![1]).toBe(sha1);
  });

  it('rejects a tampered body and the wrong secret', async () => {
    const sig = await octokitSign(secret, body);
    const tampered = body.replace('7', '8');
    expect(await octokitVerify(secret, tampered, sig)).toBe(false);
    expect(github.verify(request([['X-Hub-Signature-256', sig]], tampered), { secret })).toMatchObject({
      valid: false,
      failure: 'signature_mismatch',
    });
    const r = github.verify(request([['X-Hub-Signature-256', sig]]), { secret: 'wrong-secret' });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(r.received).toBe(sig.slice('sha256='.length));
  });

  it('names stray whitespace in the pasted secret', async () => {
    const sig = await octokitSign(secret, body);
    const r = github.verify(request([['X-Hub-Signature-256', sig]]), { secret: ` ${secret}\n` });
    expect(r).toMatchObject({ failure: 'secret_format' });
    expect(r.reason).toContain('whitespace');
  });

  it('detects a body re-encoded with escaped non-ASCII', async () => {
    const sig = await octokitSign(secret, body);
    const escaped = body.replace('ü', '\\u00fc');
    const r = github.verify(request([['X-Hub-Signature-256', sig]], escaped), { secret });
    expect(r).toMatchObject({ failure: 'body_reserialized' });
  });

  it('reports missing and malformed headers', () => {
    expect(github.verify(request([]), { secret })).toMatchObject({ valid: false, failure: 'missing_header' });
    expect(github.verify(request([['X-Hub-Signature-256', 'abc']]), { secret })).toMatchObject({
      failure: 'malformed_header',
    });
    expect(github.detect(request([]))).toBe(false);
    expect(github.detect(request([['x-hub-signature-256', 'sha256=00']]))).toBe(true);
  });
});
