// End-to-end: the child's pace and the child's say over what they gave (issue 16, "During").
// In child mode Stop, Break and Pass are always in reach and each is logged with its time;
// a child takes an entry out instead of deleting it, and the worker still sees it, marked;
// read-back marks; the order the child went through the houses; prompts for the child's age.
import { PIN, drawWithTouch } from './helpers.mjs';
import {
  test,
  expect,
  button,
  heading,
  startSession,
  addWords,
  openApp,
  entriesList,
  entryItems,
  sessionRecord,
  openDrawing,
  texts,
  filled,
  walkOn,
  openSessionFolds,
} from './flows.mjs';

const EN = texts('en');
const house = (page, name) => page.getByRole('button', { name: new RegExp(`^${name}`) });

test('p1) Stop, Break and Pass in child mode are logged; a take-out is kept for the worker; read-back marks; the order', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Lea', age: 6 });
  await button(page, 'Three Houses').click();
  await button(page, 'Give to the child').click();
  const pace = page.getByRole('group', { name: EN.childs_pace });
  await expect(pace).toBeVisible();
  await expect(pace.getByRole('button', { name: EN.pace_stop })).toBeVisible();
  await expect(pace.getByRole('button', { name: EN.pace_break })).toBeVisible();
  // Pass belongs to a house: not offered on the houses themselves.
  await expect(pace.getByRole('button', { name: EN.pace_pass })).toBeHidden();

  // The House of Worries, with the prompt for a 6-year-old: the child passes.
  await house(page, 'House of Worries').click();
  await expect(page.getByText(EN.prompt_worries)).toBeVisible();
  await pace.getByRole('button', { name: EN.pace_pass }).click();
  await expect(page.getByRole('status').filter({ hasText: EN.pass_done })).toBeVisible();
  await expect(pace.getByRole('button', { name: EN.pace_pass })).toBeHidden();
  await button(page, EN.back_to_houses).click();

  // A break: a calm screen, and back.
  await pace.getByRole('button', { name: EN.pace_break }).click();
  const breakScreen = page.getByRole('dialog', { name: EN.break_heading });
  await expect(breakScreen).toBeVisible();
  await expect(breakScreen.getByText(EN.break_text)).toBeVisible();
  await breakScreen.getByRole('button', { name: EN.break_back }).click();
  await expect(breakScreen).toHaveCount(0);

  // Good Things: two entries; the child takes the first out.
  await house(page, 'House of Good Things').click();
  await addWords(page, 'My dog Max');
  await addWords(page, 'Football on Saturdays');
  await expect(page.getByRole('button', { name: filled(EN.delete_entry, { number: 1 }) })).toHaveCount(0);
  await button(page, filled(EN.take_out_entry, { number: 1 })).click();
  const confirm = page.getByRole('dialog', { name: EN.confirm_take_out_title });
  // No worker's name was given: the version that promises nothing the worker cannot keep.
  await expect(confirm).toContainText(EN.confirm_take_out_younger_unnamed);
  await confirm.getByRole('button', { name: EN.take_out }).click();
  await expect(entriesList(page).getByText('My dog Max', { exact: true })).toHaveCount(0);
  await expect(entryItems(page)).toHaveCount(1);

  // Read back: only what is still in; marked as checked with the child.
  await button(page, 'Read back').click();
  await expect(page.getByText('My dog Max')).toHaveCount(0);
  const checked = page.getByRole('button', { name: EN.read_back_checked });
  await checked.click();
  await expect(checked).toHaveAttribute('aria-pressed', 'true');
  await button(page, 'Done').click();

  // Stop: the worker takes the tablet back with the PIN.
  await pace.getByRole('button', { name: EN.pace_stop }).click();
  const stopped = page.getByRole('dialog', { name: EN.stopped_heading });
  await expect(stopped).toBeVisible();
  await stopped.getByRole('button', { name: EN.worker_takes_over }).click();
  const pin = page.getByRole('dialog', { name: 'Worker PIN, please' });
  await pin.getByLabel('Worker PIN').fill(PIN);
  await pin.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page, 'Session with Lea')).toBeVisible();

  // Stored: the pace log, the take-out, the read-back mark, the order.
  const stored = (await sessionRecord(page, 'Lea')).session;
  const kinds = JSON.stringify(stored.pace);
  expect(kinds).toContain('pass');
  expect(kinds).toContain('break');
  expect(kinds).toContain('stop');
  const good = stored.questions.good_things.entries;
  expect(good[0].taken_out?.[0]?.at_ms).toBeGreaterThan(0);
  expect(good[1].read_back?.mark).toBe('checked');
  expect(stored.visits.map((visit) => visit.question)).toEqual(['worries', 'good_things']);

  // The worker sees what the child took out, marked, and can put it back.
  await button(page, 'Three Houses').click();
  await house(page, 'House of Good Things').click();
  await expect(entriesList(page).getByText('My dog Max', { exact: true })).toBeVisible();
  await expect(page.getByText(/^Taken out by the child at /)).toBeVisible();
  await expect(button(page, filled(EN.put_back_entry, { number: 1 }))).toBeVisible();

  // Who may see what no longer asks about what the child took out.
  await button(page, EN.back_to_houses).click();
  await button(page, EN.back_to_session).click();
  await openSessionFolds(page);
  await page.getByRole('button', { name: new RegExp(`^${EN.sharing_tool}`) }).click();
  const seen = [];
  while (!(await heading(page, 'Who will see what').count())) {
    await expect(page.getByText('My dog Max', { exact: true })).toHaveCount(0);
    seen.push(...await page.locator('.sharing-step .childs-words').allTextContents());
    await walkOn(page);
  }
  expect(seen).toContain('Football on Saturdays');
  expect(seen).not.toContain('My dog Max');
});

test('p2) an older child hears the older prompts, and a caption keeps the child\'s words about a drawing', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Sam', age: 13 });
  await button(page, 'Three Houses').click();
  await house(page, 'House of Dreams').click();
  await expect(page.getByText(EN.prompt_dreams_older)).toBeVisible();
  await expect(page.getByText(EN.prompt_dreams, { exact: true })).toHaveCount(0);
  const canvas = await openDrawing(page);
  await drawWithTouch(page, canvas, [[0.2, 0.4], [0.7, 0.6]]);
  await button(page, 'Done').click();
  const caption = page.getByRole('textbox', { name: EN.caption_label });
  await caption.fill('this is me and my dog');
  // Who said it and who wrote it: here the child wrote it.
  const voices = page.getByRole('group', { name: EN.voice_question });
  await expect(voices.getByRole('radio', { name: EN.voice_child_said })).toBeChecked();
  await voices.getByRole('radio', { name: EN.voice_child_wrote }).check();
  await expect(voices.getByRole('radio', { name: EN.voice_child_wrote })).toBeChecked();
  await expect
    .poll(async () => (await sessionRecord(page, 'Sam'))?.session?.questions?.dreams?.entries?.[0]?.caption?.voice)
    .toBe('child_wrote');
  await expect(caption).toHaveValue('this is me and my dog');
  const asked = page.getByRole('textbox', { name: EN.worker_question_label });
  await asked.fill('What would you wish for?');
  await expect
    .poll(async () => (await sessionRecord(page, 'Sam'))?.session?.questions?.dreams?.entries?.[0]?.caption?.text)
    .toBe('this is me and my dog');
  await expect
    .poll(async () => (await sessionRecord(page, 'Sam'))?.session?.questions?.dreams?.entries?.[0]?.worker_question)
    .toBe('What would you wish for?');
  // Read back, the caption is read to the child as their own words.
  await button(page, 'Read back').click();
  await expect(page.locator('.read-back-entry .childs-words')).toHaveText('this is me and my dog');
});
