// End-to-end: Hear Me installed on the tablet (issue 13). The service worker keeps the app
// opening with no network; a new version waits until the worker applies it, never in the
// middle of a child's turn; the manifest and its icons are served as stated; on an iPad in a
// Safari tab the worker hears, once, how to keep Hear Me on the Home Screen.
import fs from 'node:fs';
import path from 'node:path';
import { PIN, drawWithTouch, storedSessionEntries } from './helpers.mjs';
import {
  test,
  expect,
  button,
  heading,
  startSession,
  addWords,
  openApp,
  unlock,
  lockedHeading,
  appBar,
} from './flows.mjs';

/** Waits until the service worker controls the page and has cached this build. */
async function installed(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

test('with no network a reload opens the lock screen, and after unlocking everything is there and saved', async ({ page, context }) => {
  await openApp(page);
  await startSession(page, { name: 'Ida', age: 8 });
  await button(page, 'Three Houses').click();
  await page.getByRole('button', { name: /^House of Good Things/ }).click();
  await addWords(page, 'Our cat Pepper');
  await installed(page);
  // The Web Worker that makes the key comes from the cache too: no key is made on the page.
  const keysOnThePage = [];
  page.on('console', (message) => {
    if (/no Web Worker here/.test(message.text())) keysOnThePage.push(message.text());
  });

  await context.setOffline(true);
  await page.reload();
  await expect(lockedHeading(page)).toBeVisible();
  await unlock(page);
  await expect(appBar(page)).toBeVisible();
  expect(keysOnThePage).toEqual([]);
  await expect(page.getByText('Our cat Pepper', { exact: true })).toBeVisible();
  // Still offline: a new stroke and new words are saved as ever.
  await button(page, 'Draw').click();
  const canvas = page.locator('canvas[aria-label="Drawing area"]');
  await drawWithTouch(page, canvas, [[0.2, 0.4], [0.7, 0.6]]);
  await expect
    .poll(async () => {
      const [entry] = await storedSessionEntries(page);
      return entry.record.session.questions.good_things.entries.filter((e) => e.strokes?.length === 1).length;
    })
    .toBe(1);
  await button(page, 'Done').click();
  await addWords(page, 'and the garden');
  await expect.poll(async () => JSON.stringify(await storedSessionEntries(page))).toContain('and the garden');
  await context.setOffline(false);
});

/**
 * A second version of this build: the same files, a page that says it is the next one.
 * `broken`: one of its files cannot be downloaded.
 */
function makeNextVersion({ broken = false } = {}) {
  const next = 'target/e2e-next';
  fs.rmSync(next, { recursive: true, force: true });
  fs.cpSync('dist', next, { recursive: true });
  if (broken) fs.rmSync(path.join(next, fs.readdirSync(next).find((file) => file.endsWith('.css'))));
  const index = path.join(next, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('<head>', '<head><meta name="hear-me-test-version" content="next">'));
  const worker = path.join(next, 'sw.js');
  fs.writeFileSync(worker, fs.readFileSync(worker, 'utf8').replace(/const VERSION = "([0-9a-f]+)";/, 'const VERSION = "$1-next";'));
}

test('a new version waits while the child has the tablet, and takes over when the worker applies it', async ({ page, request }) => {
  makeNextVersion();
  await openApp(page);
  await startSession(page, { name: 'Noor', age: 6 });
  await button(page, 'Three Houses').click();
  await page.getByRole('button', { name: /^House of Dreams/ }).click();
  await addWords(page, 'A blue bicycle');
  await installed(page);
  await button(page, 'Back to the houses').click();
  await button(page, 'Give to the child').click();
  await expect(page.getByRole('group', { name: 'Stop, break or pass' })).toBeVisible();

  try {
    await request.get('/__serve-next');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await expect.poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration()).waiting))).toBe(true);
    // In child mode nothing changes, and nothing says so.
    const ready = page.getByRole('status').filter({ hasText: 'A new version of Hear Me is ready.' });
    await page.waitForTimeout(500);
    await expect(ready).toHaveCount(0);
    expect(await page.locator('meta[name="hear-me-test-version"]').count()).toBe(0);

    // The worker takes the tablet back: now the worker is told, and applies it.
    await page.goBack();
    const pin = page.getByRole('dialog', { name: 'Worker PIN, please' });
    await expect(ready).toHaveCount(0);
    await pin.getByLabel('Worker PIN').fill(PIN);
    await pin.getByRole('button', { name: 'Continue' }).click();
    await expect(ready).toBeVisible();
    await ready.getByRole('button', { name: 'Use the new version' }).click();
    await expect(lockedHeading(page)).toBeVisible();
    await expect(page.locator('meta[name="hear-me-test-version"]')).toHaveCount(1);
    await unlock(page);
    await expect(heading(page, 'Session with Noor')).toBeVisible();
    await button(page, 'Three Houses').click();
    await page.getByRole('button', { name: /^House of Dreams/ }).click();
    await expect(page.getByText('A blue bicycle', { exact: true })).toBeVisible();
  } finally {
    await request.get('/__serve-first');
  }
});

test('a waiting new version is applied at the next lock, and the sessions open in it', async ({ page, request }) => {
  makeNextVersion();
  await openApp(page);
  await startSession(page, { name: 'Sami', age: 9 });
  await installed(page);
  try {
    await request.get('/__serve-next');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await expect(page.getByRole('status').filter({ hasText: 'A new version of Hear Me is ready.' })).toBeVisible();
    await button(page, 'Lock').click();
    await expect(page.locator('meta[name="hear-me-test-version"]')).toHaveCount(1);
    await unlock(page);
    await expect(heading(page, 'Session with Sami')).toBeVisible();
  } finally {
    await request.get('/__serve-first');
  }
});

test('a new version is offered only on the worker\'s unlocked screens: not on the lock screen, not on the other-tab screen', async ({ page, context, request }) => {
  makeNextVersion();
  await openApp(page);
  await startSession(page, { name: 'Elif', age: 7 });
  await installed(page);
  // A second tab, where Hear Me is open in the first.
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByRole('heading', { name: 'Hear Me is open in another tab' })).toBeVisible();
  await button(page, 'Lock').click();
  await expect(lockedHeading(page)).toBeVisible();
  const ready = (tab) => tab.getByRole('status').filter({ hasText: 'A new version of Hear Me is ready.' });
  try {
    await request.get('/__serve-next');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await expect.poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration()).waiting))).toBe(true);
    await page.waitForTimeout(500);
    // Whoever holds a locked tablet, or another tab, is not asked to apply it.
    await expect(ready(page)).toHaveCount(0);
    await expect(ready(second)).toHaveCount(0);
    await second.reload();
    await expect(second.getByRole('heading', { name: 'Hear Me is open in another tab' })).toBeVisible();
    await second.waitForTimeout(500);
    await expect(ready(second)).toHaveCount(0);
    expect(await page.locator('meta[name="hear-me-test-version"]').count()).toBe(0);
    // The worker unlocks: now it is offered.
    await unlock(page);
    await expect(ready(page)).toBeVisible();
  } finally {
    await request.get('/__serve-first');
  }
});

test('a new version that cannot be downloaded completely is not installed; the old one still opens offline', async ({ page, context, request }) => {
  makeNextVersion({ broken: true });
  await openApp(page);
  await startSession(page, { name: 'Tove', age: 10 });
  await installed(page);
  try {
    await request.get('/__serve-next');
    const installing = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration.update();
      const worker = registration.installing;
      if (!worker) return 'nothing installing';
      await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'redundant' && resolve()));
      return worker.state;
    });
    expect(installing).toBe('redundant');
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration()).waiting))).toBe(false);
    await expect(page.getByRole('status').filter({ hasText: 'A new version of Hear Me is ready.' })).toHaveCount(0);
  } finally {
    await request.get('/__serve-first');
  }
  await context.setOffline(true);
  await page.reload();
  await unlock(page);
  await expect(heading(page, 'Session with Tove')).toBeVisible();
  expect(await page.locator('meta[name="hear-me-test-version"]').count()).toBe(0);
  await context.setOffline(false);
});

/** Width and height of a PNG, from its header. */
function pngSize(bytes) {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('the manifest is served and names icons that load at their stated sizes', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const response = await request.get(href);
  expect(response.ok()).toBe(true);
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: 'Hear Me', short_name: 'Hear Me', start_url: './', scope: './', display: 'standalone' });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
  const base = new URL(href, page.url());
  const sizes = [];
  for (const icon of manifest.icons) {
    const file = await request.get(new URL(icon.src, base).href);
    expect(file.ok(), icon.src).toBe(true);
    if (icon.type === 'image/png') {
      expect(pngSize(await file.body()), icon.src).toBe(icon.sizes);
      sizes.push(`${icon.sizes} ${icon.purpose}`);
    }
  }
  expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  expect(pngSize(await (await request.get(apple)).body())).toBe('180x180');
});

test('on an iPad in a Safari tab the Home Screen hint shows once; installed, never', async ({ page, context }) => {
  // What Safari on an iPad says of itself: navigator.standalone, and five touch points.
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'standalone', { configurable: true, get: () => window.__standalone === true });
    Object.defineProperty(Navigator.prototype, 'maxTouchPoints', { configurable: true, get: () => 5 });
  });
  await openApp(page);
  const hint = page.getByRole('region', { name: 'Keep Hear Me on the Home Screen' });
  await expect(hint).toBeVisible();
  await expect(hint).toContainText('Add to Home Screen');
  await expect(hint).toContainText('7 days');
  await hint.getByRole('button', { name: 'Got it' }).click();
  await expect(hint).toHaveCount(0);
  await page.reload();
  await unlock(page);
  await expect(heading(page, 'A new child')).toBeVisible();
  await expect(hint).toHaveCount(0);

  // The app opened from the Home Screen never shows it.
  await page.close();
  const installedPage = await context.newPage();
  await installedPage.addInitScript(() => {
    window.__standalone = true;
    localStorage.removeItem('hear-me/home-screen-hint');
  });
  await openApp(installedPage);
  await expect(heading(installedPage, 'A new child')).toBeVisible();
  await expect(installedPage.getByRole('region', { name: 'Keep Hear Me on the Home Screen' })).toHaveCount(0);
});
