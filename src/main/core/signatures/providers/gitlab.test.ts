import { describe, expect, it } from 'vitest';
import type { SignedRequest } from '../types';
import { gitlab } from './gitlab';

// GitLab has no verifier package: per
// https://docs.gitlab.com/ee/user/project/integrations/webhooks.html#validate-payloads-by-using-a-secret-token
// the webhook's secret token is sent verbatim in X-Gitlab-Token.
const TOKEN = 'glwt-8f3c2a91d7e4b6a0';
const BODY = JSON.stringify({
  object_kind: 'push',
  ref: 'refs/heads/main',
  checkout_sha: 'da1560886d4f094c3e6c9ef40349f7d38b5d27d7',
});
const request = (headers: [string, string][]): SignedRequest => ({ method: 'POST', headers, body: Buffer.from(BODY) });
const gitlabHeaders = (token: string): [string, string][] => [
  ['X-Gitlab-Event', 'Push Hook'],
  ['X-Gitlab-Token', token],
];

describe('gitlab', () => {
  it('accepts the exact token and says the body is not covered', () => {
    const r = gitlab.verify(request(gitlabHeaders(TOKEN)), { secret: TOKEN });
    expect(r).toMatchObject({ provider: 'gitlab', valid: true, reason: 'X-Gitlab-Token equals the secret token' });
    expect(r.hints?.[0]).toMatch(/signs nothing/);
  });

  it('signs by setting the header to the token', () => {
    const headers = gitlab.sign!({ secret: TOKEN, body: Buffer.from(BODY) });
    expect(headers).toEqual([['X-Gitlab-Token', TOKEN]]);
    expect(gitlab.verify(request(headers), { secret: TOKEN }).valid).toBe(true);
  });

  it('still passes with a changed body, because GitLab signs nothing', () => {
    const r = gitlab.verify({ ...request(gitlabHeaders(TOKEN)), body: Buffer.from('{}') }, { secret: TOKEN });
    expect(r.valid).toBe(true);
  });

  it('reports a wrong token with lengths and the first difference, never the secret', () => {
    const r = gitlab.verify(request(gitlabHeaders('glwt-8f3c2b')), { secret: TOKEN });
    expect(r).toMatchObject({ valid: false, failure: 'signature_mismatch' });
    expect(r.reason).toBe(
      'X-Gitlab-Token does not equal the secret token: received 11 characters, the secret has 21, first difference at character 11',
    );
    expect(JSON.stringify(r)).not.toContain(TOKEN);
  });

  it('names stray whitespace in the secret', () => {
    const r = gitlab.verify(request(gitlabHeaders(TOKEN)), { secret: ` ${TOKEN}\n` });
    expect(r).toMatchObject({ valid: false, failure: 'secret_format' });
    expect(r.reason).toMatch(/whitespace around the secret you entered/);
  });

  it('reports the missing header and points at signing tokens when present', () => {
    const r = gitlab.verify(
      request([
        ['X-Gitlab-Event', 'Push Hook'],
        ['webhook-signature', 'v1,abc'],
      ]),
      { secret: TOKEN },
    );
    expect(r).toMatchObject({ valid: false, failure: 'missing_header' });
    expect(r.reason).toMatch(/only when the webhook has a Secret token set/);
    expect(r.hints?.[0]).toMatch(/standard-webhooks/);
  });

  it('reports an empty header as malformed', () => {
    expect(gitlab.verify(request(gitlabHeaders('')), { secret: TOKEN })).toMatchObject({
      valid: false,
      failure: 'malformed_header',
    });
  });

  it('detects on either GitLab header', () => {
    expect(gitlab.detect(request([['X-Gitlab-Event', 'Push Hook']]))).toBe(true);
    expect(gitlab.detect(request([['X-Gitlab-Token', 'x']]))).toBe(true);
    expect(gitlab.detect(request([['X-GitHub-Event', 'push']]))).toBe(false);
    expect(
      gitlab.detect(
        request([
          ['X-Gitlab-Event', 'Push Hook'],
          ['webhook-signature', 'v1,abc'],
        ]),
      ),
    ).toBe(false);
  });
});
