// End-to-end: an unlocked tablet left alone is not enough (issue 24). Settings ask for the
// tablet's passphrase before a backup leaves, before a wipe, before a new worker PIN and
// before the longest auto-lock, with the same counted tries and waits as unlocking; and the
// wait between wrong passphrases is time the screen was shown, so a clock set forward or a
// reload does not shorten it.
import { PASSPHRASE, storedVault, refuseStorage } from './helpers.mjs';
import {
  test,
  expect,
  button,
  heading,
  startSession,
  openApp,
  unlock,
  backToAllSessions,
  lockedHeading,
  setUpHeading,
  passphraseField,
  givePassphraseWhenAsked,
} from './flows.mjs';

const asked = (page) => page.getByRole('dialog', { name: 'Your passphrase, please' });
const WRONG = 'That passphrase is not right. Please try again.';

/** Gives `passphrase` to the open question and presses Continue. */
async function answer(page, passphrase) {
  await asked(page).getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await asked(page).getByRole('button', { name: 'Continue' }).click();
}

/** A wrong passphrase: said so, the question stays, the try is counted in storage. */
async function answerWrong(page, count) {
  await answer(page, `not it ${count}`);
  await expect(asked(page).getByRole('alert')).toHaveText(count >= 3 ? /Too many wrong tries\. Please wait/ : WRONG);
  await expect.poll(async () => (await storedVault(page)).failed_unlocks).toBe(count);
}

async function openSettings(page) {
  await backToAllSessions(page);
  await button(page, 'Settings').click();
  await expect(heading(page, 'Settings')).toBeVisible();
}

test('a backup, a new PIN, the longest auto-lock and a wipe each wait for the tablet’s passphrase', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Ilvy', age: 7 });
  await openSettings(page);
  let downloads = 0;
  page.on('download', () => downloads++);

  // A backup: a wrong passphrase, and Cancel, make none; the right one makes it.
  const backup = page.locator('form').filter({ has: page.getByLabel('The backup passphrase again') });
  await backup.getByLabel('Backup passphrase', { exact: true }).fill('the backup passphrase for tests');
  await backup.getByLabel('The backup passphrase again').fill('the backup passphrase for tests');
  await backup.getByRole('button', { name: 'Make a backup' }).click();
  await expect(asked(page)).toContainText('A backup is about to leave this tablet');
  await expect(asked(page).getByLabel('Passphrase', { exact: true })).toBeFocused();
  await expect(asked(page).getByLabel('Passphrase', { exact: true })).toHaveAttribute('spellcheck', 'false');
  await answerWrong(page, 1);
  await asked(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(asked(page)).toHaveCount(0);
  expect(downloads).toBe(0);
  const downloading = page.waitForEvent('download');
  await backup.getByRole('button', { name: 'Make a backup' }).click();
  await givePassphraseWhenAsked(page);
  await downloading;
  expect(downloads).toBe(1);
  expect((await storedVault(page)).failed_unlocks, 'a right passphrase clears the count').toBe(0);

  // A new worker PIN.
  const pinBefore = (await storedVault(page)).pin;
  await page.getByLabel('The new PIN', { exact: true }).fill('1357');
  await page.getByLabel('The PIN again', { exact: true }).fill('1357');
  await button(page, 'Change the PIN').click();
  await expect(asked(page)).toContainText('The worker PIN is about to change');
  await answerWrong(page, 1);
  await page.keyboard.press('Escape');
  await expect(asked(page)).toHaveCount(0);
  await expect(page.getByText('The PIN is changed.')).toHaveCount(0);
  expect((await storedVault(page)).pin).toBe(pinBefore);
  await button(page, 'Change the PIN').click();
  await givePassphraseWhenAsked(page);
  await expect(page.getByText('The PIN is changed.')).toBeVisible();
  expect((await storedVault(page)).pin).not.toBe(pinBefore);

  // The longest auto-lock asks; a shorter one does not.
  const autoLock = page.getByRole('combobox', { name: 'Lock by itself after' });
  await autoLock.selectOption({ label: '30 min' });
  await expect(asked(page)).toContainText('stay unlocked for 30 minutes');
  await answerWrong(page, 1);
  await asked(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(autoLock).toHaveValue('5');
  expect((await storedVault(page)).auto_lock_minutes).toBe(5);
  await autoLock.selectOption({ label: '30 min' });
  await givePassphraseWhenAsked(page);
  await expect.poll(async () => (await storedVault(page)).auto_lock_minutes).toBe(30);
  await expect(autoLock).toHaveValue('30');
  await autoLock.selectOption({ label: '15 min' });
  await expect(asked(page)).toHaveCount(0);
  await expect.poll(async () => (await storedVault(page)).auto_lock_minutes).toBe(15);

  // A wipe: three wrong passphrases bring the wait, shown and counted as on the lock screen;
  // even the right one waits; after it, the right one leads to the wipe's own question.
  await button(page, 'Wipe this device').click();
  await expect(asked(page)).toContainText('Everything Hear Me keeps on this tablet is about to be wiped');
  for (const count of [1, 2, 3]) await answerWrong(page, count);
  await expect(asked(page).getByRole('button', { name: 'Continue' })).toBeDisabled();
  expect((await storedVault(page)).wait_left_ms).toBeGreaterThan(0);
  await expect(page.getByRole('dialog', { name: 'Wipe everything Hear Me keeps on this tablet?' })).toHaveCount(0);
  await expect(asked(page).getByRole('button', { name: 'Continue' })).toBeEnabled({ timeout: 5_000 });
  await givePassphraseWhenAsked(page);
  const wipe = page.getByRole('dialog', { name: 'Wipe everything Hear Me keeps on this tablet?' });
  await expect(wipe).toContainText('Ilvy');
  await wipe.getByRole('textbox', { name: /To confirm, type the word/ }).fill('wipe');
  await wipe.getByRole('button', { name: 'Wipe this device' }).click();
  await expect(setUpHeading(page)).toBeVisible();
});

test('the wait after wrong passphrases is time the lock screen was shown: a clock set forward or a reload does not end it', async ({ page }) => {
  // Playwright's clock: `setSystemTime` moves the wall clock (Date) only, not
  // `performance.now()`, which goes on at its own pace.
  await page.clock.install();
  await openApp(page);
  await startSession(page, { name: 'Noor', age: 10 });
  await button(page, 'Lock').click();
  await expect(lockedHeading(page)).toBeVisible();
  const tryWrong = async (count) => {
    await passphraseField(page).fill(`a wrong guess ${count}`);
    await button(page, 'Unlock').click();
    await expect.poll(async () => (await storedVault(page)).failed_unlocks).toBe(count);
  };
  for (const count of [1, 2, 3]) await tryWrong(count);
  await page.clock.runFor(2_500);
  await tryWrong(4);
  const waiting = page.getByRole('alert');
  await expect(waiting).toContainText('Too many wrong tries. Please wait');
  await expect(button(page, 'Unlock')).toBeDisabled();
  // Stored as time still to wait, not as a time of day a clock could pass.
  const stored = await storedVault(page);
  expect(stored.wait_left_ms).toBeGreaterThan(2_000);
  expect(stored.wait_left_ms).toBeLessThanOrEqual(4_000);
  expect(stored.retry_after_ms).toBe(0);

  // The tablet's clock set two hours forward: still waiting.
  await page.clock.setSystemTime((await page.evaluate(() => Date.now())) + 2 * 60 * 60 * 1000);
  await page.waitForTimeout(1_000);
  await expect(waiting).toContainText('Too many wrong tries. Please wait');
  await expect(button(page, 'Unlock')).toBeDisabled();

  // A reload resumes from what was left: still waiting, never from less.
  const before = (await storedVault(page)).wait_left_ms;
  await page.reload();
  await expect(lockedHeading(page)).toBeVisible();
  const after = (await storedVault(page)).wait_left_ms;
  expect(after).toBeGreaterThan(0);
  expect(after).toBeLessThanOrEqual(before);
  await passphraseField(page).fill(PASSPHRASE);
  await expect(button(page, 'Unlock')).toBeDisabled();
  await expect(page.getByRole('alert')).toContainText('Too many wrong tries. Please wait');

  // Once the time has passed on the clock that only moves forward, the right one opens.
  await page.clock.runFor(after + 500);
  await expect(button(page, 'Unlock')).toBeEnabled();
  await unlock(page);
  expect((await storedVault(page)).failed_unlocks).toBe(0);
});

test('without storage there is no passphrase to ask: a backup of what is in memory is made as before', async ({ page }) => {
  await refuseStorage(page);
  await openApp(page);
  await startSession(page, { name: 'Ove', age: 8 });
  await openSettings(page);
  const backup = page.locator('form').filter({ has: page.getByLabel('The backup passphrase again') });
  await backup.getByLabel('Backup passphrase', { exact: true }).fill('the backup passphrase for tests');
  await backup.getByLabel('The backup passphrase again').fill('the backup passphrase for tests');
  const downloading = page.waitForEvent('download');
  await backup.getByRole('button', { name: 'Make a backup' }).click();
  await downloading;
  await expect(asked(page)).toHaveCount(0);
});
