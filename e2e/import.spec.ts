/*
 * HAR and cURL import from the list: a HAR file picked in the import view (and the same text
 * pasted) lists its requests; one is opened in the editor and sent to a local echo server.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { response as emptyOkResponse } from '../src/main/core/replay/test-support/har-corpus';
import { startEcho } from './support/echo';
import { expect, openApp, test } from './support/fixtures';

function harFor(base: string): string {
  const entry = (method: string, url: string, body?: string) => ({
    startedDateTime: '2026-01-02T10:00:00.000Z',
    time: 12,
    request: {
      method,
      url,
      httpVersion: 'HTTP/1.1',
      headers: [
        { name: ':authority', value: new URL(base).host },
        { name: 'Content-Type', value: 'application/json' },
        { name: 'X-From', value: 'har' },
      ],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: body ? body.length : 0,
      ...(body ? { postData: { mimeType: 'application/json', text: body } } : {}),
    },
    response: emptyOkResponse,
    cache: {},
    timings: { send: 1, wait: 10, receive: 1 },
  });
  return JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 'browser', version: '1' },
      entries: [entry('POST', `${base}/hooks/from-har?n=1`, '{"order":42}'), entry('GET', `${base}/health`)],
    },
  });
}

test('imports a HAR file from the list toolbar and sends one of its requests', async ({ page, hooklens }) => {
  const echo = await startEcho();
  try {
    await openApp(page, hooklens);
    // Reachable from the empty state as well as from the toolbar above the list.
    await expect(page.locator('.empty-state').getByRole('button', { name: 'Import HAR' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Captures' }).getByRole('button', { name: 'Import HAR' }).click();

    const view = page.getByRole('region', { name: 'Import requests' });
    await view
      .getByLabel('HAR file')
      .setInputFiles({ name: 'session.har', mimeType: 'application/json', buffer: Buffer.from(harFor(echo.url)) });

    const list = view.getByRole('list', { name: 'Imported requests' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list.getByRole('button').first()).toContainText(`POST${echo.url}/hooks/from-har?n=1`);
    const editor = view.getByRole('form', { name: 'Edit request' });
    await expect(editor.getByLabel('URL')).toHaveValue(`${echo.url}/hooks/from-har?n=1`);
    await expect(view.getByText('Dropped the HTTP/2 pseudo-header :authority.')).toBeVisible();
    await editor.getByRole('button', { name: 'Send' }).click();

    const response = view.getByRole('region', { name: 'Response' });
    await expect(response.getByLabel('Response status')).toHaveText(/^200 OK/);
    await expect(response.getByRole('textbox', { name: 'Response body' })).toContainText('"order": 42');
    expect(echo.received).toEqual([{ method: 'POST', url: '/hooks/from-har?n=1', body: '{"order":42}' }]);
    await expect(view.getByRole('list', { name: 'Replay history' }).getByRole('listitem')).toHaveCount(1);
    await page.screenshot({ path: test.info().outputPath('import-har.png') });

    // The second entry, opened from the list, goes out as a GET.
    await list.getByRole('button').nth(1).click();
    await expect(editor.getByLabel('Method')).toHaveValue('GET');
    await editor.getByRole('button', { name: 'Send' }).click();
    await expect(view.getByRole('list', { name: 'Replay history' }).getByRole('listitem')).toHaveCount(2);
    expect(echo.received.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /hooks/from-har?n=1', 'GET /health']);

    // Pasted HAR text goes the same way; a broken one is refused with where it broke.
    await view.getByLabel('Or paste the HAR text').fill('{"log": {"entries": [{"request": {"method": "POST"}}]}}');
    await view.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(view.getByRole('alert')).toHaveText('Could not import the HAR file: entry 1: request.url is missing.');
    await view.getByLabel('Or paste the HAR text').fill(harFor(echo.url));
    await view.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(view.getByRole('alert')).toHaveCount(0);
    await expect(list.getByRole('listitem')).toHaveCount(2);
  } finally {
    await echo.close();
  }
});

test('imports a cURL command from the list toolbar, not only from a capture', async ({ page, hooklens }) => {
  const echo = await startEcho();
  try {
    await openApp(page, hooklens);
    await page.locator('.empty-state').getByRole('button', { name: 'Import cURL' }).click();
    const view = page.getByRole('region', { name: 'Import requests' });
    await view
      .getByRole('textbox', { name: 'cURL command' })
      .fill(`curl -X PUT '${echo.url}/things/7' -H 'Content-Type: application/json' -d '{"name":"seven"}'`);
    await view.getByRole('button', { name: 'Import', exact: true }).click();
    const editor = view.getByRole('form', { name: 'Edit request' });
    await expect(editor.getByLabel('Method')).toHaveValue('PUT');
    await editor.getByRole('button', { name: 'Send' }).click();
    await expect(view.getByRole('region', { name: 'Response' }).getByLabel('Response status')).toHaveText(/^200 OK/);
    expect(echo.received).toEqual([{ method: 'PUT', url: '/things/7', body: '{"name":"seven"}' }]);
  } finally {
    await echo.close();
  }
});

test('asks before reading the files a pasted cURL command names, and reads nothing when told not to', async ({
  page,
  hooklens,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'hooklens-e2e-curl-'));
  try {
    const file = join(dir, 'event.json');
    await writeFile(file, '{"from":"disk"}');
    await openApp(page, hooklens);
    await page.locator('.empty-state').getByRole('button', { name: 'Import cURL' }).click();
    const view = page.getByRole('region', { name: 'Import requests' });
    await view
      .getByRole('textbox', { name: 'cURL command' })
      .fill(`curl http://127.0.0.1:9/hook -H 'Content-Type: application/json' --data-binary @${file}`);
    await view.getByRole('button', { name: 'Import', exact: true }).click();

    const ask = view.getByRole('alertdialog', { name: 'Read files from this computer?' });
    await expect(ask.getByRole('listitem')).toHaveText([file]);
    await expect(ask.getByRole('button', { name: 'Read the file and import' })).toBeFocused();
    await ask.getByRole('button', { name: 'Do not read' }).click();
    await expect(ask).toHaveCount(0);
    await expect(view.getByRole('form', { name: 'Edit request' })).toHaveCount(0);

    await view.getByRole('button', { name: 'Import', exact: true }).click();
    await ask.getByRole('button', { name: 'Read the file and import' }).click();
    const editor = view.getByRole('form', { name: 'Edit request' });
    await expect(editor.getByLabel('Method')).toHaveValue('POST');
    await expect(editor.getByText('{"from":"disk"}')).toBeVisible();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('shows what a HAR import rebuilt or skipped: cookies, a multipart file without content, a websocket entry', async ({
  page,
  hooklens,
}) => {
  await openApp(page, hooklens);
  await page.locator('.empty-state').getByRole('button', { name: 'Import HAR' }).click();
  const view = page.getByRole('region', { name: 'Import requests' });
  const har = JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      entries: [
        {
          _resourceType: 'fetch',
          request: {
            method: 'POST',
            url: 'http://localhost:3000/upload',
            headers: [{ name: 'Content-Type', value: 'multipart/form-data; boundary=----WebKitFormBoundaryX' }],
            cookies: [{ name: 'sid', value: 'abc' }],
            postData: {
              mimeType: 'multipart/form-data; boundary=----WebKitFormBoundaryX',
              params: [
                { name: 'title', value: 'Q3' },
                { name: 'avatar', fileName: 'me.png', contentType: 'image/png' },
              ],
            },
          },
        },
        { _resourceType: 'websocket', request: { method: 'GET', url: 'ws://localhost:3000/live', headers: [] } },
      ],
    },
  });
  await view.getByLabel('HAR file').setInputFiles({
    name: 'chrome.har',
    mimeType: 'application/json',
    buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(har)]),
  });
  await expect(view.getByRole('list', { name: 'Imported requests' }).getByRole('listitem')).toHaveCount(1);
  await expect(
    view.getByRole('note').filter({ hasText: 'Skipped entry 2: ws://localhost:3000/live is not an HTTP request.' }),
  ).toBeVisible();
  await expect(
    view.getByRole('note').filter({ hasText: 'the file part "avatar" (me.png) has no content in the HAR' }),
  ).toBeVisible();
  await expect(
    view.getByRole('note').filter({ hasText: 'The Cookie header was rebuilt from request.cookies (1).' }),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('import-har-warnings.png') });
});
