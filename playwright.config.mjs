// Playwright configuration for the Hear Me end-to-end tests.
//
// Build the app first (`trunk build --release` -> dist/), then run
// `npm run test:e2e`. The tests drive the Debian chromium package; Playwright's
// own browser download is not used (install with PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
import { defineConfig } from '@playwright/test';

// Another port lets a second checkout run its tests alongside (HEAR_ME_E2E_PORT).
const PORT = Number(process.env.HEAR_ME_E2E_PORT ?? 4173);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const ALONE = ['**/installed.spec.mjs', '**/page-answers.spec.mjs'];

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.mjs',
  fullyParallel: false,
  // Two files at a time (the machine has two cores). Files that cannot share the machine
  // run on their own after the rest (project 'alone'): the update tests switch what the
  // server serves, and page-answers measures the page's longest task.
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  forbidOnly: !!process.env.CI,
  webServer: {
    // target/e2e-next: a second version of the build, made by the update test.
    command: `node tests/e2e/serve.mjs dist ${PORT} target/e2e-next`,
    url: BASE_URL,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
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
      testIgnore: ALONE,
    },
    {
      name: 'alone',
      use: { browserName: 'chromium' },
      testMatch: ALONE,
      dependencies: ['chromium-tablet'],
    },
  ],
});
