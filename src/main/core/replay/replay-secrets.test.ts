/*
 * Secrets stay in the secret store. GitLab sends its secret token itself, so a re-signed GitLab
 * replay carries the secret on the wire: the history keeps a reference to the secret store in its
 * place (filled in again at send time), and exports show the reference unless the user asks for
 * the secrets explicitly.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HISTORY_FILE } from './replay-history';
import { useReplayFixture } from './test-support/replay-fixture';

const fx = useReplayFixture();
const TOKEN = 'glpat-Secret-Token-8c1f2e';

async function gitlabCapture() {
  await fx.service.close();
  fx.service = await fx.makeService({ secrets: { gitlab: TOKEN } });
  // GitLab sends the configured token with every delivery.
  return fx.capture(
    '{"object_kind":"push"}',
    { 'Content-Type': 'application/json', 'X-Gitlab-Event': 'Push Hook', 'X-Gitlab-Token': TOKEN },
    '/gitlab',
  );
}

const tokenOf = (headers: [string, string][]): string | undefined =>
  headers.find(([n]) => n.toLowerCase() === 'x-gitlab-token')?.[1];

describe('secrets in replays and exports', () => {
  it('sends a re-signed GitLab request with the token but stores a reference to the secret store instead', async () => {
    const record = await gitlabCapture();
    const draft = await fx.service.handlers.getReplayDraft(record.id);
    const entry = await fx.service.handlers.sendReplay({
      captureId: record.id,
      resign: true,
      request: {
        method: 'POST',
        url: draft.url,
        headers: draft.headers.map((h) => [h.name, h.value]),
        body: { encoding: 'utf8', text: '{"edited":true}' },
      },
    });
    expect(tokenOf(fx.echo.received[0].headers)).toBe(TOKEN);
    expect(JSON.stringify(entry)).not.toContain(TOKEN);
    expect(tokenOf(entry.request.headers)).toBe('{{hooklens-secret:default:gitlab}}');
    expect(await readFile(path.join(fx.dataDir, HISTORY_FILE), 'utf8')).not.toContain(TOKEN);
    expect(JSON.stringify(await fx.service.handlers.getReplay(entry.id))).not.toContain(TOKEN);

    // Sent again from the history as it is: the reference is filled in at send time.
    const again = await fx.service.handlers.sendReplay({
      captureId: record.id,
      source: 'edit',
      request: entry.request,
    });
    expect(tokenOf(fx.echo.received[1].headers)).toBe(TOKEN);
    expect(JSON.stringify(again)).not.toContain(TOKEN);
  });

  it('keeps the token out of the history of a plain replay of a GitLab capture', async () => {
    const record = await gitlabCapture();
    const entry = await fx.service.handlers.replayCapture(record.id);
    expect(tokenOf(fx.echo.received[0].headers)).toBe(TOKEN);
    expect(JSON.stringify(entry)).not.toContain(TOKEN);
    expect(await readFile(path.join(fx.dataDir, HISTORY_FILE), 'utf8')).not.toContain(TOKEN);
  });

  it('masks the token in HAR and cURL exports unless secrets are asked for explicitly', async () => {
    const record = await gitlabCapture();
    const entry = await fx.service.handlers.sendReplay({
      captureId: record.id,
      resign: true,
      request: {
        method: 'POST',
        url: `${fx.echo.url}/gitlab`,
        headers: [['Content-Type', 'application/json']],
        body: { encoding: 'utf8', text: '{}' },
      },
    });
    const har = await fx.service.handlers.exportHar({ captureIds: [record.id], includeReplays: true });
    expect(har).not.toContain(TOKEN);
    expect(har).toContain('{{hooklens-secret:default:gitlab}}');
    expect(await fx.service.handlers.exportCurl({ replayId: entry.id })).not.toContain(TOKEN);
    expect(await fx.service.handlers.exportCurl({ captureId: record.id })).not.toContain(TOKEN);

    const harWith = JSON.parse(
      await fx.service.handlers.exportHar({ captureIds: [record.id], includeReplays: true, includeSecrets: true }),
    );
    const tokens = harWith.log.entries.map(
      (e: { request: { headers: { name: string; value: string }[] } }) =>
        e.request.headers.find((h) => h.name.toLowerCase() === 'x-gitlab-token')?.value,
    );
    expect(tokens).toEqual([TOKEN, TOKEN]);
    expect(await fx.service.handlers.exportCurl({ replayId: entry.id, includeSecrets: true })).toContain(TOKEN);
    expect(await fx.service.handlers.exportCurl({ captureId: record.id, includeSecrets: true })).toContain(TOKEN);
  });

  it('never fills in a reference that came with untrusted input: a captured header, another header, another provider', async () => {
    await fx.service.close();
    fx.service = await fx.makeService({ secrets: { gitlab: TOKEN } });
    const ref = '{{hooklens-secret:default:gitlab}}';
    // A sender that knows the reference syntax tries to have the secret sent on to the replay target.
    const record = await fx.capture(
      '{}',
      { 'Content-Type': 'application/json', 'X-Gitlab-Event': 'Push Hook', 'X-Gitlab-Token': ref, 'X-Leak': ref },
      '/gitlab',
    );
    await fx.service.handlers.replayCapture(record.id);
    expect(JSON.stringify(fx.echo.received[0].headers)).not.toContain(TOKEN);
    // From the editor, only the provider's own header of this capture's endpoint is filled in.
    await fx.service.handlers.sendReplay({
      captureId: record.id,
      source: 'edit',
      request: {
        method: 'POST',
        url: `${fx.echo.url}/gitlab`,
        headers: [
          ['X-Gitlab-Token', ref],
          ['X-Leak', ref],
          ['X-Other', '{{hooklens-secret:default:stripe}}'],
        ],
        body: { encoding: 'utf8', text: '{}' },
      },
    });
    const sent = fx.echo.received[1].headers;
    expect(tokenOf(sent)).toBe(TOKEN);
    expect(sent).toContainEqual(['X-Leak', ref]);
    expect(sent).toContainEqual(['X-Other', '{{hooklens-secret:default:stripe}}']);
  });
});
