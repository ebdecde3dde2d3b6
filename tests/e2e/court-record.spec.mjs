// End-to-end: the full record is court-ready (issue 22). A worker whose screens are in German
// sets the agency once in Settings, holds a conversation with a child whose language is
// Arabic, gives the case reference in "About this conversation" and prints the full record:
// it holds each question word for word as the child saw it (Arabic, the older children's
// version), how long the conversation lasted, the agency and the case reference, every date
// in words, and a signature printed together with the last part of the record. The list of
// sessions writes the day in words too.
// Run: trunk build --offline --release, then
// HEAR_ME_E2E_PORT=4205 npx playwright test tests/e2e/court-record.spec.mjs
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { test, expect, button, heading, openApp, texts, filled, downloadWith, printedPages, sessionRecord, openSessionFolds } from './flows.mjs';

const de = texts('de');
const ar = texts('ar');
const GERMAN_MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const AGENCY = 'Jugendamt Musterstadt, ASD Nord';
const CASE = 'KJ-2026-0142';
const WORDS = ['Ich spiele mit Ben', 'Papa schreit laut', 'Ich will bei Oma wohnen'];

/** Today on the tablet, as the German record writes a day: "7. Dezember 2026". */
async function todayInGerman(page) {
  const [day, month, year] = await page.evaluate(() => {
    const now = new Date();
    return [now.getDate(), now.getMonth(), now.getFullYear()];
  });
  return `${day}. ${GERMAN_MONTHS[month]} ${year}`;
}

/** Words in the open house, on the child's screens (Arabic). */
async function addChildsWords(page, text) {
  await button(page, ar.write_words).click();
  const box = page.getByRole('textbox', { name: ar.words_label });
  await box.fill(text);
  await expect(box).toHaveValue(text);
  await button(page, ar.done).click();
  await expect(page.getByRole('list', { name: ar.entries_label }).getByText(text, { exact: true })).toBeVisible();
}

/** Collapses pdftotext's layout spaces, so a line broken in two still reads as one. */
const flat = (text) => text.replace(/\s+/g, ' ');

test('the full record prints court-ready: prompts as asked, duration, agency, case reference, dates in words, signature with content', async ({ page, browser }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Deutsch', exact: true }).click();

  // Settings, once: the agency. Kept sealed, never in plain storage.
  await button(page, de.settings_heading).click();
  await expect(heading(page, de.settings_heading)).toBeVisible();
  await page.getByRole('textbox', { name: de.agency_label, exact: true }).fill(AGENCY);
  await expect(page.getByText(de.agency_hint)).toBeVisible();
  // The worker's name, once: every new session starts with it.
  await page.getByRole('textbox', { name: de.worker_name_setting_label, exact: true }).fill('Sam Kaya');
  await button(page, de.all_children).click();

  // A conversation with Mia, 12, in Arabic, on 7 December 2026.
  await page.getByRole('textbox', { name: de.child_name_label }).fill('Mia');
  await page.getByRole('spinbutton', { name: de.age_label }).or(page.getByRole('textbox', { name: de.age_label })).fill('12');
  await page.getByRole('combobox', { name: de.child_language_label, exact: true }).selectOption('ar');
  await button(page, de.start_button).click();
  await expect(heading(page, filled(de.session_heading, { name: 'Mia' }))).toBeVisible();

  // The case reference and the times, in "About this conversation".
  await openSessionFolds(page);
  await button(page, de.details_heading).click();
  const details = page.getByRole('dialog', { name: de.details_heading });
  await details.getByRole('textbox', { name: de.case_reference_label, exact: true }).fill(CASE);
  await expect(details.getByRole('textbox', { name: de.worker_label, exact: true })).toHaveValue('Sam Kaya');
  await details.getByLabel(de.date_label, { exact: true }).fill('2026-12-07');
  await details.getByLabel(de.details_started, { exact: true }).fill('09:00');
  await details.getByLabel(de.details_started, { exact: true }).blur();
  // Names, roles and the case reference are never offered to a spellchecker that may send
  // them to its maker: the whole page says so, so every field, new ones too, inherits it.
  const spellchecked = await page.evaluate(() => [...document.querySelectorAll('input, textarea')]
    .filter((field) => field.spellcheck).map((field) => field.outerHTML));
  expect(spellchecked).toEqual([]);
  await details.getByRole('button', { name: de.done, exact: true }).click();
  await expect(details).toHaveCount(0);

  // The child's words in each house; many, so the record runs over several pages.
  await button(page, de.three_houses).click();
  for (const [house, said] of [['house_worries', WORDS[1]], ['house_good_things', WORDS[0]], ['house_dreams', WORDS[2]]]) {
    await page.getByRole('button', { name: new RegExp(`^${ar[house]}`) }).click();
    await expect(page.getByText(ar[`prompt_${house.replace('house_', '')}_older`]).first()).toBeVisible();
    await addChildsWords(page, said);
    for (let n = 1; n <= 3; n++) await addChildsWords(page, `${said} (${n}) und noch etwas mehr, damit das Protokoll länger wird`);
    await button(page, ar.back_to_houses).click();
  }
  await button(page, de.back_to_session).click();

  // Finished, and the end corrected to 10:05: 1 hour 5 minutes.
  await openSessionFolds(page);
  await button(page, de.finish_button).click();
  const confirm = page.getByRole('dialog', { name: filled(de.confirm_finish_title, { name: 'Mia' }) });
  await confirm.getByRole('button', { name: de.finish_button, exact: true }).click();
  await expect(confirm).toHaveCount(0);
  await openSessionFolds(page);
  await button(page, de.details_heading).click();
  await details.getByLabel(de.details_ended, { exact: true }).fill('10:05');
  await details.getByLabel(de.details_ended, { exact: true }).blur();
  await details.getByRole('button', { name: de.done, exact: true }).click();
  await expect.poll(async () => (await sessionRecord(page, 'Mia'))?.session?.details?.ended_at).toBeGreaterThan(0);
  expect((await sessionRecord(page, 'Mia')).session.details.case_reference).toBe(CASE);

  // The session screen writes its moments with the day in words.
  const today = await todayInGerman(page);
  await expect(page.getByText(`${today}, 09:00`, { exact: true })).toBeVisible();
  await expect(page.getByText(`${today}, 10:05`, { exact: true })).toBeVisible();

  // The full record, downloaded and printed on A5 so it runs over several pages.
  await openSessionFolds(page);
  await button(page, de.summary_tool).click();
  await page.getByRole('combobox', { name: de.summary_for_label }).selectOption({ label: de.summary_full_record });
  const full = await downloadWith(page, de.download_summary);
  expect(full.html).toContain(`<q class="prompt" lang="ar" dir="rtl">${ar.prompt_worries_older}</q>`);
  expect(full.html).toContain(`<q class="prompt" lang="ar" dir="rtl">${ar.prompt_dreams_older}</q>`);
  expect(full.html).not.toContain(ar.prompt_worries);
  const pdfPath = test.info().outputPath('full-record.pdf');
  const pages = await printedPages(browser, full.html, pdfPath, 'A5');
  expect(pages.length).toBeGreaterThan(1);
  const all = flat(pages.join('\n'));
  expect(all).toContain(`${de.agency_label} ${AGENCY}`);
  expect(all).toContain(`${de.case_reference_label} ${CASE}`);
  expect(all).toContain(`${de.summary_duration} 1 Stunde 5 Minuten`);
  expect(all).toContain(`${de.date_label} 7. Dezember 2026`);
  expect(all).toContain(`${today}, 09:00`);
  expect(all).toContain(`${today}, 10:05`);
  expect(all).toContain(`${de.summary_prompt_asked}:`);
  for (const said of WORDS) expect(all).toContain(said);
  // No date in digits anywhere in the record.
  expect(all).not.toMatch(/\b\d{1,2}[./]\d{1,2}[./]\d{4}\b/);
  expect(all).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b(?!-full)/);
  // The Arabic prompt is printed in Arabic script (its words, in whatever order the PDF's
  // text layer gives them).
  for (const word of ar.prompt_worries_older.replace(/[؟?]/g, '').split(/\s+/).slice(0, 3)) {
    expect(all).toContain(word);
  }

  // The last page holds the signature and, with it, the last part of the record.
  const last = flat(pages[pages.length - 1]);
  expect(last).toContain(de.summary_signature);
  expect(last).toContain(de.summary_given_to);
  expect(last).toContain(`Sam Kaya · ${today}`);
  expect(last).toContain(AGENCY);

  // Each page as a picture, for a look.
  fs.mkdirSync('/work/shots', { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '50', pdfPath, '/work/shots/full-record']);

  // The agency is nowhere in plain storage.
  const stored = await page.evaluate(async () => {
    const texts = [];
    for (let i = 0; i < localStorage.length; i++) texts.push(localStorage.getItem(localStorage.key(i)));
    return texts.join('\n');
  });
  expect(stored).not.toContain('Musterstadt');

  // A summary for the court holds neither the agency nor the case reference.
  await page.getByRole('combobox', { name: de.summary_for_label }).selectOption({ label: de.audience_court });
  const court = page.frameLocator('iframe.summary-frame');
  await expect(court.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(court.locator('body')).not.toContainText(AGENCY);
  await expect(court.locator('body')).not.toContainText(CASE);

  // The list of sessions writes the day in words.
  await button(page, de.back_to_session).click();
  await button(page, de.all_children).click();
  const row = page.getByRole('list', { name: de.children_heading }).getByRole('listitem').filter({ hasText: 'Mia' });
  await expect(row.getByText(de.last_visit.replace('{{ date }}', '7. Dezember 2026'), { exact: true })).toBeVisible();

  // The agency stays set after a reload, read from the sealed index.
  await page.reload();
  await openApp(page, { goto: false });
  await button(page, de.settings_heading).click();
  await expect(page.getByRole('textbox', { name: de.agency_label, exact: true })).toHaveValue(AGENCY);
});
