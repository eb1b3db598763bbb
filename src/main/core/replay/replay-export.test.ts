/*
 * Export and import end to end: cURL commands run by the real curl, HAR validated by har-validator
 * and imported back, cURL imports sent without a capture.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as harValidator from 'har-validator';
import { describe, expect, it } from 'vitest';
import type { HooklensError } from '../../../shared/errors';
import { useReplayFixture } from './test-support/replay-fixture';

const fx = useReplayFixture();

describe('export and import', () => {
  it.skipIf(!existsSync('/usr/bin/curl'))(
    'copies a binary capture as a cURL command that the real curl delivers byte for byte',
    async () => {
      const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0x27, 0x5c, 0x25]);
      const record = await fx.capture(
        bytes,
        { 'Content-Type': 'application/octet-stream', 'X-Sig': 'abc' },
        '/bin?x=1',
      );
      expect(record.body.encoding).toBe('base64');
      const command = await fx.service.handlers.exportCurl({ captureId: record.id });
      await promisify(execFile)('/bin/bash', ['-c', `${command} -s -o /dev/null`], { timeout: 10_000 });
      expect(fx.echo.received[0].body.equals(bytes)).toBe(true);
      expect(fx.echo.received[0].url).toBe('/bin?x=1');
      expect(fx.echo.received[0].headers).toContainEqual(['X-Sig', 'abc']);
    },
  );

  it('exports captures and replays as valid HAR 1.2 that imports back', async () => {
    const a = await fx.capture('{"a":1}', { 'Content-Type': 'application/json', Cookie: 'sid=1; theme=dark' });
    const b = await fx.capture(Buffer.from([0, 1, 2, 255]), { 'Content-Type': 'application/octet-stream' }, '/b');
    await fx.service.handlers.replayCapture(a.id);

    const all = JSON.parse(await fx.service.handlers.exportHar({ includeReplays: true }));
    await expect(harValidator.har(all)).resolves.toBeTruthy();
    expect(all.log.version).toBe('1.2');
    expect(all.log.entries).toHaveLength(3);
    const binary = all.log.entries.find((e: { _hooklens: { captureId: string } }) => e._hooklens.captureId === b.id);
    expect(binary.request.postData).toEqual({
      mimeType: 'application/octet-stream',
      text: Buffer.from([0, 1, 2, 255]).toString('base64'),
      _encoding: 'base64',
    });
    const replay = all.log.entries.find((e: { _hooklens: { kind: string } }) => e._hooklens.kind === 'replay');
    expect(replay.response.status).toBe(200);
    expect(replay.request.cookies).toEqual([
      { name: 'sid', value: '1' },
      { name: 'theme', value: 'dark' },
    ]);

    const one = JSON.parse(await fx.service.handlers.exportHar({ captureIds: [b.id] }));
    await expect(harValidator.har(one)).resolves.toBeTruthy();
    expect(one.log.entries).toHaveLength(1);

    const { requests: imported, warnings } = await fx.service.handlers.importHar(JSON.stringify(all));
    expect(imported).toHaveLength(3);
    expect(warnings).toEqual([]);
    const back = imported.find((i) => i.request.url.endsWith('/b'));
    expect(back?.request.body).toEqual({ encoding: 'base64', text: b.body.text });
    const missing = await fx.service.handlers.exportHar({ captureIds: ['nope'] }).catch((e: unknown) => e);
    expect((missing as HooklensError).code).toBe('not_found');
  });

  it.each([
    ['not json', /not JSON/],
    ['{}', /no "log" object/],
    ['{"log":{"entries":{}}}', /log.entries is missing or not a list/],
    ['{"log":{"entries":[]}}', /no entries/],
    ['{"log":{"entries":[{"request":{"method":"GET","headers":[]}}]}}', /entry 1: request.url is missing/],
    [
      '{"log":{"entries":[{"request":{"method":"GET","url":"file:///etc/passwd","headers":[]}}]}}',
      /entry 1: Only http: and https:/,
    ],
    [
      '{"log":{"entries":[{"request":{"method":"GET","url":"http://h/","headers":[{"name":1}]}}]}}',
      /entry 1: header 1 is not/,
    ],
  ])('refuses malformed HAR %j', async (text, reason) => {
    const err = await fx.service.handlers.importHar(text).catch((e: unknown) => e);
    expect((err as HooklensError).code).toBe('import_failed');
    expect((err as HooklensError).message).toMatch(reason);
  });

  it('reads no file a pasted cURL command names until asked to, and lists them first', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hooklens-curl-consent-'));
    try {
      const body = join(dir, 'body.json');
      const headers = join(dir, 'headers.txt');
      await writeFile(body, '{"secret":"from disk"}');
      await writeFile(headers, 'X-From-File: yes\n');
      const command = `curl '${fx.echo.url}/f' -H @${headers} --data-binary @${body} -d @${body}`;

      expect(await fx.service.handlers.curlFiles(command)).toEqual([headers, body]);
      expect(await fx.service.handlers.curlFiles(`curl ${fx.echo.url} -d 'a=1'`)).toEqual([]);

      const refused = await fx.service.handlers.importCurl(command).catch((e: unknown) => e);
      expect((refused as HooklensError).code).toBe('import_failed');
      expect((refused as HooklensError).message).toContain(`reads the file ${headers} from this computer`);
      // What is imported is what the files hold once the user allows it.
      await rm(body);
      await writeFile(body, '{"secret":"rewritten after the refusal"}');

      const { request, warnings } = await fx.service.handlers.importCurl(command, { readFiles: true });
      expect(request.headers).toContainEqual(['X-From-File', 'yes']);
      expect(request.body.text).toBe(
        '{"secret":"rewritten after the refusal"}&{"secret":"rewritten after the refusal"}',
      );
      expect(warnings).toContain(`Read 40 bytes from ${body} (--data-binary).`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('imports a cURL command and sends it without a capture', async () => {
    const { request } = await fx.service.handlers.importCurl(
      `curl -X PATCH '${fx.echo.url}/imp' -H 'X-From: curl' --data-raw '{"x":1}'`,
    );
    const entry = await fx.service.handlers.sendReplay({ captureId: null, request });
    expect(fx.echo.received[0]).toMatchObject({ method: 'PATCH', url: '/imp' });
    expect(fx.echo.received[0].body.toString()).toBe('{"x":1}');
    expect((await fx.service.handlers.listReplays(null)).map((s) => s.id)).toEqual([entry.id]);
    expect(entry.source).toBe('import');
  });
});
