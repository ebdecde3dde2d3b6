// End-to-end: one conversation as practice runs it (issue 16), from the details at the start
// to the printed record. Details, "Before we start", child mode with Pass, Break, Stop and a
// take-out, a caption, a read-back mark, finishing and an amendment; then the full record and
// the houses poster are printed to PDF and read back with pdftotext, for each of these.
import { PIN, drawWithTouch } from './helpers.mjs';
import {
  test,
  expect,
  button,
  heading,
  startSession,
  addWords,
  openApp,
  openDrawing,
  entryItems,
  downloadWith,
  printedPages,
  texts,
  filled,
  sharingFor,
  openSessionFolds,
} from './flows.mjs';

const EN = texts('en');
const house = (page, name) => page.getByRole('button', { name: new RegExp(`^${name}`) });
/** A text's words before its first placeholder: what a printed line starts with. */
const before = (text) => text.split('{{')[0].trim();
const flat = (text) => text.replace(/\s+/g, ' ');

test('a whole conversation: details, Before we start, the child\'s pace, a take-out, a caption, read-back, the end and an amendment, all in the printed record', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await startSession(page, { name: 'Ada', age: 7, worker: 'Sam Kaya' });

  // Before: the details of the conversation.
  await openSessionFolds(page);
  await button(page, EN.details_heading).click();
  const details = page.getByRole('dialog', { name: EN.details_heading });
  await details.getByRole('textbox', { name: 'Place', exact: true }).fill('Family room at the office');
  await details.getByRole('button', { name: EN.add_person, exact: true }).click();
  await details.getByRole('list', { name: EN.people_heading }).getByRole('textbox', { name: EN.person_label }).fill('Aunt Rosa');
  await details.getByRole('radio', { name: EN.where_nearby }).check();
  await details.getByRole('textbox', { name: EN.conversation_language_label }).fill('Portuguese');
  await details.getByRole('textbox', { name: EN.interpreter_name_label }).fill('Samir Haddad');
  await details.getByRole('textbox', { name: EN.interpreter_role_label }).fill('Community interpreter');
  await details.getByRole('textbox', { name: new RegExp(`^${EN.informed_by_label}`) }).fill('Sam Kaya');
  await details.getByLabel(EN.informed_on_label).fill('2026-11-20');
  await details.getByRole('radio', { name: EN.consent_given }).check();
  await details.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(details).toHaveCount(0);

  // "Before we start", the version for a 7-year-old, marked as talked through.
  await page.getByRole('button', { name: new RegExp(`^${EN.before_open}`) }).click();
  await expect(heading(page, EN.before_heading)).toBeVisible();
  await expect(page.getByText(filled(EN.before_younger_who, { worker: '\u2068Sam Kaya\u2069' }))).toBeVisible();
  await expect(page.getByText(EN.before_younger_limit)).toBeVisible();
  await button(page, EN.before_done).click();
  await expect(heading(page, 'Session with Ada')).toBeVisible();
  await expect(page.getByText(new RegExp(`^${before(EN.before_done_mark)}`))).toBeVisible();

  // During: the child has the tablet.
  await button(page, 'Three Houses').click();
  await button(page, 'Give to the child').click();
  const pace = page.getByRole('group', { name: EN.childs_pace });
  await house(page, 'House of Worries').click();
  await pace.getByRole('button', { name: EN.pace_pass }).click();
  await expect(page.getByRole('status').filter({ hasText: EN.pass_done })).toBeVisible();
  await button(page, EN.back_to_houses).click();
  await pace.getByRole('button', { name: EN.pace_break }).click();
  await page.getByRole('dialog', { name: EN.break_heading }).getByRole('button', { name: EN.break_back }).click();
  await house(page, 'House of Good Things').click();
  await addWords(page, 'My dog Max');
  await addWords(page, 'Football with Dad');
  const canvas = await openDrawing(page);
  await drawWithTouch(page, canvas, [[0.2, 0.4], [0.7, 0.6]]);
  await button(page, 'Done').click();
  // The caption is the worker's to write when the tablet is back: no field for it here.
  await expect(page.getByRole('textbox', { name: EN.caption_label })).toHaveCount(0);
  // The child takes the football out.
  await button(page, filled(EN.take_out_entry, { number: 2 })).click();
  await page.getByRole('dialog', { name: EN.confirm_take_out_title }).getByRole('button', { name: EN.take_out }).click();
  await expect(entryItems(page)).toHaveCount(2);
  // Read back: the words are checked with the child.
  await button(page, 'Read back').click();
  await page.getByRole('listitem').filter({ hasText: 'My dog Max' }).getByRole('button', { name: EN.read_back_checked }).click();
  await button(page, 'Done').click();
  // Stop: the worker takes over.
  await pace.getByRole('button', { name: EN.pace_stop }).click();
  await page.getByRole('dialog', { name: EN.stopped_heading }).getByRole('button', { name: EN.worker_takes_over }).click();
  const pin = page.getByRole('dialog', { name: 'Worker PIN, please' });
  await pin.getByLabel('Worker PIN').fill(PIN);
  await pin.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page, 'Session with Ada')).toBeVisible();
  // The tablet is back: the worker writes what the child said about the drawing.
  await button(page, 'Three Houses').click();
  await house(page, 'House of Good Things').click();
  await page.getByRole('textbox', { name: EN.caption_label }).fill('this is me and Max in the park');
  await button(page, EN.back_to_houses).click();
  await button(page, EN.back_to_session).click();

  // The child shares the dog with Mum (sharing stays open after the end, too).
  await openSessionFolds(page);
  await page.getByRole('button', { name: new RegExp(`^${EN.sharing_tool}`) }).click();
  const dog = await sharingFor(page, 'My dog Max');
  await dog.getByRole('button', { name: 'Mum', exact: true }).click();
  await button(page, EN.back_to_session).click();

  // After: the end, and an amendment with its reason.
  await openSessionFolds(page);
  await button(page, EN.finish_button).click();
  await page.getByRole('dialog').getByRole('button', { name: EN.finish_button, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`^${before(EN.finished_mark)}`) })).toBeVisible();
  await button(page, 'Three Houses').click();
  await expect(button(page, 'Give to the child')).toHaveCount(0);
  await house(page, 'House of Good Things').click();
  await button(page, 'Open entry 1').click();
  await button(page, EN.amend_button).click();
  const amend = page.getByRole('dialog', { name: EN.amend_button });
  await amend.getByRole('textbox', { name: /^The child.s words$/ }).fill('My dog Max and my cat');
  await amend.getByRole('textbox', { name: EN.amend_reason_label }).fill('Read back: Ada added her cat');
  await amend.getByRole('button', { name: EN.amend_button, exact: true }).click();
  await expect(amend).toHaveCount(0);
  await button(page, 'Done').click();
  // The caption is the child's words too: amended, with its reason.
  await expect(page.getByRole('textbox', { name: EN.caption_label })).not.toBeEditable();
  await page.locator('.caption').getByRole('button', { name: EN.amend_button }).click();
  const amendCaption = page.getByRole('dialog', { name: EN.amend_button });
  await amendCaption.getByRole('textbox', { name: EN.caption_label }).fill('this is me and Max in the big park');
  await amendCaption.getByRole('textbox', { name: EN.amend_reason_label }).fill('Ada said it was the big park');
  await amendCaption.getByRole('button', { name: EN.amend_button, exact: true }).click();
  await expect(amendCaption).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: EN.caption_label })).toHaveValue('this is me and Max in the big park');
  await button(page, EN.back_to_houses).click();
  await button(page, EN.back_to_session).click();

  // The full record, printed.
  await openSessionFolds(page);
  await button(page, 'Summary').click();
  const summaryFor = page.getByRole('combobox', { name: 'Summary for' });
  await summaryFor.selectOption({ label: "Everything: the worker's full record" });
  const full = await downloadWith(page, 'Download summary');
  const pages = await printedPages(browser, full.html, test.info().outputPath('whole-record.pdf'));
  const record = flat(pages.join(' '));
  for (const expected of [
    'Family room at the office',
    'Aunt Rosa',
    EN.where_nearby,
    'Portuguese',
    'Samir Haddad',
    'Community interpreter',
    'Sam Kaya',
    EN.consent_given,
    before(EN.before_done_mark),
    before(EN.pace_line_stop),
    before(EN.pace_line_break),
    before(EN.pace_line_pass),
    before(EN.taken_out_mark),
    'Football with Dad',
    'this is me and Max in the big park',
    'Ada said it was the big park',
    before(EN.read_back_mark_checked),
    before(EN.finished_mark),
    'My dog Max and my cat',
    'Read back: Ada added her cat',
    EN.summary_chose_not_to_say,
    EN.summary_signature,
  ]) {
    expect(record, `the full record says "${expected}"`).toContain(flat(expected));
  }
  pages.forEach((text, at) => expect(flat(text)).toContain(`Page ${at + 1} of ${pages.length}`));

  // The poster for Mum: the dog as amended, nothing taken out, nothing of the worker's.
  await summaryFor.selectOption({ label: 'Mum' });
  await button(page, 'Houses poster').click();
  const poster = await downloadWith(page, 'Download summary');
  const [sheet] = await printedPages(browser, poster.html, test.info().outputPath('whole-poster.pdf'));
  const posterText = flat(sheet);
  expect(posterText).toContain('My dog Max and my cat');
  for (const never of ['Football with Dad', 'Samir Haddad', 'Family room', before(EN.taken_out_mark), 'Read back: Ada']) {
    expect(posterText, `the poster for Mum does not say "${never}"`).not.toContain(never);
  }
});
