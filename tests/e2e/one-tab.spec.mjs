// End-to-end: one tab at a time (issue 12). A second tab (or a forgotten one) never writes
// over the first: it says Hear Me is open elsewhere, and "Use it here" makes the other tab
// save, lock and let go. Each scenario ends by checking that nothing the child made is lost.
import { PASSPHRASE } from './helpers.mjs';
import {
  test,
  expect,
  button,
  heading,
  startSession,
  addWords,
  openApp,
  unlock,
  appBar,
  lockedHeading,
  setUpHeading,
  setUpVault,
  sessionRecord,
  passphraseField,
  backToAllSessions,
  givePassphraseWhenAsked,
} from './flows.mjs';

const otherTab = (page) => page.getByRole('heading', { name: 'Hear Me is open in another tab' });
const useHere = (page) => page.getByRole('button', { name: 'Use it here' });

async function openHouse(page, name) {
  await button(page, 'Three Houses').click();
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
}

/** The list of sessions, from wherever this tab reopened. */
async function toSessionsList(page) {
  await expect(appBar(page)).toBeVisible();
  for (const back of ['Back to the houses', 'Back to the session', 'All children']) {
    if (await button(page, back).isVisible()) await button(page, back).click();
  }
  await expect(page.getByRole('list', { name: 'Children on this tablet' })).toBeVisible();
}

/** The words of every session stored, opened in Node with the passphrase. */
async function storedWords(page, passphrase = PASSPHRASE) {
  const { storedSessionEntries } = await import('./helpers.mjs');
  const entries = await storedSessionEntries(page, passphrase);
  return entries.flatMap(({ record }) =>
    Object.values(record?.session?.questions ?? {}).flatMap((answers) => answers.entries.map((e) => e.text).filter(Boolean)));
}

for (const withoutWebLocks of [false, true]) {
  const where = withoutWebLocks ? ' (a browser without Web Locks)' : '';

  test(`a second tab waits, "Use it here" takes over after the first saved and locked${where}`, async ({ page, context }) => {
    if (withoutWebLocks) await context.addInitScript(() => { delete Navigator.prototype.locks; });
    await openApp(page);
    await startSession(page, { name: 'Mira', age: 8 });
    await openHouse(page, 'House of Dreams');
    await addWords(page, 'A dog called Pepper');
    // Words still being typed in the first tab when the second takes over.
    await button(page, 'Write words').click();
    await page.getByRole('textbox', { name: /The child.s words/ }).fill('and a garden');

    const second = await context.newPage();
    await second.goto('/');
    await expect(otherTab(second)).toBeVisible();
    await expect(passphraseField(second)).toHaveCount(0);
    await useHere(second).click();
    // The first tab saved, locked, and says so; the second opens.
    await expect(otherTab(page)).toBeVisible();
    await expect(page.locator('body')).not.toContainText('Pepper');
    await unlock(second);
    // Where the first tab was, with what was being typed.
    const words = (tab) => tab.getByRole('textbox', { name: /The child.s words/ });
    await expect(words(second)).toHaveValue('and a garden');
    expect(await storedWords(second)).toEqual(expect.arrayContaining(['A dog called Pepper', 'and a garden']));
    await words(second).fill('and a garden with apples');

    // And back again: the first tab takes over; the second saves and lets go.
    await useHere(page).click();
    await expect(otherTab(second)).toBeVisible();
    await unlock(page);
    await expect(words(page)).toHaveValue('and a garden with apples');
    await button(page, 'Done').click();
    await expect(page.getByText('A dog called Pepper', { exact: true })).toBeVisible();
    expect(await storedWords(page)).toEqual(['A dog called Pepper', 'and a garden with apples']);
  });
}

test('a forgotten tab cannot undo a passphrase change, a deletion or a wipe and new set-up', async ({ page, context }) => {
  await openApp(page);
  await startSession(page, { name: 'Keep', age: 9 });
  await backToAllSessions(page);
  await startSession(page, { name: 'Gone', age: 9 });
  await backToAllSessions(page);

  // The second tab takes over, deletes one session and changes the passphrase.
  const second = await context.newPage();
  await second.goto('/');
  await useHere(second).click();
  await unlock(second);
  await button(second, 'Gone: all visits').click();
  await button(second, 'Delete this child').click();
  await second.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await button(second, 'Settings').click();
  await second.getByLabel('The current passphrase', { exact: true }).fill(PASSPHRASE);
  await second.getByLabel('The new passphrase', { exact: true }).fill('the second passphrase');
  await second.getByLabel('The new passphrase again', { exact: true }).fill('the second passphrase');
  await button(second, 'Change the passphrase').click();
  await expect(second.getByText('The passphrase is changed.')).toBeVisible();

  // The forgotten first tab comes back: wrong tries with the old passphrase are counted on
  // the stored vault, which keeps the new passphrase; the deleted session stays deleted.
  await useHere(page).click();
  await expect(lockedHeading(page)).toBeVisible();
  await passphraseField(page).fill(PASSPHRASE);
  await button(page, 'Unlock').click();
  await expect(page.getByRole('alert')).toHaveText('That passphrase is not right. Please try again.');
  await unlock(page, 'the second passphrase');
  await toSessionsList(page);
  await expect(page.getByRole('list', { name: 'Children on this tablet' })).toContainText('Keep');
  await expect(page.getByRole('list', { name: 'Children on this tablet' })).not.toContainText('Gone');

  // The second tab wipes and sets up anew; the first, coming back, finds the new set-up and
  // nothing it writes can make the new sessions unreadable.
  await useHere(second).click();
  await unlock(second, 'the second passphrase');
  await toSessionsList(second);
  await button(second, 'Settings').click();
  await button(second, 'Wipe this device').click();
  await givePassphraseWhenAsked(second, 'the second passphrase');
  await second.getByRole('textbox', { name: /To confirm, type the word/ }).fill('wipe');
  await second.getByRole('dialog').getByRole('button', { name: 'Wipe this device' }).click();
  await setUpVault(second, { passphrase: 'a third passphrase' });
  await startSession(second, { name: 'After', age: 6 });
  await openHouse(second, 'House of Good Things');
  await addWords(second, 'Swimming');
  await useHere(page).click();
  await unlock(page, 'a third passphrase');
  await toSessionsList(page);
  await expect(page.getByRole('list', { name: 'Children on this tablet' })).toContainText('After');
  expect(await storedWords(page, 'a third passphrase')).toEqual(['Swimming']);
});
