// End-to-end: sharing that cannot hurt the child (issue 11). A summary for an audience holds
// only what the child agreed to share with it, less what the worker holds back, plus what the
// worker deliberately adds for it; the worker's duty is recorded apart from the child's wish,
// and every print and download is noted.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import {
  test,
  expect,
  button,
  heading,
  startSession,
  addWords,
  sessionRecord,
  openApp,
  sharingFor,
  sharingChoice as choice,
  walkToWhoWillSee,
  openSessionFolds,
} from './flows.mjs';

const houseButton = (page, name) => page.getByRole('button', { name: new RegExp(`^${name}`) });
/** A row on the worker's screen of holds and passings-on. */
const entry = (page, text) => page.getByRole('listitem').filter({ hasText: text });

async function localToday(page) {
  return page.evaluate(() => {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });
}

/**
 * Downloads the summary chosen on screen; gives its file name and text. `confirmWorries`: the
 * first copy for a family reader that holds worries is confirmed first (issue 22).
 */
async function download(page, { confirmWorries = false } = {}) {
  const downloading = page.waitForEvent('download');
  await button(page, 'Download summary').click();
  if (confirmWorries) await button(page, 'Safe for this reader: continue').click();
  const file = await downloading;
  return { name: file.suggestedFilename(), html: fs.readFileSync(await file.path(), 'utf8') };
}

/** Prints a summary file to a PDF with small pages, and gives the text of each page. */
async function printedPages(browser, html, path) {
  const offline = await browser.newContext({ javaScriptEnabled: false });
  const file = await offline.newPage();
  await file.setContent(html);
  await file.pdf({ path, format: 'A6' });
  await offline.close();
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((page) => page.trim() !== '');
}

const WORDS = ['SHARED-WITH-MUM', 'HELD-FROM-MUM', 'KEPT-PRIVATE', 'NOT-DECIDED', 'PASSED-TO-COURT'];

test('sharing is safe: Mum reads only what the child agreed and the worker did not hold back; the full record keeps the duty', async ({ page, browser }) => {
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 8, worker: 'Sam' });

  // Dad does not apply to this child: the worker turns him off before the child is asked.
  await openSessionFolds(page);
  await button(page, 'People the child can choose').click();
  const people = page.getByRole('dialog', { name: 'People the child can choose' });
  await people.getByRole('checkbox', { name: 'Dad' }).uncheck();
  await people.getByRole('button', { name: 'Done' }).click();

  await button(page, 'Three Houses').click();
  await page.getByRole('button', { name: /^Give House of Worries your own name/ }).click();
  await page.getByRole('textbox', { name: 'House name' }).fill('SECRET-HOUSE');
  await button(page, 'Use this name').click();
  await houseButton(page, 'SECRET-HOUSE').click();
  for (const words of WORDS) await addWords(page, words);
  await button(page, 'Back to the houses').click();

  // The child decides. The screen says where the wish ends, and "Nobody else" is the wish.
  await openSessionFolds(page);
  await button(page, 'Who may see what').click();
  await expect(heading(page, 'Who may see what?')).toBeVisible();
  await expect(page.getByRole('note')).toContainText('I have to tell someone whose job is to help. I will try to tell you first, and I will always tell you what happens.');
  // One entry at a time, in the order made.
  const shared = await sharingFor(page, 'SHARED-WITH-MUM');
  await expect(choice(shared, 'Dad')).toHaveCount(0);
  await expect(choice(shared, 'My foster carer')).toBeVisible();
  await choice(shared, 'Mum').click();
  const heldOne = await sharingFor(page, 'HELD-FROM-MUM');
  await choice(heldOne, 'Mum').click();
  await choice(heldOne, 'The judge / the court').click();
  await choice(await sharingFor(page, 'KEPT-PRIVATE'), 'Nobody else').click();
  const passedOne = await sharingFor(page, 'PASSED-TO-COURT');
  await choice(passedOne, 'Nobody else').click();
  await expect(choice(passedOne, 'Nobody else')).toHaveAttribute('aria-pressed', 'true');

  // The child hears it back, last: Mum will see two things, the court one.
  await walkToWhoWillSee(page);
  await expect(heading(page, 'Who will see what')).toBeVisible();
  const mum = page.getByRole('region', { name: 'Mum', exact: true });
  const court = page.getByRole('region', { name: 'The judge / the court' });
  await expect(mum.locator('.childs-words')).toHaveText(['SHARED-WITH-MUM', 'HELD-FROM-MUM']);
  await expect(court.locator('.childs-words')).toHaveText(['HELD-FROM-MUM']);
  await expect(page.getByText('KEPT-PRIVATE')).toHaveCount(0);
  await expect(page.getByText('SECRET-HOUSE')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('who-will-see-1024x768.png') });
  await button(page, 'Back to who may see what').click();
  await button(page, 'Back to the session').click();

  // The summary starts on nothing chosen: no Print, no Download yet.
  await openSessionFolds(page);
  await button(page, 'Summary').click();
  const summaryFor = page.getByRole('combobox', { name: 'Summary for' });
  await expect(button(page, 'Print')).toBeDisabled();
  await expect(button(page, 'Download summary')).toBeDisabled();
  await expect(page.locator('iframe.summary-frame')).toHaveCount(0);
  await summaryFor.selectOption({ label: "Everything: the worker's full record" });
  await expect(button(page, 'Download summary')).toBeEnabled();
  // The place and who was there are written once, in "About this conversation".
  await openSessionFolds(page);
  await button(page, 'About this conversation').click();
  const details = page.getByRole('dialog', { name: 'About this conversation' });
  await details.getByRole('textbox', { name: 'Place', exact: true }).fill('SECRET-PLACE');
  await details.getByRole('button', { name: 'Add a person', exact: true }).click();
  await details.getByRole('textbox', { name: 'Name', exact: true }).fill('SECRET-PRESENT');
  await details.getByRole('button', { name: 'Done', exact: true }).click();
  const reflection = page.getByRole('textbox', { name: /Worker's reflection/ });
  await reflection.fill('SECRET-REFLECTION');
  await reflection.blur();

  // The worker's duty, apart from the child's wish: a hold and a passing-on, with reasons.
  await button(page, 'Held back and passed on').click();
  await expect(heading(page, 'Held back and passed on')).toBeVisible();
  await entry(page, 'HELD-FROM-MUM').getByRole('button', { name: 'Hold back…' }).click();
  let dialog = page.getByRole('dialog', { name: 'Hold back from someone the child chose' });
  await dialog.getByRole('button', { name: 'Record' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Please choose who.');
  await dialog.getByRole('combobox', { name: 'From whom' }).selectOption({ label: 'Mum' });
  await dialog.getByRole('button', { name: 'Record' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Please write the reason.');
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('REASON-HOLD: no protection plan yet');
  await dialog.getByRole('button', { name: 'Record' }).click();
  await expect(dialog).toBeHidden();
  await expect(entry(page, 'HELD-FROM-MUM')).toContainText('REASON-HOLD');

  await entry(page, 'PASSED-TO-COURT').getByRole('button', { name: 'Passed on without agreement…' }).click();
  dialog = page.getByRole('dialog', { name: "Passed on without the child's agreement" });
  await dialog.getByRole('combobox', { name: 'To whom' }).selectOption({ label: 'The judge / the court' });
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('REASON-PASSED: §8a SGB VIII');
  await dialog.getByRole('button', { name: 'Record' }).click();
  await expect(dialog).toBeHidden();
  const passedRow = entry(page, 'PASSED-TO-COURT');
  await expect(passedRow).toContainText('The child has not been told yet.');
  await passedRow.getByRole('button', { name: 'Record that the child was told' }).click();
  await expect(passedRow).toContainText('The child was told on');
  await page.screenshot({ path: test.info().outputPath('held-back-and-passed-on-1024x768.png'), fullPage: true });

  // Stored apart from the child's wish, which stays as the child said it.
  const worries = (await sessionRecord(page, 'Mia')).session.questions.worries;
  const held = worries.entries.find((e) => e.text === 'HELD-FROM-MUM');
  expect(held.sharing.decision).toEqual({ shared_with: ['mum', 'court'] });
  expect(held.sharing.holds).toMatchObject([{ from: 'mum', reason: 'REASON-HOLD: no protection plan yet', decided_by: 'Sam' }]);
  const passed = worries.entries.find((e) => e.text === 'PASSED-TO-COURT');
  expect(passed.sharing.decision).toBe('private');
  expect(passed.sharing.passed_on).toMatchObject([{ to: 'court', child_told_on: await localToday(page) }]);

  // Mum's summary: only what was shared with her and not held back, and the worker's note.
  await openSessionFolds(page);
  await button(page, 'Summary').click();
  await expect(button(page, 'Download summary')).toBeDisabled();
  await summaryFor.selectOption({ label: 'Mum' });
  const shownBoxes = page.getByRole('group', { name: 'What this summary names' });
  for (const name of ['Place', 'Who was there', 'Worker', 'Tools used']) {
    await expect(shownBoxes.getByRole('checkbox', { name })).not.toBeChecked();
  }
  const note = page.getByRole('textbox', { name: /For the people who read this summary/ });
  await note.fill('NOTE-FOR-MUM');
  await note.blur();
  const frame = page.frameLocator('iframe.summary-frame');
  await expect(frame.getByText('NOTE-FOR-MUM')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('summary-for-mum-1024x768.png') });
  const today = await localToday(page);
  const forMum = await download(page, { confirmWorries: true });
  expect(forMum.name).toBe(`hear-me-summary-Mia-${today}-for-mum.html`);
  expect(forMum.html).toContain('SHARED-WITH-MUM');
  expect(forMum.html).toContain('NOTE-FOR-MUM');
  for (const secret of ['HELD-FROM-MUM', 'KEPT-PRIVATE', 'NOT-DECIDED', 'PASSED-TO-COURT', 'SECRET-HOUSE',
    'SECRET-PLACE', 'SECRET-PRESENT', 'SECRET-REFLECTION', 'REASON-HOLD', 'REASON-PASSED', 'Sam', 'Nobody else']) {
    expect(forMum.html, `Mum's file must not hold ${secret}`).not.toContain(secret);
  }
  expect(forMum.html).not.toMatch(/<script/i);

  // The full record: everything, with the reflection, the hold and the passing-on and why.
  await summaryFor.selectOption({ label: "Everything: the worker's full record" });
  const full = await download(page);
  expect(full.name).toBe(`hear-me-summary-Mia-${today}-full-record.html`);
  for (const text of [...WORDS, 'SECRET-HOUSE', 'SECRET-PLACE', 'SECRET-PRESENT', 'SECRET-REFLECTION',
    'REASON-HOLD: no protection plan yet', 'REASON-PASSED: §8a SGB VIII', 'Held back by the worker from',
    "Passed on without the child&#39;s agreement to", 'Given to']) {
    expect(full.html, `the full record holds ${text}`).toContain(text);
  }
  expect(full.html).not.toContain('NOTE-FOR-MUM');
  expect(full.html, "Mum's download is listed in the full record").toMatch(/<bdi>Mum<\/bdi> — downloaded [^<]*· <bdi>hear-me-summary-Mia-[\d-]+-for-mum\.html<\/bdi>/);

  // Printing is noted too. The browser's print dialog is replaced here, in the summary's frame.
  await page.evaluate(() => {
    const frame = document.querySelector('iframe.summary-frame');
    frame.contentWindow.print = () => { window.printedFromSummary = (window.printedFromSummary ?? 0) + 1; };
  });
  await button(page, 'Print').click();
  expect(await page.evaluate(() => window.printedFromSummary)).toBe(1);

  // What left the tablet, on screen too: every download and print, newest first.
  const exports = page.getByRole('region', { name: 'What left the tablet' });
  await expect(exports.getByRole('listitem')).toHaveCount(3);
  await expect(exports.getByRole('listitem').first()).toContainText('The full record — printed');
  await expect(exports.getByRole('listitem').nth(1)).toContainText('The full record — downloaded');
  await expect(exports.getByRole('listitem').last()).toContainText('Mum — downloaded');
  const stored = (await sessionRecord(page, 'Mia')).session;
  expect(stored.exports.map((e) => [e.audience ?? null, e.kind, e.file_name])).toEqual([
    ['mum', 'downloaded', forMum.name],
    [null, 'downloaded', full.name],
    [null, 'printed', full.name],
  ]);
  expect(stored.reflection).toBe('SECRET-REFLECTION');
  expect(stored.worker_notes).toBeUndefined();

  // Printed, every page says whose it is and who it is for.
  const mumPages = await printedPages(browser, forMum.html, test.info().outputPath('for-mum.pdf'));
  for (const [at, text] of mumPages.entries()) expect(text, `page ${at + 1}`).toContain('Mia · Summary for: Mum');
  const fullPages = await printedPages(browser, full.html, test.info().outputPath('full-record.pdf'));
  expect(fullPages.length).toBeGreaterThan(1);
  for (const [at, text] of fullPages.entries()) {
    expect(text, `page ${at + 1}`).toContain("Mia · The worker's full record, not for the family");
  }
});

test('the sharing screens fit a tablet either way up, and nothing is cut off', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Zoë-Marie', age: 6, worker: 'Sam' });
  await button(page, 'Three Houses').click();
  await houseButton(page, 'House of Good Things').click();
  await addWords(page, 'Swimming with my big sister on Saturdays');
  await button(page, 'Back to the houses').click();
  await openSessionFolds(page);
  await button(page, 'Who may see what').click();
  const item = await sharingFor(page, 'Swimming with my big sister on Saturdays');
  for (const name of ['Mum', 'My brother or sister', 'My foster carer', 'My guardian', 'My advocate']) {
    await choice(item, name).click();
  }
  const shots = [];
  for (const [width, height] of [[1024, 768], [768, 1024]]) {
    await page.setViewportSize({ width, height });
    for (const [where, open] of [
      ['who-may-see', async () => {}],
      ['who-will-see', () => walkToWhoWillSee(page)],
    ]) {
      await open();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${where} at ${width}×${height} needs no sideways scrolling`).toBeLessThanOrEqual(0);
      // Every choice is a target a child can hit: at least 48 CSS px each way.
      for (const box of await page.locator('button:visible').evaluateAll((buttons) =>
        buttons.map((b) => { const r = b.getBoundingClientRect(); return [b.textContent.trim(), r.width, r.height]; }))) {
        expect(Math.min(box[1], box[2]), `${box[0]} on ${where}`).toBeGreaterThanOrEqual(48);
      }
      const path = test.info().outputPath(`${where}-${width}x${height}.png`);
      await page.screenshot({ path });
      shots.push(path);
      if (where === 'who-will-see') await button(page, 'Back to who may see what').click();
    }
  }
  // Back from who will see what is the walk's last entry.
  await expect(page.getByRole('group', { name: 'Who may see \u201cSwimming with my big sister on Saturdays\u201d?' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'My guardian' })).toHaveCount(0);
  await walkToWhoWillSee(page);
  await expect(page.getByRole('region', { name: 'My guardian' })).toContainText('Swimming with my big sister');
  expect(shots).toHaveLength(4);
});
