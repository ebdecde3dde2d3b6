// End-to-end: keeping and letting go (issue 25). A closed case is asked about at unlock
// once the retention period after its last visit has passed (the tablet's clock moved);
// "Keep for now" waits one more period; delete removes the child and every visit from the
// list and from storage, and nothing else.
import { everythingStored, storedSessions, vaultKeyFor, isSealed, openSealed, VAULT_KEY } from './helpers.mjs';
import fs from 'node:fs';
import { test, expect, button, heading, sessionItems, restoreTwoChildren, reloadAndUnlock, backToAllSessions, openApp, givePassphraseWhenAsked } from './flows.mjs';

/** The child records as stored, opened here in Node. */
async function storedChildren(page) {
  const stored = await everythingStored(page);
  const key = await vaultKeyFor(stored[VAULT_KEY]);
  return Object.keys(stored)
    .filter((k) => k.startsWith('hear-me/child/'))
    .map((k) => {
      expect(isSealed(stored[k]), `${k} is sealed`).toBe(true);
      return JSON.parse(openSealed(key, k, stored[k])).child;
    });
}

const question = (page) => page.getByRole('dialog', { name: /case is closed$/ });

/** Moves the tablet's clock to noon UTC of a day, reloads (which locks) and unlocks. */
async function unlockOn(page, day) {
  await page.clock.setSystemTime(new Date(`${day}T12:00:00Z`));
  await reloadAndUnlock(page);
}

test('a closed case is asked about at unlock after the period, kept for now, asked again a period later, then deleted', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-07T12:00:00Z') });
  await restoreTwoChildren(page);

  // Mia's case closed on her page; the page says what closing means; the list marks it.
  await button(page, 'Mia: all visits').click();
  await expect(heading(page, 'Mia')).toBeVisible();
  const theCase = page.getByRole('region', { name: 'The case' });
  await expect(theCase).toContainText("Hear Me asks you at unlock whether to delete Mia's records 6 months after the last visit.");
  await theCase.getByRole('button', { name: 'Mark the case closed' }).click();
  await expect(theCase).toContainText('Case closed on');
  await expect(page.getByRole('region', { name: "This child's record" })).toContainText('case closed');
  await button(page, 'All children').click();
  await expect(sessionItems(page).filter({ hasText: 'Mia' })).toContainText('Case closed');
  await expect(sessionItems(page).filter({ hasText: 'Jonas' })).not.toContainText('Case closed');
  await expect.poll(async () => (await storedChildren(page)).find((c) => c.id === 'c-mia')?.closed?.at_ms).toBeTruthy();

  // Mia's last visit was 1 September 2026: not asked on the last day before 1 March 2027.
  await unlockOn(page, '2027-02-28');
  await expect(sessionItems(page)).toHaveCount(2);
  await expect(question(page)).toHaveCount(0);

  // From 1 March 2027 she is asked about, and only she (Jonas's case is open).
  await unlockOn(page, '2027-03-02');
  await expect(question(page)).toBeVisible();
  await expect(question(page)).toHaveAccessibleName("Mia's case is closed");
  await expect(question(page)).toContainText('Visits: 3, the last on 1 September 2026.');
  await expect(question(page)).toContainText('You closed the case on 7 December 2026.');
  await expect(question(page)).toContainText('Nothing is deleted without your answer.');
  for (const name of ['Make a backup first', 'Open the full record', "Delete Mia's records"]) {
    await expect(question(page).getByRole('button', { name })).toBeVisible();
  }
  await question(page).getByRole('button', { name: 'Keep for now' }).click();
  await expect(question(page)).toHaveCount(0);
  await expect(sessionItems(page)).toHaveCount(2);
  await expect.poll(async () => (await storedChildren(page)).find((c) => c.id === 'c-mia')?.closed?.kept_at_ms).toBeTruthy();

  // Kept: not asked at the next unlock, nor until one period after the answer.
  await unlockOn(page, '2027-03-03');
  await expect(sessionItems(page)).toHaveCount(2);
  await expect(question(page)).toHaveCount(0);
  await unlockOn(page, '2027-09-01');
  await expect(sessionItems(page)).toHaveCount(2);
  await expect(question(page)).toHaveCount(0);

  // One period after "Keep for now": asked again. Escape leaves without an answer: asked
  // again at the next unlock, nothing deleted.
  await unlockOn(page, '2027-09-03');
  await expect(question(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(question(page)).toHaveCount(0);
  await expect(sessionItems(page)).toHaveCount(2);
  await unlockOn(page, '2027-09-03');
  await expect(question(page)).toBeVisible();

  // "Make a backup first": the backup, Mia alone picked, the worker at its passphrase; no
  // answer is recorded, so she is asked about again at the next unlock.
  await question(page).getByRole('button', { name: 'Make a backup first' }).click();
  await expect(question(page)).toHaveCount(0);
  await expect(heading(page, 'Settings')).toBeVisible();
  const picked = page.getByRole('group', { name: 'Children in the backup' });
  await expect(picked.getByRole('checkbox', { name: 'Mia (visits: 3)' })).toBeChecked();
  await expect(picked.getByRole('checkbox', { name: 'Jonas (visits: 2)' })).not.toBeChecked();
  const backupPassphrase = page.locator('form').filter({ has: picked }).getByLabel('Backup passphrase', { exact: true });
  await expect(backupPassphrase).toBeFocused();
  await expect(backupPassphrase).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('backup-for-mia.png') });
  // Settings opened later picks every child again.
  await button(page, 'All children').click();
  await button(page, 'Settings').click();
  await expect(picked.getByRole('checkbox', { name: 'Jonas (visits: 2)' })).toBeChecked();
  await expect(picked.getByRole('checkbox', { name: 'Mia (visits: 3)' })).toBeChecked();
  await button(page, 'All children').click();
  await unlockOn(page, '2027-09-03');
  await expect(question(page)).toBeVisible();

  // Delete asks first, naming the visits and the last one; "Keep" there goes back.
  await question(page).getByRole('button', { name: "Delete Mia's records" }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete Mia and every visit?' });
  await expect(confirm).toContainText('Visits: 3, the last on 1 September 2026');
  await confirm.getByRole('button', { name: 'Keep' }).click();
  await expect(question(page)).toBeVisible();
  await question(page).getByRole('button', { name: "Delete Mia's records" }).click();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(question(page)).toHaveCount(0);
  await expect(confirm).toHaveCount(0);

  // Mia and her visits are gone, from the list and from storage; Jonas stays.
  await expect(sessionItems(page)).toHaveCount(1);
  await expect(sessionItems(page).first()).toContainText('Jonas');
  await expect.poll(async () => (await storedChildren(page)).map((c) => c.id)).toEqual(['c-jonas']);
  await expect.poll(async () => (await storedSessions(page)).map((r) => r.session.child_id).sort()).toEqual(['c-jonas', 'c-jonas']);
  await unlockOn(page, '2027-09-04');
  await expect(sessionItems(page)).toHaveCount(1);
  await expect(question(page)).toHaveCount(0);
});

test('a backup of the children picked: Jonas only, with every visit, restores Jonas only on a new tablet', async ({ page, browser }, info) => {
  await restoreTwoChildren(page);
  await button(page, 'Settings').click();
  const form = page.locator('form').filter({ has: page.getByLabel('The backup passphrase again') });
  const picks = form.getByRole('group', { name: 'Children in the backup' });
  // Every child, checked, with the number of visits the backup would carry.
  await expect(picks.getByRole('checkbox')).toHaveCount(2);
  await expect(picks.getByRole('checkbox', { name: 'Mia (visits: 3)' })).toBeChecked();
  await expect(picks.getByRole('checkbox', { name: 'Jonas (visits: 2)' })).toBeChecked();
  // None left: the form says so before any passphrase is asked.
  await picks.getByRole('checkbox', { name: 'Mia (visits: 3)' }).uncheck();
  await picks.getByRole('checkbox', { name: 'Jonas (visits: 2)' }).uncheck();
  const passphrase = 'the backup passphrase for tests';
  await form.getByLabel('Backup passphrase', { exact: true }).fill(passphrase);
  await form.getByLabel('The backup passphrase again').fill(passphrase);
  await form.getByRole('button', { name: 'Make a backup' }).click();
  await expect(form.getByRole('alert')).toHaveText('Pick at least one child.');
  await picks.getByRole('checkbox', { name: 'Jonas (visits: 2)' }).check();
  const downloading = page.waitForEvent('download');
  await form.getByRole('button', { name: 'Make a backup' }).click();
  await givePassphraseWhenAsked(page);
  const download = await downloading;
  const folder = info.outputPath('keeping');
  fs.mkdirSync(folder, { recursive: true });
  const file = `${folder}/${download.suggestedFilename()}`;
  await download.saveAs(file);

  // A new tablet: Jonas and his two visits, no Mia.
  const { baseURL, viewport, hasTouch, locale } = test.info().project.use;
  const context = await browser.newContext({ baseURL, viewport, hasTouch, locale });
  const other = await context.newPage();
  await openApp(other);
  await button(other, 'Settings').click();
  const restoring = other.locator('form').filter({ has: other.getByLabel('Backup file') });
  await restoring.getByLabel('Backup file').setInputFiles(file);
  await restoring.getByLabel('Backup passphrase').fill(passphrase);
  await restoring.getByRole('button', { name: 'Restore' }).click();
  await expect(restoring.getByRole('status')).toContainText('Added: 2', { timeout: 30_000 });
  await backToAllSessions(other);
  await expect(sessionItems(other)).toHaveCount(1);
  await expect(sessionItems(other).first()).toContainText('Jonas');
  await expect(sessionItems(other).first()).toContainText('Visits: 2');
  await expect.poll(async () => (await storedChildren(other)).map((c) => c.id)).toEqual(['c-jonas']);
  await expect.poll(async () => (await storedSessions(other)).map((r) => r.session.child_id)).toEqual(['c-jonas', 'c-jonas']);
  await context.close();
});
