import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { CHROMIUM, CHROMIUM_ARGS } from './e2e/support/chromium';
import { electronSkipReason } from './e2e/support/electron-availability';

// One output folder per run (workers inherit the variable), so runs started side by side do not
// delete each other's traces.
process.env.HOOKLENS_PW_RUN ??= String(process.pid);

// Reporters do not print skip reasons; say once, from the main process, why the desktop suite skips.
const electronSkip = electronSkipReason();
if (electronSkip && process.env.TEST_WORKER_INDEX === undefined)
  console.log(`Electron e2e suite skipped: ${electronSkip}`);

export default defineConfig({
  testDir: 'e2e',
  outputDir: `test-results/run-${process.env.HOOKLENS_PW_RUN}`,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'browser-mode',
      testIgnore: /electron\.spec\.ts/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          // Debian's Chromium: Playwright's own browser download is not possible here.
          ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
          args: CHROMIUM_ARGS,
        },
        permissions: ['clipboard-read', 'clipboard-write'],
        viewport: { width: 1360, height: 860 },
      },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
});
