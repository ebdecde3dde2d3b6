// End-to-end: two languages in one session (issue 15). The worker picks the child's language
// on the start form and may change it during the session; everything the child sees (the
// tool, its houses, drawing, the child-mode bar) is in the child's language, while the
// worker's screens (the session, the summary, the lock bar, the PIN) stay in the worker's.
// The texts are read from locales/*.json, so the test checks what the app shows.
import fs from 'node:fs';
import { PIN } from './helpers.mjs';
import {
  test,
  expect,
  button,
  heading,
  startForm,
  openApp,
  appBar,
  sessionRecord,
  reloadAndUnlock,
  openSessionFolds,
  inConversationDetails,
} from './flows.mjs';

const texts = (code) => JSON.parse(fs.readFileSync(`locales/${code}.json`, 'utf8'));
const de = texts('de');
const fr = texts('fr');
const childsLanguage = (page) => page.getByRole('combobox', { name: "The child's language", exact: true });
// A house's door, named by the house (no own name is given here).
const houseButton = (page, name) => page.getByRole('button', { name, exact: true });

test("the child's screens are in the child's language, the worker's in the worker's", async ({ page }) => {
  await openApp(page);

  // The start form offers every language, each in itself, and starts with the worker's.
  const form = startForm(page);
  await expect(childsLanguage(page)).toHaveValue('en');
  await expect(childsLanguage(page).locator('option')).toHaveText([
    'English', 'العربية', 'Deutsch', 'Français', 'Polski', 'Română', 'Türkçe', 'Українська',
  ]);
  await form.name.fill('Mia');
  await childsLanguage(page).selectOption('de');
  await form.start.click();

  // The session screen is the worker's: English.
  await expect(heading(page, 'Session with Mia')).toBeVisible();
  await expect.poll(async () => (await sessionRecord(page, 'Mia'))?.session?.child_language).toBe('de');

  // The tool is the child's: German, marked as German for the browser and assistive technology.
  await button(page, 'Three Houses').click();
  await expect(heading(page, de.houses_heading)).toBeVisible();
  for (const house of [de.house_worries, de.house_good_things, de.house_dreams]) {
    await expect(houseButton(page, house)).toBeVisible();
  }
  await expect(page.locator('.childs-language')).toHaveAttribute('lang', 'de');
  await expect(page.locator('.childs-language')).toHaveAttribute('dir', 'ltr');
  // The worker's own buttons in the bar stay in the worker's language.
  await expect(appBar(page).getByRole('button', { name: 'Lock', exact: true })).toBeVisible();

  // A house and its prompt, in German.
  await houseButton(page, de.house_worries).click();
  await expect(page.getByText(de.prompt_worries)).toBeVisible();
  await button(page, de.back_to_houses).click();

  // Child mode: the child's bar is the child's; handing over, the way back to the worker and
  // the PIN are the worker's (see also childs-bar.spec.mjs).
  await button(page, 'Give to the child').click();
  await expect(appBar(page).getByRole('group', { name: de.childs_pace })).toBeVisible();
  await expect(appBar(page).getByRole('button', { name: de.pace_stop, exact: true })).toBeVisible();
  await appBar(page).getByRole('button', { name: 'Worker', exact: true }).click();
  const pin = page.getByRole('dialog', { name: 'Worker PIN, please' });
  await pin.getByLabel('Worker PIN').fill(PIN);
  await pin.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page, de.houses_heading)).toBeVisible();
  await button(page, 'Back to the session').click();
  await expect(heading(page, 'Session with Mia')).toBeVisible();

  // During the session the worker changes the child's language, in "About this conversation"
  // (its one field there): the tool follows at once.
  await inConversationDetails(page, (details) => details.getByRole('combobox', { name: "The child's language", exact: true }).selectOption('fr'));
  await expect.poll(async () => (await sessionRecord(page, 'Mia'))?.session?.child_language).toBe('fr');
  await button(page, 'Three Houses').click();
  await expect(heading(page, fr.houses_heading)).toBeVisible();
  await expect(houseButton(page, fr.house_worries)).toBeVisible();

  // Kept across a reload; the worker's screens are still English, the child's French.
  await reloadAndUnlock(page);
  await expect(heading(page, fr.houses_heading)).toBeVisible();
  await button(page, 'Back to the session').click();
  await expect(heading(page, 'Session with Mia')).toBeVisible();
  await inConversationDetails(page, (details) => expect(details.getByRole('combobox', { name: "The child's language", exact: true })).toHaveValue('fr'));
  await openSessionFolds(page);
  await button(page, 'Summary').click();
  await expect(button(page, 'Back to the session')).toBeVisible();
  await expect(page.locator('.childs-language')).toHaveCount(0);
});

test('dates are written in words as the worker\'s language writes them', async ({ page }) => {
  await openApp(page);
  const form = startForm(page);
  await form.name.fill('Ben');
  await form.start.click();
  await expect(heading(page, 'Session with Ben')).toBeVisible();
  // A quick start is today; the day is corrected in "About this conversation".
  await inConversationDetails(page, (details) => details.getByLabel('Date', { exact: true }).fill('2026-11-26'));
  await button(page, 'All children').click();
  const row = page.getByRole('listitem').filter({ hasText: 'Ben' });
  // The child's row says when the last visit was ("Last visit: 26 November 2026").
  await expect(row.getByText(/(^|: )26 November 2026$/)).toBeVisible();
  await page.getByRole('button', { name: 'Deutsch', exact: true }).click();
  await expect(row.getByText(/(^|: )26\. November 2026$/)).toBeVisible();
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(row.getByText(/(^|: )26 November 2026$/)).toBeVisible();
});

test("a family's summary can name its headings in the family's language too; the court's cannot", async ({ page }) => {
  await openApp(page);
  const form = startForm(page);
  await form.name.fill('Lena');
  await childsLanguage(page).selectOption('de');
  await form.start.click();
  await expect(heading(page, 'Session with Lena')).toBeVisible();
  await openSessionFolds(page);
  await button(page, 'Summary').click();
  const summaryFor = page.getByRole('combobox', { name: 'Summary for' });
  const bilingual = page.getByRole('checkbox', { name: "Headings also in Deutsch, the family's language" });
  const frame = page.frameLocator('iframe.summary-frame');

  await summaryFor.selectOption({ label: 'Mum' });
  await expect(bilingual).not.toBeChecked();
  await expect(frame.getByRole('heading', { name: 'House of Worries', exact: true })).toBeVisible();
  await bilingual.check();
  await expect(frame.getByRole('heading', { name: `House of Worries / ${de.house_worries}`, exact: true })).toBeVisible();
  // The file stays in the worker's language, with the family's beside it.
  await expect(frame.locator('html')).toHaveAttribute('lang', 'en');

  // Not offered for the court, nor for the worker's full record.
  await summaryFor.selectOption({ label: 'The judge / the court' });
  await expect(bilingual).toHaveCount(0);
  await expect(frame.getByRole('heading', { name: 'House of Worries', exact: true })).toBeVisible();
  await summaryFor.selectOption({ label: "Everything: the worker's full record" });
  await expect(bilingual).toHaveCount(0);
});
