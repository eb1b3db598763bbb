import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { sendWebhook } from './support/app';
import { expect, openApp, openButton, test } from './support/fixtures';
import { docScreenshot } from './support/screenshots';

async function savedBytes(page: Page, click: () => Promise<void>): Promise<{ bytes: Buffer; name: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await (download as Download).path();
  return { bytes: await readFile(file), name: download.suggestedFilename() };
}

test('form bodies show a field table, and a long query keeps the header on one line', async ({ page, hooklens }) => {
  await openApp(page, hooklens);
  const longQuery = Array.from({ length: 120 }, (_, i) => `param_${i}=value%20${i}`).join('&');
  const res = await sendWebhook(hooklens.captureUrl, `/twilio/sms?${longQuery}`, {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'From=%2B15551234567&Body=Hello+world%21&Body=again&Empty=',
  });
  expect(res.status).toBe(200);
  await openButton(page, 'POST', '/twilio/sms').click();
  const detail = page.getByRole('region', { name: 'Capture detail' });

  await expect(detail.getByRole('radio', { name: 'Pretty' })).toBeChecked();
  const fields = detail.getByRole('table', { name: 'Form fields' });
  await expect(fields.getByRole('row')).toHaveCount(5);
  await expect(fields.getByRole('row').nth(1)).toHaveText(['From', '%2B15551234567', '+15551234567'].join(''));
  await expect(fields.getByRole('row', { name: 'Body Hello+world%21 Hello world!' })).toBeVisible();
  await expect(fields.getByRole('row', { name: 'Body again again' })).toBeVisible();

  // One line: the URL is cut with an ellipsis, whole on hover and in Overview.
  const fullUrl = new URL(`/twilio/sms?${longQuery}`, hooklens.captureUrl).toString();
  const urlBox = detail.getByLabel('Request URL', { exact: true });
  await expect(urlBox).toHaveAttribute('title', fullUrl);
  expect((await urlBox.boundingBox())!.height).toBeLessThan(40);
  await expect(urlBox).toHaveCSS('text-overflow', 'ellipsis');
  await expect(detail.getByRole('tab', { name: 'Overview' })).toBeInViewport();
  await docScreenshot(page, 'body-form-fields');
  await detail.getByRole('tab', { name: 'Overview' }).click();
  await expect(detail.getByRole('definition').first()).toHaveText(fullUrl);
  await detail.getByRole('tab', { name: 'Query' }).click();
  await expect(detail.getByRole('table', { name: 'Query parameters' }).getByRole('row')).toHaveCount(121);
});

test('multipart parts, raw without mojibake, exact saved bytes, and why Pretty is off', async ({ page, hooklens }) => {
  await openApp(page, hooklens);
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe]);
  const form = new FormData();
  form.append('event', 'file.uploaded');
  form.append('notes', new Blob(['first line\nsecond line'], { type: 'text/plain' }), 'notes.txt');
  form.append('image', new Blob([png], { type: 'image/png' }), 'logo.png');
  const encoded = new Response(form);
  const multipart = new Uint8Array(await encoded.arrayBuffer());
  expect(
    (
      await sendWebhook(hooklens.captureUrl, '/upload', {
        headers: { 'Content-Type': encoded.headers.get('content-type')! },
        body: multipart,
      })
    ).status,
  ).toBe(200);

  await openButton(page, 'POST', '/upload').click();
  const detail = page.getByRole('region', { name: 'Capture detail' });
  await expect(detail.getByRole('radio', { name: 'Pretty' })).toBeChecked();
  const parts = detail.getByRole('table', { name: 'Multipart parts' });
  await expect(parts.getByRole('row')).toHaveCount(4);
  await expect(parts.getByRole('row').nth(1)).toContainText('event');
  await expect(parts.getByRole('row').nth(1)).toContainText('file.uploaded');
  await expect(parts.getByRole('row').nth(2)).toContainText('notes.txt');
  await expect(parts.getByRole('row').nth(2)).toContainText('text/plain');
  await expect(parts.getByRole('row').nth(2)).toContainText('second line');
  await expect(parts.getByRole('row').nth(3)).toContainText('image/png');
  await expect(parts.getByRole('row').nth(3)).toContainText('14 B');
  await docScreenshot(page, 'body-multipart');

  const part = await savedBytes(page, () => parts.getByRole('button', { name: 'Save logo.png' }).click());
  expect(part.name).toBe('logo.png');
  expect([...part.bytes]).toEqual([...png]);
  const whole = await savedBytes(page, () => detail.getByRole('button', { name: 'Save body' }).click());
  expect(Buffer.compare(whole.bytes, Buffer.from(multipart))).toBe(0);

  await detail.getByText('Raw', { exact: true }).click();
  const raw = detail.getByTestId('code-viewer');
  await expect(raw).toContainText('name="event"');
  await expect(raw).toContainText('\\x89PNG');
  await expect(raw).not.toContainText('\ufffd');
  await expect(detail.getByText('3 bytes are not UTF-8 and shown as \\xNN.')).toBeVisible();

  // A plain-text body: Pretty is off and says why.
  expect(
    (await sendWebhook(hooklens.captureUrl, '/plain', { headers: { 'Content-Type': 'text/plain' }, body: 'just text' }))
      .status,
  ).toBe(200);
  await openButton(page, 'POST', '/plain').click();
  const pretty = detail.getByRole('radio', { name: 'Pretty' });
  await expect(pretty).toBeDisabled();
  await expect(pretty).toHaveAccessibleDescription(
    'No pretty view: it shows JSON, form and multipart bodies; this body is text/plain.',
  );
  await expect(
    detail.getByText('No pretty view: it shows JSON, form and multipart bodies; this body is text/plain.'),
  ).toBeVisible();
  await docScreenshot(page, 'body-pretty-off');
});
