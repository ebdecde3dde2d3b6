// Shared by every end-to-end spec: the guards that apply to every test, locators found by
// role and accessible name, and the small flows every tool goes through.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { test as base, expect } from '@playwright/test';
import { collectForeignRequests, storedSessions, PASSPHRASE, PIN } from './helpers.mjs';

export { expect };

// ---------------------------------------------------------------------------
// Guards that apply to every test: no native alert/confirm/prompt, no uncaught
// errors or Rust panics, and no request to anywhere but the app's own origin.
// ---------------------------------------------------------------------------
export const test = base.extend({
  guard: [
    async ({ page, baseURL }, use) => {
      const guard = {
        dialogs: [],
        pageErrors: [],
        foreign: collectForeignRequests(page, baseURL),
      };
      page.on('dialog', async (dialog) => {
        guard.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        await dialog.dismiss().catch(() => {});
      });
      page.on('pageerror', (error) => guard.pageErrors.push(String(error)));
      page.on('console', (msg) => {
        if (msg.type() === 'error' && /panicked at/.test(msg.text())) guard.pageErrors.push(msg.text());
      });
      await use(guard);
      expect(guard.dialogs, 'no native browser dialog (alert/confirm/prompt) may open').toEqual([]);
      expect(guard.pageErrors, 'no uncaught error or Rust panic').toEqual([]);
      expect(guard.foreign, 'nothing may be requested from another origin').toEqual([]);
    },
    { auto: true },
  ],
});


/** A language's texts, as the app shows them (`locales/<code>.json`). */
export const texts = (code) => JSON.parse(fs.readFileSync(`locales/${code}.json`, 'utf8'));

/** A text with its `{{ name }}` placeholders filled in, as the app fills them. */
export const filled = (text, values) =>
  Object.entries(values).reduce((t, [name, value]) => t.replaceAll(`{{ ${name} }}`, value), text);

export const APOS = "['\u2019]"; // accept a straight or a typographic apostrophe

export const button = (page, name) => page.getByRole('button', { name, exact: true });
export const heading = (page, name) => page.getByRole('heading', { name });
export const drawingArea = (page) => page.locator('canvas[aria-label="Drawing area"]');
export const wordsBox = (page) => page.getByRole('textbox', { name: new RegExp(`The child${APOS}s words`) });
export const entriesList = (page) => page.getByRole('list', { name: new RegExp(`^The child${APOS}s entries$`) });
export const entryItems = (page) => entriesList(page).getByRole('listitem');
// The start screen lists children (each with their visits); a row per child.
export const sessionsList = (page) => page.getByRole('list', { name: 'Children on this tablet' });
export const sessionItems = (page) => sessionsList(page).getByRole('listitem');

export function startForm(page) {
  return {
    name: page.getByRole('textbox', { name: new RegExp(`Child${APOS}s first name or alias`) }),
    age: page
      .getByRole('spinbutton', { name: 'Age (optional)' })
      .or(page.getByRole('textbox', { name: 'Age (optional)' })),
    language: page.getByRole('combobox', { name: new RegExp(`^The child${APOS}s language$`) }),
    start: button(page, 'Start session'),
  };
}

/**
 * The session screen folds the worker's parts before and after the conversation: opens each
 * fold still closed, a tap on its summary line as the worker would, so what is inside can be
 * reached. Does nothing on other screens.
 */
export async function openSessionFolds(page) {
  const closed = page.locator('details.session-fold:not([open]) > summary');
  // Each tap opens one, so the next still closed is always the first.
  for (let left = await closed.count(); left > 0; left -= 1) {
    await closed.first().click();
    await expect(closed).toHaveCount(left - 1);
  }
}

/**
 * "About this conversation" on the session screen: opens it, lets `fill` work in the dialog,
 * and closes it with Done. `T` is the worker's language's texts.
 */
export async function inConversationDetails(page, fill, T = texts('en')) {
  await openSessionFolds(page);
  await button(page, T.details_heading).click();
  const details = page.getByRole('dialog', { name: T.details_heading });
  await fill(details);
  await details.getByRole('button', { name: T.done, exact: true }).click();
  await expect(details).toHaveCount(0);
}

/**
 * A quick start: the child's name, age and language on the start form; the worker's name and
 * the day (which the form leaves to Settings and today), in "About this conversation".
 */
export async function startSession(page, { name, age, worker, language, date }) {
  await expect(page.getByRole('heading', { name: 'Hear Me', exact: true })).toBeVisible();
  const form = startForm(page);
  await form.name.fill(name);
  if (age !== undefined) await form.age.fill(String(age));
  if (language !== undefined) await form.language.selectOption(language);
  await form.start.click();
  await expect(heading(page, `Session with ${name}`)).toBeVisible();
  if (worker !== undefined || date !== undefined) {
    await inConversationDetails(page, async (details) => {
      if (worker !== undefined) await details.getByRole('textbox', { name: new RegExp(`^Worker${APOS}s name \\(optional\\)$`) }).fill(worker);
      if (date !== undefined) await details.getByLabel('Date', { exact: true }).fill(date);
    });
  }
}

// Named from when the start screen listed sessions; it lists children now ("All children").
export async function backToAllSessions(page) {
  await button(page, 'All children').click();
  await expect(page.getByRole('heading', { name: 'Hear Me', exact: true })).toBeVisible();
  await expect(sessionsList(page)).toBeVisible();
}

/** Add a words entry in the open house and come back to the house screen. */
export async function addWords(page, text, voice = 'Child said, worker wrote') {
  await button(page, 'Write words').click();
  const box = wordsBox(page);
  await expect(box).toBeVisible();
  if (voice !== 'Child said, worker wrote') {
    await page.getByRole('radio', { name: voice, exact: true }).check();
  }
  await box.fill(text);
  await expect(box).toHaveValue(text);
  await button(page, 'Done').click();
  await expect(entriesList(page).getByText(text, { exact: true })).toBeVisible();
}

export async function openDrawing(page) {
  await button(page, 'Draw').click();
  const canvas = drawingArea(page);
  await expect(canvas).toBeVisible();
  return canvas;
}

// --- who may see what ---------------------------------------------------------

/** The "Who may see?" choices for the child's words `text`, or for a name the child gave. */
export const sharingChoicesFor = (page, text) =>
  page
    .getByRole('group', { name: `Who may see \u201c${text}\u201d?`, exact: true })
    .or(page.getByRole('group', { name: `Who may see the name \u201c${text}\u201d?`, exact: true }));

/** One person (or "Nobody else") among a group of choices. */
export const sharingChoice = (group, name) => group.getByRole('button', { name, exact: true });

/** Where the walk is: "3 of 7" on a step with one thing to decide, 'end' on "Who will see what", '' on its start. */
async function walkPosition(page) {
  if (await heading(page, 'Who will see what').count()) return 'end';
  const count = page.locator('.walk-count');
  return (await count.count()) ? (await count.textContent()).trim() : '';
}

/** The walk's way on: "Next", or on its last step "Who will see what". */
export const walkNext = (page) => page.getByRole('navigation', { name: 'Who may see what?' }).getByRole('button').last();

/** One step on along the walk, once the next screen shows. */
export async function walkOn(page) {
  const here = await walkPosition(page);
  await walkNext(page).click();
  await expect.poll(() => walkPosition(page)).not.toBe(here);
}

/**
 * Who may see what shows one thing at a time: walks on from the screen shown until the one
 * with the child's words (or name) `text`, and gives its choices. Throws at the walk's end.
 */
export async function sharingFor(page, text) {
  const choices = sharingChoicesFor(page, text);
  await expect(heading(page, 'Who may see what?')).toBeVisible();
  for (let steps = 0; steps < 100; steps++) {
    if (await choices.count()) return choices;
    if ((await walkPosition(page)) === 'end') break;
    await walkOn(page);
  }
  throw new Error(`"${text}" is not among the things to decide about`);
}

/** From any step of the walk, walks on to its last screen, "Who will see what". */
export async function walkToWhoWillSee(page) {
  for (let steps = 0; steps < 100 && (await walkPosition(page)) !== 'end'; steps++) await walkOn(page);
  await expect(heading(page, 'Who will see what')).toBeVisible();
}

// --- stored data -----------------------------------------------------------

export async function sessionRecord(page, childName) {
  const all = await storedSessions(page);
  return all.find((r) => r?.session?.child?.name === childName) ?? null;
}

// --- the lock ----------------------------------------------------------------

export const setUpHeading = (page) => page.getByRole('heading', { name: /^(Keep this tablet.s sessions safe|Die Gespräche auf diesem Tablet schützen)$/ });
export const lockedHeading = (page) => page.getByRole('heading', { name: /^(Hear Me is locked|Hear Me ist gesperrt)$/ });
/** The bar above every open screen: seen means the data is open. */
export const appBar = (page) => page.getByRole('navigation', { name: 'Hear Me' });
export const passphraseField = (page) => page.getByLabel(/^(Passphrase)$/);

/**
 * First start: sets up the passphrase and the worker PIN. A tool opened from the session is
 * then in the child's hands ("Open tools in child mode", on as the app comes). The specs of the
 * worker's screens work as a worker who turned that off (`toolsInChildMode: false`, the
 * default here) and hand the tablet over with "Give to the child" where they test the
 * child's part; childs-bar.spec.mjs tests the setting as it comes.
 */
export async function setUpVault(page, { passphrase = PASSPHRASE, pin = PIN, toolsInChildMode = false } = {}) {
  await expect(setUpHeading(page)).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('The passphrase again', { exact: true }).fill(passphrase);
  await page.getByLabel('Worker PIN', { exact: true }).fill(pin);
  await page.getByLabel('The PIN again', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Protect and start' }).click();
  await expect(appBar(page)).toBeVisible({ timeout: 15_000 });
  if (!toolsInChildMode) await setToolsOpenInChildMode(page, false);
}

/** Turns "Open tools in child mode" on or off in Settings, from the list of sessions, and goes back to it. */
export async function setToolsOpenInChildMode(page, on) {
  await button(page, 'Settings').click();
  await expect(heading(page, 'Settings')).toBeVisible();
  const setting = page.getByRole('checkbox', { name: 'Open tools in child mode' });
  await setting.setChecked(on);
  await expect(setting).toBeChecked({ checked: on });
  await button(page, 'All children').click();
  await expect(page.getByRole('heading', { name: 'Hear Me', exact: true })).toBeVisible();
}

/** The unlock screen, in English or German. */
export async function unlock(page, passphrase = PASSPHRASE) {
  await expect(lockedHeading(page)).toBeVisible();
  await passphraseField(page).fill(passphrase);
  await page.getByRole('button', { name: /^(Unlock|Entsperren)$/ }).click();
  await expect(appBar(page)).toBeVisible({ timeout: 15_000 });
}

/**
 * Settings ask for the tablet's passphrase before a backup, a wipe, a new PIN or the longest
 * auto-lock (an unlocked tablet left alone is not enough): gives it, and waits for the
 * question to close.
 */
export async function givePassphraseWhenAsked(page, passphrase = PASSPHRASE) {
  const dialog = page.getByRole('dialog', { name: 'Your passphrase, please' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog).toHaveCount(0, { timeout: 15_000 });
}

/**
 * Opens the app and gets past the lock: sets up on a fresh device, unlocks a locked one,
 * or finds it open (a browser without storage has nothing to lock).
 */
export async function openApp(page, { goto = true, toolsInChildMode = false } = {}) {
  if (goto) await page.goto('/');
  await expect(setUpHeading(page).or(lockedHeading(page)).or(appBar(page)).first()).toBeVisible();
  if (await setUpHeading(page).isVisible()) await setUpVault(page, { toolsInChildMode });
  else if (await lockedHeading(page).isVisible()) await unlock(page);
  await expect(appBar(page)).toBeVisible();
}

/** A reload locks the app (the key is only in memory): reload and unlock. */
export async function reloadAndUnlock(page) {
  await page.reload();
  await openApp(page, { goto: false });
}

// --- files that leave the tablet ---------------------------------------------

/**
 * Clicks a button that offers a file; gives its name and text. `confirmWorries`: the summary
 * is the first for a family reader to hold worries, which the worker confirms first.
 */
export async function downloadWith(page, name, { confirmWorries = false } = {}) {
  const downloading = page.waitForEvent('download');
  await button(page, name).click();
  if (confirmWorries) await button(page, 'Safe for this reader: continue').click();
  const file = await downloading;
  return { name: file.suggestedFilename(), html: fs.readFileSync(await file.path(), 'utf8') };
}

/** Prints a file to PDF in Chromium with JavaScript off; gives the text of each page. */
export async function printedPages(browser, html, path, format) {
  const offline = await browser.newContext({ javaScriptEnabled: false });
  const file = await offline.newPage();
  await file.setContent(html);
  await file.pdf({ path, format, preferCSSPageSize: format === undefined });
  await offline.close();
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((page) => page.trim() !== '');
}


/** A backup of two children seen over several visits (see examples/child_visits.rs). */
export const TWO_CHILDREN = new URL('../fixtures/two-children.hearme', import.meta.url).pathname;
export const TWO_CHILDREN_PASSPHRASE = 'two children over months';

/**
 * Opens the app on a new tablet and restores the two children's visits from their backup:
 * Mia (8) seen on 3 March and 12 May 2026, a third visit begun on 1 September; Jonas (12)
 * on 10 April and 20 June 2026 (not finished). Ends on
 * the start screen.
 */
export async function restoreTwoChildren(page) {
  await page.goto('/');
  await setUpVault(page);
  await button(page, 'Settings').click();
  const restoring = page.locator('form').filter({ has: page.getByLabel('Backup file') });
  await restoring.getByLabel('Backup file').setInputFiles(TWO_CHILDREN);
  await restoring.getByLabel('Backup passphrase').fill(TWO_CHILDREN_PASSPHRASE);
  await restoring.getByRole('button', { name: 'Restore' }).click();
  await expect(restoring.getByRole('status')).toContainText('Added: 5', { timeout: 30_000 });
  await backToAllSessions(page);
}

/**
 * From the start screen, opens the visit of `day` ("12 May 2026") on the page of the child
 * called `name`.
 */
export async function openVisitOf(page, name, day) {
  await button(page, `${name}: all visits`).click();
  await button(page, `Open the visit of ${day}`).click();
  await expect(page.getByRole('heading', { name: `Session with ${name}`, exact: true })).toBeVisible();
}
