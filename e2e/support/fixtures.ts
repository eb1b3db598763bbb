import { test as base, expect, type Page } from '@playwright/test';
import { launchHooklens, type RunningHooklens } from './app';

export const test = base.extend<{ hooklens: RunningHooklens }>({
  // eslint-disable-next-line no-empty-pattern
  hooklens: async ({}, use) => {
    const app = await launchHooklens();
    await use(app);
    await app.stop({ removeData: true });
  },
});

export { expect };

/** Opens the UI with its token and waits until the first state has loaded. */
export async function openApp(page: Page, app: RunningHooklens): Promise<void> {
  await page.goto(app.uiUrl);
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
}

/** The list row's open button for a capture, by method and path. */
export function captureRow(page: Page, method: string, path: string) {
  return page.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: `Select ${method} ${path}` }) });
}

/** The button that opens a capture from its list row (the row also has a pin toggle). */
export function openButton(page: Page, method: string, path: string) {
  return captureRow(page, method, path).getByRole('button', { name: `${method} ${path},` });
}
