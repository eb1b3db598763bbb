/*
 * Screenshots of what a spec built. A normal run writes them under test-results/ (to look at, never
 * tracked); the tracked pictures in docs/screenshots/ are rewritten only when asked:
 * `HOOKLENS_SCREENSHOTS=1 npx playwright test`.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '../..');

export function screenshotPath(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.HOOKLENS_SCREENSHOTS === '1'
    ? path.join(ROOT, 'docs', 'screenshots', `${name}.png`)
    : path.join(ROOT, 'test-results', 'screenshots', `${name}.png`);
}

export async function docScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(name) });
}
