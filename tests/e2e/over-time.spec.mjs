// End-to-end: the child over time (issue 25). Two children's visits restored on a new tablet;
// from one of Mia's visits the worker opens "Over time": each question is a row, each visit a
// column, and what Mia said in one visit stays under that visit's day. Mum's over-time
// document holds only what Mia agreed Mum may see, visit by visit (the audience rule per
// entry); the full record over time holds everything; each copy is noted in the visits it
// draws from. Mum's document is printed to PDF and read back with pdftotext.
import { test, expect, button, heading, texts, filled, openVisitOf, restoreTwoChildren, downloadWith, printedPages, openSessionFolds, startSession, addWords, sharingFor, sharingChoice } from './flows.mjs';

const EN = texts('en');

const LUNCHTIMES = 'Lunchtimes at school are hard';
const DAD = 'Dad shouts at night';
const PEPPER = 'My cat Pepper';
const BIKE = 'A bike of my own';
const SWIMMING = 'Swimming on Saturdays';

/** The cells of one question's row, one per visit, oldest first. */
const cells = (page, question) =>
  page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: question }) })
    .getByRole('cell');

async function documentFor(page, label) {
  await page.getByRole('combobox', { name: EN.over_time_for_label }).selectOption({ label });
  return downloadWith(page, EN.over_time_download);
}

test('Mia over time: each visit a column, Mum reads only what each visit gave her, the full record everything', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await restoreTwoChildren(page);
  await openVisitOf(page, 'Mia', '12 May 2026');
  await button(page, EN.over_time_button).click();
  await expect(heading(page, filled(EN.over_time_title, { name: 'Mia' }))).toBeVisible();

  // Mia's three visits are the columns, oldest first; Jonas is not among them.
  const heads = page.getByRole('table').getByRole('columnheader');
  await expect(heads).toHaveText([EN.over_time_question, '3 March 2026', '12 May 2026', /^1 September 2026/]);
  await expect(heads.last()).toContainText(EN.over_time_not_finished);
  await expect(page.getByRole('table')).not.toContainText('Jonas');
  await expect(page.getByRole('table')).not.toContainText('Football with Ali');

  const worries = cells(page, /Worries/);
  await expect(worries).toHaveCount(3);
  await expect(worries.nth(0)).toContainText(LUNCHTIMES);
  await expect(worries.nth(1)).not.toContainText(LUNCHTIMES);
  await expect(worries.nth(2)).not.toContainText(LUNCHTIMES);
  await expect(worries.nth(0)).toContainText(DAD);
  await expect(worries.nth(1)).toContainText(DAD);
  const dreams = cells(page, /Dreams/);
  await expect(dreams.nth(0)).toContainText(BIKE);
  await expect(dreams.nth(1)).toContainText(BIKE);
  await expect(dreams.nth(2)).not.toContainText(BIKE);
  // The drawings are there as pictures, beside the child's words.
  const good = cells(page, /Good Things/);
  await expect(good.nth(0).getByRole('img', { name: EN.summary_drawing_alt })).toBeVisible();
  await expect(good.nth(1)).toContainText(SWIMMING);
  await page.screenshot({ path: test.info().outputPath('over-time-1024x768.png') });

  // Nothing is chosen at first: no copy for the wrong reader is one tap away.
  await expect(button(page, EN.over_time_download)).toBeDisabled();
  const readers = page.getByRole('combobox', { name: EN.over_time_for_label }).getByRole('option');
  await expect(readers).toHaveText([EN.over_time_choose, EN.over_time_full_record, EN.audience_mum, EN.audience_teacher]);

  const mum = await documentFor(page, EN.audience_mum);
  expect(mum.name).toBe('hear-me-over-time-Mia-2026-09-01-for-mum.html');
  expect(mum.html).toContain(PEPPER);
  expect(mum.html).toContain(BIKE);
  expect(mum.html).toContain(SWIMMING);
  expect(mum.html).not.toContain(DAD);
  expect(mum.html).not.toContain('Lunchtimes');
  expect(mum.html).toContain('data:image/png;base64,');
  // Each visit is under its day; one Mum may see nothing of says so, as its summary would.
  expect(mum.html).toContain('3 March 2026');
  expect(mum.html).toContain('12 May 2026');
  expect(mum.html).toContain(EN.summary_nothing_shared_here);
  expect(mum.html).not.toContain(EN.over_time_full_record_line);

  const pages = await printedPages(browser, mum.html, test.info().outputPath('over-time-mum.pdf'), 'A4');
  const printed = pages.join('\n');
  for (const words of [PEPPER, BIKE, SWIMMING]) expect(printed).toContain(words);
  expect(printed).not.toContain(DAD);
  expect(printed).not.toContain('Lunchtimes');
  for (const one of pages) expect(one).toContain(filled(EN.over_time_page_for, { name: 'Mia', audience: EN.audience_mum }));

  const full = await documentFor(page, EN.over_time_full_record);
  expect(full.name).toBe('hear-me-over-time-Mia-2026-09-01-full-record.html');
  for (const words of [LUNCHTIMES, DAD, PEPPER, BIKE, SWIMMING]) expect(full.html).toContain(words);
  for (const date of ['3 March 2026', '12 May 2026', '1 September 2026']) {
    expect(full.html).toContain(filled(EN.over_time_visit_heading, { date }));
  }
  expect(full.html).toContain('I will talk to your teacher about lunchtimes.');

  // Each copy is noted in the visits it holds something of: Mum's in March and May, not in
  // September, where Mia has said nothing yet; the full record in all three.
  await button(page, EN.back_to_session).click();
  await openSessionFolds(page);
  await button(page, EN.summary_tool).click();
  const given = page.getByRole('region', { name: EN.exports_heading });
  await expect(given).toContainText('hear-me-over-time-Mia-2026-09-01-for-mum.html');
  await expect(given).toContainText('hear-me-over-time-Mia-2026-09-01-full-record.html');
  await button(page, EN.back_to_session).click();
  await button(page, EN.all_children).click();
  await openVisitOf(page, 'Mia', '1 September 2026');
  await openSessionFolds(page);
  await button(page, EN.summary_tool).click();
  await expect(given).toContainText('hear-me-over-time-Mia-2026-09-01-full-record.html');
  await expect(given).not.toContainText('for-mum');
});

test("Jonas's over time holds Jonas's visits alone; a child seen once is offered none yet", async ({ page }) => {
  await restoreTwoChildren(page);
  await openVisitOf(page, 'Jonas', '10 April 2026');
  // Jonas has two visits: offered.
  await expect(button(page, EN.over_time_button)).toBeVisible();
  await button(page, EN.over_time_button).click();
  await expect(page.getByRole('table').getByRole('columnheader')).toHaveText([EN.over_time_question, '10 April 2026', /^20 June 2026/]);
  await expect(cells(page, /Good Things/).nth(0)).toContainText('Football with Ali');
  await expect(page.getByRole('table')).not.toContainText('Mia');

  await button(page, EN.back_to_session).click();
  await button(page, EN.all_children).click();
  await startSession(page, { name: 'Ada', age: 7 });
  await expect(heading(page, filled(EN.session_heading, { name: 'Ada' }))).toBeVisible();
  await expect(button(page, EN.over_time_button)).toHaveCount(0);
});

test('before the first copy over time for Mum holds a worry, the worker sees it and confirms it, once', async ({ page }) => {
  test.setTimeout(180_000);
  const WORRY = 'Mum cries in the kitchen';
  await restoreTwoChildren(page);
  // Jonas's June visit goes on: a worry, which he shares with Mum.
  await openVisitOf(page, 'Jonas', '20 June 2026');
  await button(page, 'Three Houses').click();
  await page.getByRole('button', { name: /^House of Worries/ }).click();
  await addWords(page, WORRY);
  await button(page, EN.back_to_houses).click();
  await button(page, EN.back_to_session).click();
  await openSessionFolds(page);
  await page.getByRole('button', { name: new RegExp(`^${EN.sharing_tool}`) }).click();
  await sharingChoice(await sharingFor(page, WORRY), EN.audience_mum).click();
  await button(page, EN.back_to_session).click();

  await button(page, EN.over_time_button).click();
  await page.getByRole('combobox', { name: EN.over_time_for_label }).selectOption({ label: EN.audience_mum });
  await button(page, EN.over_time_download).click();
  const asking = page.getByRole('dialog', { name: filled(EN.confirm_worries_title, { audience: EN.audience_mum }) });
  await expect(asking).toContainText(WORRY);
  // Not yet: nothing leaves.
  await asking.getByRole('button', { name: EN.cancel }).click();
  await expect(asking).toHaveCount(0);
  const first = await downloadWith(page, EN.over_time_download, { confirmWorries: true });
  expect(first.html).toContain(WORRY);
  expect(first.html).toContain('Football with Ali');
  expect(first.html).not.toContain('Mum is sad a lot');
  // Confirmed once, with the copy: the next copy for Mum is not asked about it again.
  const again = await downloadWith(page, EN.over_time_download);
  expect(again.html).toContain(WORRY);
});
