// End-to-end: nothing the child said is lost (issue 22). In child mode an earlier entry is
// looked at, never emptied or cleared; a change the worker makes during the conversation is
// in the full record with before, after and when, and not in Mum's summary; after the end
// there is no Draw, Write words or Delete.
import {
  test, expect, button, heading, startSession, addWords, openApp, openDrawing, texts, filled,
  wordsBox, entryItems, drawingArea,
  sharingFor,
  openSessionFolds,
} from './flows.mjs';
import { drawWithTouch, PIN } from './helpers.mjs';

const EN = texts('en');
const house = (page, name) => page.getByRole('button', { name: new RegExp(`^${name}`) });
const before = (text) => text.split('{{')[0].trim();
/** A text's words after its last placeholder. */
const after = (text) => text.split('}}').pop().replace(/^[:\s]+/, '');

/** The worker makes words and a drawing in the House of Worries. */
async function wordsAndDrawing(page) {
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 8, worker: 'Sam Kaya' });
  await button(page, 'Three Houses').click();
  await house(page, 'House of Worries').click();
  await addWords(page, 'Papa schreit');
  const canvas = await openDrawing(page);
  await drawWithTouch(page, canvas, [[0.2, 0.3], [0.7, 0.6]]);
  await button(page, 'Done').click();
  await expect(entryItems(page)).toHaveCount(2);
}

/** The child stops; the worker takes the tablet back with the PIN. */
async function workerTakesOver(page) {
  await page.getByRole('group', { name: EN.childs_pace }).getByRole('button', { name: EN.pace_stop }).click();
  await page.getByRole('dialog', { name: EN.stopped_heading }).getByRole('button', { name: EN.worker_takes_over }).click();
  const pin = page.getByRole('dialog', { name: 'Worker PIN, please' });
  await pin.getByLabel('Worker PIN').fill(PIN);
  await pin.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page, 'Session with Mia')).toBeVisible();
}

test('in child mode an earlier entry cannot be emptied or cleared, and a worker change during the conversation is in the full record', async ({ page }) => {
  test.setTimeout(120_000);
  await wordsAndDrawing(page);
  await button(page, EN.back_to_houses).click();
  await button(page, 'Give to the child').click();
  await house(page, 'House of Worries').click();

  // Looked at, not opened to change; no Delete for the child.
  for (const number of [1, 2]) {
    await expect(button(page, filled(EN.open_entry, { number }))).toHaveCount(0);
    await expect(button(page, filled(EN.delete_entry, { number }))).toHaveCount(0);
    await expect(button(page, filled(EN.take_out_entry, { number }))).toBeVisible();
  }
  // The caption, who said it and the worker's question are the worker's, when the tablet is back.
  await expect(page.getByRole('textbox', { name: EN.caption_label })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: EN.worker_question_label })).toHaveCount(0);
  await expect(page.getByRole('radio')).toHaveCount(0);

  await button(page, filled(EN.look_at_entry, { number: 1 })).click();
  await expect(wordsBox(page)).toHaveValue('Papa schreit');
  await expect(wordsBox(page)).not.toBeEditable();
  await expect(page.getByRole('radio', { name: 'Child wrote', exact: true })).toBeDisabled();
  await expect(page.getByText(EN.kept_as_made)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('child-looks-at-words.png') });
  await button(page, 'Done').click();

  await button(page, filled(EN.look_at_entry, { number: 2 })).click();
  await expect(page.getByText(EN.kept_as_made)).toBeVisible();
  await expect(button(page, EN.clear)).toHaveCount(0);
  await expect(button(page, EN.eraser)).toHaveCount(0);
  await expect(drawingArea(page)).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('child-looks-at-drawing.png') });
  await button(page, 'Done').click();
  await expect(entryItems(page)).toHaveCount(2);

  // The child adds something new: that is theirs to write.
  await addWords(page, 'Ich will zu Oma');
  await expect(entryItems(page)).toHaveCount(3);

  // The worker changes the words during the conversation.
  await workerTakesOver(page);
  await button(page, 'Three Houses').click();
  await house(page, 'House of Worries').click();
  await button(page, filled(EN.open_entry, { number: 1 })).click();
  await wordsBox(page).fill('Papa schreit manchmal');
  await button(page, 'Done').click();
  await expect(page.getByText('Papa schreit manchmal', { exact: true })).toBeVisible();
  // … and clears the drawing: the drawing as it was is kept.
  await button(page, filled(EN.open_entry, { number: 2 })).click();
  await button(page, EN.clear).click();
  await page.getByRole('dialog', { name: EN.confirm_clear_title }).getByRole('button', { name: EN.clear }).click();
  await expect(button(page, EN.clear)).toBeDisabled();
  await drawWithTouch(page, drawingArea(page), [[0.5, 0.5], [0.6, 0.7]]);
  await button(page, 'Done').click();
  await button(page, EN.back_to_houses).click();

  // Mum may see the words.
  await openSessionFolds(page);
  await button(page, 'Who may see what').click();
  const words = await sharingFor(page, 'Papa schreit manchmal');
  await words.getByRole('button', { name: 'Mum', exact: true }).click();
  await expect(words.getByRole('button', { name: 'Mum', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await button(page, 'Back to the session').click();

  await openSessionFolds(page);
  await button(page, 'Summary').click();
  const summaryFor = page.getByRole('combobox', { name: 'Summary for' });
  await summaryFor.selectOption({ label: "Everything: the worker's full record" });
  const frame = page.frameLocator('iframe.summary-frame');
  const change = frame.locator('.changed').filter({ hasText: 'Papa schreit manchmal' });
  await expect(change).toHaveCount(1);
  await expect(change).toContainText(EN.summary_changed_before);
  await expect(change).toContainText('Papa schreit');
  await expect(change).toContainText(EN.summary_changed_after);
  await expect(change).toContainText('Papa schreit manchmal');
  // When: a time, not just the words of the line.
  await expect(change.locator('.changed-when')).toHaveText(/\d/);
  const drawn = frame.locator('.changed').filter({ hasText: after(EN.summary_changed_drawing) });
  await expect(drawn).toHaveCount(1);
  await expect(drawn.getByRole('img', { name: EN.summary_earlier_drawing })).toHaveAttribute('src', /^data:image\/png;base64,/);
  await frame.locator('li.entry').filter({ has: drawn }).screenshot({ path: test.info().outputPath('full-record-changes.png') });

  // Mum reads the words as they are now, and nothing of the change.
  await summaryFor.selectOption({ label: 'Mum' });
  await expect(frame.getByText('Papa schreit manchmal')).toBeVisible();
  await expect(frame.locator('.changed')).toHaveCount(0);
  await expect(frame.getByText(before(EN.summary_changed_words))).toHaveCount(0);
});

test('after the end there is no Draw, Write words or Delete, and a drawing is only shown', async ({ page }) => {
  await wordsAndDrawing(page);
  await button(page, EN.back_to_houses).click();
  await button(page, EN.back_to_session).click();
  await openSessionFolds(page);
  await button(page, EN.finish_button).click();
  await page.getByRole('dialog').getByRole('button', { name: EN.finish_button, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`^${before(EN.finished_mark)}`) })).toBeVisible();
  await button(page, 'Three Houses').click();
  await house(page, 'House of Worries').click();
  await expect(entryItems(page)).toHaveCount(2);
  await expect(button(page, 'Draw')).toHaveCount(0);
  await expect(button(page, 'Write words')).toHaveCount(0);
  for (const number of [1, 2]) {
    await expect(button(page, filled(EN.delete_entry, { number }))).toHaveCount(0);
  }
  // The words open to be amended, never typed over; the drawing is not opened at all.
  await expect(button(page, filled(EN.open_entry, { number: 2 }))).toHaveCount(0);
  await button(page, filled(EN.open_entry, { number: 1 })).click();
  await expect(wordsBox(page)).not.toBeEditable();
  await expect(button(page, EN.amend_button)).toBeVisible();
});
