// End-to-end: languages loaded when chosen (issue 15, "Size"). English is compiled into the
// app; every other language is a file fetched the first time it is chosen, kept by the
// service worker for a visit without network, and never fetched twice. A language that
// cannot be fetched is said so in plain words, and the screens stay readable.
import { test, expect, heading, openApp, lockedHeading, texts } from './flows.mjs';

const EN = texts('en');
const FR = texts('fr');
const PL = texts('pl');
const TR = texts('tr');
const UK = texts('uk');

/** The language picker, named in the language shown (`t`). */
const languagePicker = (page, t = EN) => page.getByRole('navigation', { name: t.language, exact: true });
const choose = (page, ownName) => page.getByRole('button', { name: ownName, exact: true }).first().click();

/** Every language file the page itself asks for, by its name and version. */
function languageRequests(page) {
  const seen = [];
  page.on('request', (request) => {
    const { pathname, search } = new URL(request.url());
    if (pathname.includes('/locales/')) seen.push(pathname.replace(/.*\/locales\//, '') + search);
  });
  return seen;
}

/** Waits until the service worker controls the page and has cached this build. */
async function installed(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

test('l1) a language is fetched only when chosen, only once, and after a reload the first screen is in it', async ({ page }) => {
  // Whether the English lock screen was ever shown, even for a moment.
  await page.addInitScript((english) => {
    window.sawEnglishLock = false;
    new MutationObserver(() => {
      if (document.body && document.body.textContent.includes(english)) window.sawEnglishLock = true;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  }, EN.locked_heading);
  const requested = languageRequests(page);
  await openApp(page);
  await expect(heading(page, EN.start_heading)).toBeVisible();
  expect(requested, 'an English start fetches no language file').toEqual([]);

  await choose(page, 'Français');
  await expect(heading(page, FR.start_heading)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(languagePicker(page, FR).getByRole('button', { name: 'Français' })).toHaveAttribute('aria-pressed', 'true');
  expect(requested).toEqual([expect.stringMatching(/^fr\.json\?v=[0-9a-f]{16}$/)]);

  // Back to English and to French again: nothing is fetched again.
  await choose(page, 'English');
  await expect(heading(page, EN.start_heading)).toBeVisible();
  await choose(page, 'Français');
  await expect(heading(page, FR.start_heading)).toBeVisible();
  expect(requested).toHaveLength(1);

  // A reload opens the lock screen in French from its first frame.
  await page.evaluate(() => { window.sawEnglishLock = false; });
  await page.reload();
  await expect(heading(page, FR.locked_heading)).toBeVisible();
  await expect(lockedHeading(page)).toHaveCount(0);
  expect(await page.evaluate(() => window.sawEnglishLock), 'the English lock screen never showed').toBe(false);
});

test('l2) with no network, a language never used before comes from what the service worker keeps', async ({ page, context }) => {
  await openApp(page);
  await installed(page);
  await context.setOffline(true);
  await choose(page, 'Polski');
  await expect(heading(page, PL.start_heading)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await context.setOffline(false);
});

test.describe('without the service worker', () => {
  test.use({ serviceWorkers: 'block' });

  test('l3) a language that cannot be fetched is said so, the screen stays readable, and choosing it again fetches it', async ({ page }) => {
    await openApp(page);
    await page.route('**/locales/tr.json*', (route) => route.abort('internetdisconnected'));
    await choose(page, 'Türkçe');
    const notLoaded = EN.language_not_loaded.replace('{{ language }}', 'Türkçe');
    await expect(page.getByRole('alert').filter({ hasText: notLoaded })).toBeVisible();
    // Still the worker's English, not a screen half in one language and half in none.
    await expect(heading(page, EN.start_heading)).toBeVisible();
    await expect(languagePicker(page).getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');

    await page.unroute('**/locales/tr.json*');
    await choose(page, 'Türkçe');
    await expect(heading(page, TR.start_heading)).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await choose(page, 'English');

    // The child's language, chosen on the start form: the worker is told at once.
    await page.route('**/locales/uk.json*', (route) => route.abort('internetdisconnected'));
    await page.getByRole('combobox', { name: EN.child_language_label }).selectOption('uk');
    const childsNotLoaded = EN.language_not_loaded.replace('{{ language }}', 'Українська');
    await expect(page.getByRole('alert').filter({ hasText: childsNotLoaded })).toBeVisible();
    await page.unroute('**/locales/uk.json*');
    await page.getByRole('combobox', { name: EN.child_language_label }).selectOption('en');
    await page.getByRole('combobox', { name: EN.child_language_label }).selectOption('uk');
    await expect(page.getByRole('alert')).toHaveCount(0);
    // The worker's own screen never left English.
    await expect(heading(page, EN.start_heading)).toBeVisible();
  });
});
