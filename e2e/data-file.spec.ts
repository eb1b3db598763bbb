import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchHooklens, sendWebhook } from './support/app';
import { captureRow, expect, openApp, test } from './support/fixtures';

test('a foreign data file is set aside, the user is told where, and capture goes on', async ({ page }) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hooklens-e2e-corrupt-'));
  await writeFile(path.join(dataDir, 'captures.json'), '["not", "our", "format"');
  const app = await launchHooklens({ dataDir });
  try {
    await openApp(page, app);
    const banner = page.getByRole('alert').filter({ hasText: 'captures.json' });
    await expect(banner).toBeVisible();
    const movedAside = (await readdir(dataDir)).filter((f) => f.startsWith('captures.json.') && f !== 'captures.json');
    expect(movedAside.length).toBeGreaterThan(0);
    await expect(banner).toContainText(movedAside[0]);

    const res = await sendWebhook(app.captureUrl, '/after-recovery', {
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    await expect(captureRow(page, 'POST', '/after-recovery')).toBeVisible();

    await banner.getByRole('button', { name: 'Dismiss notice' }).click();
    await expect(banner).toHaveCount(0);
  } finally {
    await app.stop({ removeData: true });
  }
});
