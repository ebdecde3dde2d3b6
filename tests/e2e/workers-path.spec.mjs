// End-to-end: the worker's path on a home visit (issue 23). From the locked app to the child
// drawing in the House of Worries in a few taps; the worker's name once (set-up or Settings)
// and the agency's phone for the parents' leaflet, offered before the visit from the start
// and session screens; the session screen a short page, folded, opening at its top.
import {
  test, expect, button, heading, texts, filled, openApp, setUpHeading, lockedHeading, appBar,
  startSession, startForm, drawingArea, downloadWith, sessionRecord,
} from './flows.mjs';
import { drawWithTouch, canvasHasInkAt, PASSPHRASE, PIN } from './helpers.mjs';

const EN = texts('en');
const PHONE = '+49 30 1234-567';
const isolated = (name) => `\u2068${name}\u2069`;

/** The session screen's two folds, the worker's parts before and after the conversation. */
const folds = (page) => page.locator('details.session-fold');

/** Whether the page is at its top and the screen's title is fully in view. */
async function atTopWithTitle(page) {
  const scrollY = await page.evaluate(() => window.scrollY);
  const box = await page.getByRole('heading', { level: 1 }).boundingBox();
  return { scrollY, titleInView: box !== null && box.y >= 0 && box.y + box.height <= page.viewportSize().height };
}

test('from the locked app to ink in the House of Worries: at most 6 taps and 2 typed fields', async ({ page }) => {
  await openApp(page);
  await page.reload();
  await expect(lockedHeading(page)).toBeVisible();

  // Every tap and every typed field on the way is counted.
  const count = { taps: 0, fills: 0 };
  const tap = async (locator) => { count.taps += 1; await locator.click(); };
  const type = async (locator, text) => { count.fills += 1; await locator.fill(text); };

  await type(page.getByLabel('Passphrase', { exact: true }), PASSPHRASE);
  await tap(button(page, 'Unlock'));
  await type(startForm(page).name, 'Mia');
  await tap(startForm(page).start);
  await tap(button(page, EN.three_houses));
  await tap(page.getByRole('button', { name: new RegExp(`^${EN.house_worries}`) }));
  await tap(button(page, 'Draw'));
  const canvas = drawingArea(page);
  await expect(canvas).toBeVisible();
  await drawWithTouch(page, canvas, [[0.3, 0.5], [0.5, 0.52], [0.7, 0.5]]);
  await expect.poll(() => canvasHasInkAt(canvas, 0.5, 0.52)).toBe(true);

  expect(count.taps, 'taps from the locked app to drawing').toBeLessThanOrEqual(6);
  expect(count.fills, 'typed fields from the locked app to drawing').toBeLessThanOrEqual(2);
});

test('the session screen opens at its top, from a long list and back from a tool, with its parts folded', async ({ page }) => {
  await openApp(page);
  for (const name of ['Ada', 'Ben', 'Cem', 'Dara', 'Eli', 'Finn']) {
    await startSession(page, { name });
    await button(page, 'All children').click();
  }
  // The list scrolled to its foot, as a worker looking for an older session leaves it.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  expect(await page.evaluate(() => window.scrollY), 'the start screen is long enough to scroll').toBeGreaterThan(100);
  await button(page, 'Open the session with Ada').click();
  await expect(heading(page, 'Session with Ada')).toBeVisible();
  await expect.poll(() => atTopWithTitle(page)).toEqual({ scrollY: 0, titleInView: true });
  await expect(appBar(page).getByRole('button', { name: 'Lock', exact: true })).toBeInViewport();

  // Before and after the conversation, each folded, its state on the line that opens it.
  await expect(folds(page)).toHaveCount(2);
  expect(await folds(page).evaluateAll((all) => all.map((fold) => fold.open))).toEqual([false, false]);
  await expect(page.getByText(EN.session_before_heading, { exact: true })).toBeVisible();
  await expect(page.getByText(EN.session_before_not_yet)).toBeVisible();
  await expect(page.getByText(EN.session_after_open)).toBeVisible();
  // No paperwork in view: the details, the finish and the summary are inside the folds.
  await expect(button(page, EN.details_heading)).toBeHidden();
  await expect(button(page, EN.finish_button)).toBeHidden();
  await expect(button(page, EN.summary_tool)).toBeHidden();
  // Before we start and the tools, cards of one size.
  const cards = page.locator('.session-tools .tool-card');
  await expect(cards).toHaveCount(3);
  const sizes = await cards.evaluateAll((all) => all.map((card) => {
    const box = card.getBoundingClientRect();
    return `${Math.round(box.width)}x${Math.round(box.height)}`;
  }));
  expect(new Set(sizes).size, `one size: ${sizes}`).toBe(1);

  // Into a tool, scrolled down there, and back: the session screen is at its top again.
  await button(page, EN.three_houses).click();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await button(page, EN.back_to_session).click();
  await expect(heading(page, 'Session with Ada')).toBeVisible();
  await expect.poll(() => atTopWithTitle(page)).toEqual({ scrollY: 0, titleInView: true });
  expect(await folds(page).evaluateAll((all) => all.map((fold) => fold.open))).toEqual([false, false]);

  // Opened, a fold shows what it holds.
  await page.locator('details.before-fold > summary').click();
  await expect(button(page, EN.details_heading)).toBeVisible();
  await expect(button(page, EN.leaflet_button)).toBeVisible();
});

test("the worker's name once, at set-up: in every new session and in Before we start; the leaflet with the phone before the visit", async ({ page }) => {
  await page.goto('/');
  await expect(setUpHeading(page)).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('The passphrase again', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Worker PIN', { exact: true }).fill(PIN);
  await page.getByLabel('The PIN again', { exact: true }).fill(PIN);
  await page.getByRole('textbox', { name: EN.worker_name_setting_label }).fill('Sam Kaya');
  await page.getByRole('button', { name: 'Protect and start' }).click();
  await expect(appBar(page)).toBeVisible({ timeout: 15_000 });

  // Settings hold the name, sealed; the agency's phone for parents is added there.
  await button(page, EN.settings_heading).click();
  await expect(page.getByRole('textbox', { name: EN.worker_name_setting_label })).toHaveValue('Sam Kaya');
  await page.getByRole('textbox', { name: EN.agency_phone_label }).fill(PHONE);
  await expect(page.getByText(EN.agency_phone_hint)).toBeVisible();
  await button(page, 'All children').click();

  // The leaflet, from the start screen, before any session: the worker, the phone, and both
  // tools a session offers, the houses and the helpers.
  await button(page, EN.leaflet_button).click();
  const leaflet = page.getByRole('dialog', { name: EN.leaflet_button });
  const frame = leaflet.frameLocator('iframe.leaflet-frame');
  await expect(frame.getByRole('heading', { name: filled(EN.leaflet_title, { worker: 'Sam Kaya' }) })).toBeVisible();
  await expect(frame.getByText(filled(EN.leaflet_phone, { phone: PHONE }))).toBeVisible();
  await expect(frame.getByText(EN.leaflet_what_both)).toBeVisible();
  await expect(frame.getByRole('img', { name: 'Fairy, Wizard, Dragon, Unicorn' })).toBeVisible();
  const file = await downloadWith(page, EN.leaflet_download);
  expect(file.name).toBe('hear-me-leaflet-for-parents-en.html');
  expect(file.html).toContain(PHONE);
  await leaflet.getByRole('button', { name: EN.done, exact: true }).click();
  await expect(leaflet).toHaveCount(0);

  // A quick start: no worker's name typed, and the session has the one from set-up.
  await startSession(page, { name: 'Mia', age: 7 });
  await expect.poll(async () => (await sessionRecord(page, 'Mia'))?.session?.worker).toBe('Sam Kaya');
  await button(page, EN.before_open).click();
  await expect(page.getByText(filled(EN.before_younger_who, { worker: isolated('Sam Kaya') }))).toBeVisible();
  await button(page, EN.back_to_session).click();

  // The leaflet from the session screen, in the child's language, with the same phone.
  await page.locator('details.before-fold > summary').click();
  await button(page, EN.leaflet_button).click();
  const again = page.getByRole('dialog', { name: EN.leaflet_button }).frameLocator('iframe.leaflet-frame');
  await expect(again.getByText(filled(EN.leaflet_phone, { phone: PHONE }))).toBeVisible();
  await expect(again.getByRole('heading', { name: filled(EN.leaflet_title, { worker: 'Sam Kaya' }) })).toBeVisible();
});

test("without a worker's name, Before we start says the job and never \"I am .\"", async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Noor', age: 6 });
  await button(page, EN.before_open).click();
  await expect(heading(page, EN.before_heading)).toBeVisible();
  await expect(page.getByText(EN.before_younger_job, { exact: true })).toBeVisible();
  await expect(page.locator('.before-we-start')).not.toContainText('I am');
  // The first line is who the worker is: here only the job, word for word.
  await expect(page.locator('.before-line p').first()).toHaveText(EN.before_younger_job);
});
