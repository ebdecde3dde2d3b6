// End-to-end: races and lifecycle (issue 24). Locked means no child's name on any screen,
// whatever storage does: changes storage refused wait sealed, and are saved after the next
// unlock. Only the tab that holds the sessions keeps a journal. "Use it here" does not wait
// for ever for a tab that does not answer: it says so, and offers to take over.
import { PASSPHRASE, storedSessionEntries, storedVault } from './helpers.mjs';
import {
  test,
  expect,
  button,
  startSession,
  addWords,
  openApp,
  unlock,
  appBar,
  lockedHeading,
  passphraseField,
} from './flows.mjs';

const otherTab = (page) => page.getByRole('heading', { name: 'Hear Me is open in another tab' });
const useHere = (page) => page.getByRole('button', { name: 'Use it here' });
const JOURNAL = 'hear-me/journal';

async function openHouse(page, name) {
  await button(page, 'Three Houses').click();
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
}

/** The words of every session stored, opened in Node with the passphrase. */
async function storedWords(page) {
  const entries = await storedSessionEntries(page, PASSPHRASE);
  return entries.flatMap(({ record }) =>
    Object.values(record?.session?.questions ?? {}).flatMap((answers) => answers.entries.map((e) => e.text).filter(Boolean)));
}

test('locked, no child is named anywhere while storage refuses: the unsaved words wait sealed and are saved after the next unlock', async ({ page }) => {
  // Storage refuses outright, as when the browser turns the site's storage off: every use
  // of localStorage throws, so nothing can even be handed to storage.
  await page.addInitScript(() => {
    const real = Object.getOwnPropertyDescriptor(window, 'localStorage').get;
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        if (window.__refuseStorage === true) throw new DOMException('Storage is turned off.', 'SecurityError');
        return real.call(this);
      },
    });
  });
  await page.clock.install();
  await openApp(page);
  await startSession(page, { name: 'Ravenna', age: 6 });
  await openHouse(page, 'House of Dreams');
  await addWords(page, 'A treehouse');
  await expect.poll(async () => (await storedWords(page)).join('|')).toContain('A treehouse');

  await page.evaluate(() => (window.__refuseStorage = true));
  await addWords(page, 'and a rope ladder');
  await expect(page.getByRole('alert').first()).toBeVisible();

  // Locked while storage still refuses: nothing of the child anywhere on the page.
  await button(page, 'Lock').click();
  await expect(lockedHeading(page)).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Ravenna');
  await expect(page.locator('body')).not.toContainText('rope ladder');

  // Storage works again; the retries behind the lock screen have nothing readable to write.
  await page.evaluate(() => (window.__refuseStorage = false));
  await page.clock.fastForward(5_000);
  expect((await storedWords(page)).join('|')).not.toContain('rope ladder');

  // Ten wrong passphrases and their waits, then the wipe question: it names no child either.
  const unlockButton = button(page, 'Unlock');
  for (let tries = 1; tries <= 10; tries++) {
    await passphraseField(page).fill(`a wrong guess ${tries}`);
    await unlockButton.click();
    await expect.poll(async () => (await storedVault(page)).failed_unlocks).toBe(tries);
    // Each wait, as the lock screen counts it down.
    for (let step = 0; step < 100 && (await unlockButton.isDisabled()); step++) await page.clock.fastForward(10_000);
  }
  await button(page, 'Wipe this device').click();
  const dialog = page.getByRole('dialog', { name: 'Wipe everything Hear Me keeps on this tablet?' });
  await expect(dialog).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Ravenna');
  await dialog.getByRole('button', { name: 'Keep' }).click();

  // The worker unlocks: the words kept sealed through the lock are there, and saved now.
  await unlock(page);
  await expect(page.getByText('and a rope ladder', { exact: true })).toBeVisible();
  await expect.poll(async () => (await storedWords(page)).join('|')).toContain('and a rope ladder');
  expect(await storedWords(page)).toEqual(expect.arrayContaining(['A treehouse', 'and a rope ladder']));
});

test('a tab that gave the sessions to another does not replace that tab\'s journal when it closes', async ({ page, context }) => {
  // IndexedDB refuses the writes of a tab that says so (a full disk), so both tabs keep
  // what did not land in the journal.
  await context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      const request = put.apply(this, args);
      if (window.__refuseWrites === true) this.transaction.abort();
      return request;
    };
  });
  await openApp(page);
  await startSession(page, { name: 'Sami', age: 8 });
  await openHouse(page, 'House of Dreams');
  await addWords(page, 'A red bike');
  await expect.poll(async () => (await storedWords(page)).join('|')).toContain('A red bike');
  await page.evaluate(() => (window.__refuseWrites = true));
  await addWords(page, 'from the first tab');

  // The second tab takes over; the first journals what did not land, and lets go.
  const second = await context.newPage();
  await second.goto('/');
  await second.evaluate(() => (window.__refuseWrites = true));
  await useHere(second).click();
  await expect(otherTab(page)).toBeVisible();
  await unlock(second);
  await expect(second.getByText('from the first tab', { exact: true })).toBeVisible();
  await addWords(second, 'from the second tab');
  // The second tab is put away: its journal holds both tabs' words.
  await second.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
  const journal = await second.evaluate((key) => localStorage.getItem(key), JOURNAL);
  expect(journal).not.toBeNull();

  // The first tab is closed: it holds nothing now, and writes no journal.
  await page.close({ runBeforeUnload: true });
  expect(await second.evaluate((key) => localStorage.getItem(key), JOURNAL)).toBe(journal);

  // Storage takes writes again: both tabs' words land.
  await second.evaluate(() => (window.__refuseWrites = false));
  await expect
    .poll(async () => (await storedWords(second)).join('|'), { timeout: 10_000 })
    .toContain('from the second tab');
  expect(await storedWords(second)).toEqual(expect.arrayContaining(['A red bike', 'from the first tab', 'from the second tab']));
});

test('"Use it here" with a tab that does not answer: after a few seconds it says so and takes over', async ({ page, context }) => {
  await openApp(page);
  await startSession(page, { name: 'Lior', age: 7 });
  await openHouse(page, 'House of Good Things');
  await addWords(page, 'My kite');
  await expect.poll(async () => (await storedWords(page)).join('|')).toContain('My kite');

  // The first tab is stuck (its page busy for 25 seconds): it hears nothing, answers nothing.
  const stuck = page.evaluate(() => {
    const until = Date.now() + 25_000;
    while (Date.now() < until) {
      // busy
    }
  });

  const second = await context.newPage();
  await second.goto('/');
  await expect(otherTab(second)).toBeVisible();
  const asked = Date.now();
  await useHere(second).click();
  const noAnswer = second.getByRole('alert').filter({ hasText: 'The other tab has not answered for a few seconds' });
  await expect(noAnswer).toBeVisible({ timeout: 10_000 });
  expect(Date.now() - asked, 'said after a few seconds, not at once').toBeGreaterThan(4_000);
  // Honest about what that tab had not saved: no promise that it comes along.
  await expect(second.locator('body')).toContainText('Changes that tab had not saved yet may be missing here');
  await second.screenshot({ path: test.info().outputPath('other-tab-no-answer.png') });
  await button(second, 'Take over here').click();
  await unlock(second);
  await expect(second.getByText('My kite', { exact: true })).toBeVisible();

  // The stuck tab comes back: the sessions are the other tab's now; it shows nothing of them.
  await stuck;
  await expect(otherTab(page)).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Lior');
  await expect(appBar(page)).toHaveCount(0);

  // The second tab goes on working and saving.
  await addWords(second, 'and a windy hill');
  await expect.poll(async () => (await storedWords(second)).join('|')).toContain('and a windy hill');
});
