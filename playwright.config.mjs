// Playwright configuration for the Hear Me end-to-end tests.
//
// Build the app first (`trunk build --release` -> dist/), then run
// `npm run test:e2e`. The tests drive the Debian chromium package; Playwright's
// own browser download is not used (install with PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
import { defineConfig } from '@playwright/test';

// Another port lets a second checkout run its tests alongside (HEAR_ME_E2E_PORT).
const PORT = Number(process.env.HEAR_ME_E2E_PORT ?? 4173);
const BASE_URL = `http://127.0.0.1:${PORT}`;
// The update tests switch what their server serves, so they have a server (and an origin)
// of their own, the next port up, and can run alongside the rest.
const UPDATE_URL = `http://127.0.0.1:${PORT + 1}`;
const INSTALLED = ['**/installed.spec.mjs'];
const ALONE = ['**/page-answers.spec.mjs'];

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.mjs',
  fullyParallel: false,
  // Two files at a time (the machine has two cores). page-answers measures the page's
  // longest task, so it runs on its own after the rest (project 'alone').
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  forbidOnly: !!process.env.CI,
  webServer: [
    {
      command: `node tests/e2e/serve.mjs dist ${PORT}`,
      url: BASE_URL,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // target/e2e-next: a second version of the build, made by the update test.
      command: `node tests/e2e/serve.mjs dist ${PORT + 1} target/e2e-next`,
      url: UPDATE_URL,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
    isMobile: false,
    locale: 'en-GB',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-gpu',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium-tablet',
      use: { browserName: 'chromium' },
      testIgnore: [...INSTALLED, ...ALONE],
    },
    {
      name: 'installed',
      use: { browserName: 'chromium', baseURL: UPDATE_URL },
      testMatch: INSTALLED,
    },
    {
      name: 'alone',
      use: { browserName: 'chromium' },
      testMatch: ALONE,
      dependencies: ['chromium-tablet', 'installed'],
    },
  ],
});
