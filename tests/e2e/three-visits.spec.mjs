// End-to-end: one child over three visits (issue 25), through the screens only. Visit 1: Tia
// chooses her fairy and its colours and names the Wishes helper herself; one thing shared
// with Mum, one kept private, a drawing, and what the worker told her will happen next.
// Visit 2, from her page: her helper and its name come with it; she says what is still so and
// what is not any more; the worker writes what happened with what Mum was told. Visit 3: Tia
// hears it read aloud and says something about it; the promise is checked. Over time shows
// the three visits side by side, and Mum's copy holds only what Mum was given at each visit.
import {
  test, expect, button, heading, texts, filled, startSession, openSessionFolds, addWords, openDrawing,
  sharingFor, sharingChoice, openApp, appBar, inConversationDetails, backToAllSessions, openVisitOf,
  sessionItems, downloadWith,
} from './flows.mjs';
import { PIN, drawWithTouch, storedSessions } from './helpers.mjs';

const EN = texts('en');

const PANCAKES = 'Pancakes at Grandma on Sunday';
const SHOUTS = 'When Dad shouts at night';
const SWIMMING = 'Swimming with Mum';
const PROMISE = 'I will ask Mum to take you to Grandma on Sundays.';
const FEEDBACK = 'I told Mum about the pancakes. She will take you to Grandma next Sunday.';
const REACTION = 'Yes!  Pancakes';

/** Speech synthesis replaced by a recorder: every `speak` is kept in window.__spoken. */
async function stubSpeech(page) {
  await page.addInitScript(() => {
    window.__spoken = [];
    const voice = { voiceURI: 'English', name: 'English', lang: 'en-GB', localService: true, default: true };
    const synthesis = {
      speaking: false, pending: false, paused: false, onvoiceschanged: null,
      getVoices: () => [voice],
      speak(utterance) { window.__spoken.push(utterance.text); },
      cancel() {}, pause() {}, resume() {}, addEventListener() {}, removeEventListener() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
    window.SpeechSynthesisUtterance = class { constructor(text = '') { this.text = text; this.lang = ''; this.voice = null; } };
  });
}

const door = (page, name) => page.getByRole('button', { name: new RegExp(`^${name}`) });
const feedbackMark = (page) =>
  sessionItems(page).filter({ hasText: 'Tia' }).locator('.waits-mark').filter({ hasText: EN.waits_feedback.split(':')[0] });

/** Tia's visit of `date` (`YYYY-MM-DD`) as stored. */
const stored = async (page, date) => (await storedSessions(page)).find((r) => r.session.date === date)?.session;

/** The worker takes the tablet back with the PIN, from the child's bar or the child's last step. */
async function pinBack(page) {
  const dialog = page.getByRole('dialog', { name: EN.pin_title });
  await dialog.getByLabel(EN.pin_label).fill(PIN);
  await dialog.getByRole('button', { name: EN.pin_continue }).click();
  await expect(dialog).toHaveCount(0);
}

async function finish(page) {
  await openSessionFolds(page);
  await button(page, EN.finish_button).click();
  await page.getByRole('dialog').getByRole('button', { name: EN.finish_button, exact: true }).click();
  await expect(button(page, EN.finish_button)).toHaveCount(0);
}

/** From the start screen, a new visit on Tia's page, on `date`. */
async function newVisit(page, date) {
  await button(page, filled(EN.open_child, { name: 'Tia' })).click();
  await button(page, EN.new_visit).click();
  await expect(heading(page, filled(EN.session_heading, { name: 'Tia' }))).toBeVisible();
  await inConversationDetails(page, (details) => details.getByLabel('Date', { exact: true }).fill(date));
}

test('Tia over three visits: what is hers carries over, last time, feedback heard, the promise checked, over time', async ({ page }) => {
  test.setTimeout(180_000);
  await stubSpeech(page);
  await openApp(page);

  // --- Visit 1, 1 September 2026 ---------------------------------------------------------
  await startSession(page, { name: 'Tia', age: 6, date: '2026-09-01' });
  await button(page, 'Wizards and Fairies').click();
  await page.getByRole('list', { name: EN.choose_helper_heading }).getByRole('button', { name: 'Fairy', exact: true }).click();
  await page.getByRole('group', { name: EN.helper_main_colour }).getByRole('button', { name: 'Teal', exact: true }).click();
  await page.getByRole('group', { name: EN.helper_accent_colour }).getByRole('button', { name: 'Pink', exact: true }).click();
  await button(page, EN.go_to_helpers).click();
  // Tia names her Wishes helper herself, in child mode.
  await button(page, EN.hand_to_child).click();
  await button(page, filled(EN.rename_helper, { helper: 'Wishes fairy' })).click();
  const naming = page.getByRole('dialog', { name: EN.rename_helper_title });
  await naming.getByRole('textbox', { name: EN.rename_helper_field }).fill('Sparkle');
  await naming.getByRole('button', { name: EN.save_name }).click();
  await expect(door(page, 'Sparkle')).toBeVisible();
  await appBar(page).getByRole('button', { name: EN.worker_takes_over, exact: true }).click();
  await pinBack(page);
  // What she says, as the worker writes it, and a drawing for Sparkle.
  await door(page, 'Good Things fairy').click();
  await addWords(page, PANCAKES);
  await button(page, EN.back_to_helpers).click();
  await door(page, 'Worries fairy').click();
  await addWords(page, SHOUTS);
  await button(page, EN.back_to_helpers).click();
  await door(page, 'Sparkle').click();
  await drawWithTouch(page, await openDrawing(page), [[0.2, 0.4], [0.5, 0.5], [0.8, 0.4]]);
  await button(page, EN.done).click();
  await button(page, EN.back_to_helpers).click();
  await button(page, EN.back_to_session).click();
  // The worry for nobody else, the pancakes for Mum.
  await openSessionFolds(page);
  await page.getByRole('button', { name: new RegExp(`^${EN.sharing_tool}`) }).click();
  await sharingChoice(await sharingFor(page, SHOUTS), EN.audience_private).click();
  await sharingChoice(await sharingFor(page, PANCAKES), EN.audience_mum).click();
  await button(page, EN.back_to_session).click();
  await openSessionFolds(page);
  await page.getByRole('textbox', { name: filled(EN.next_told_label, { name: 'Tia' }) }).fill(PROMISE);
  await finish(page);
  await expect.poll(async () => (await stored(page, '2026-09-01'))?.next_steps?.worker_told).toBe(PROMISE);
  // The start screen: something Tia shared waits for the worker's words to her.
  await backToAllSessions(page);
  await expect(feedbackMark(page)).toHaveText(filled(EN.waits_feedback, { count: '1' }));

  // --- Visit 2, 13 October 2026 ------------------------------------------------------------
  await newVisit(page, '2026-10-13');
  // Her fairy, its colours and her own name for the Wishes helper came with the visit.
  await expect.poll(async () => (await stored(page, '2026-10-13'))?.helper).toEqual({ kind: 'fairy', main: 'teal', accent: 'pink' });
  await button(page, 'Wizards and Fairies').click();
  await expect(heading(page, EN.helpers_heading)).toBeVisible();
  await expect(door(page, 'Sparkle')).toBeVisible();
  await door(page, 'Good Things fairy').click();
  await addWords(page, SWIMMING);
  await button(page, EN.back_to_helpers).click();
  await button(page, EN.back_to_session).click();

  // Last time, in Tia's hands: the worry is not any more, the rest still so.
  const lastTime = page.getByRole('region', { name: EN.last_time_title });
  await expect(lastTime).toContainText(filled(EN.last_time_card_hint, { date: '1 September 2026', count: 3 }));
  await lastTime.getByRole('button', { name: EN.hand_to_child }).click();
  const answers = page.getByRole('group', { name: EN.last_time_question });
  for (let number = 1; number <= 3; number++) {
    await expect(page.getByText(filled(EN.last_time_step, { number, count: 3 }), { exact: true })).toBeVisible();
    const shown = await page.locator('.last-time-entry').textContent();
    const said = shown.includes(SHOUTS) ? EN.last_time_not_any_more : EN.last_time_still_so;
    await answers.getByRole('button', { name: said, exact: true }).click();
  }
  await expect(heading(page, EN.last_time_thanks)).toBeVisible();
  await button(page, EN.last_time_give_back).click();
  await pinBack(page);
  await expect.poll(async () => (await stored(page, '2026-10-13'))?.last_time?.map((a) => a.answer).sort())
    .toEqual(['not_any_more', 'still_so', 'still_so']);

  // Swimming for Mum too.
  await openSessionFolds(page);
  await page.getByRole('button', { name: new RegExp(`^${EN.sharing_tool}`) }).click();
  await sharingChoice(await sharingFor(page, SWIMMING), EN.audience_mum).click();
  await button(page, EN.back_to_session).click();

  // The worker writes, on visit 1, what happened with what Mum was told.
  await backToAllSessions(page);
  await openVisitOf(page, 'Tia', '1 September 2026');
  await openSessionFolds(page);
  const offered = page.locator('li.feedback-entry');
  await expect(offered).toHaveCount(1);
  await expect(offered).toContainText(PANCAKES);
  await offered.getByRole('textbox', { name: filled(EN.fb_text_label, { name: 'Tia' }) }).fill(FEEDBACK);
  await offered.getByRole('button', { name: EN.fb_add, exact: true }).click();
  await expect(offered.locator('li.feedback-line')).toContainText(FEEDBACK);
  await backToAllSessions(page);
  await expect(feedbackMark(page)).toHaveCount(0);
  await openVisitOf(page, 'Tia', '13 October 2026');
  await finish(page);
  await backToAllSessions(page);

  // --- Visit 3, 24 November 2026 -----------------------------------------------------------
  await newVisit(page, '2026-11-24');
  // What was promised on 1 September happened.
  await openSessionFolds(page);
  const promise = page.locator('section.promises-to-check .promise').filter({ hasText: PROMISE });
  await promise.getByRole('radio', { name: EN.happened_yes, exact: true }).check();
  await expect.poll(async () => (await stored(page, '2026-11-24'))?.promises_checked?.[0]?.happened).toBe('yes');

  // Tia hears what happened, read aloud, and says something about it.
  await button(page, filled(EN.fb_tell_card, { name: 'Tia' })).click();
  await expect(heading(page, EN.fbc_heading)).toBeVisible();
  await expect(page.locator('.feedback-childs')).toContainText(PANCAKES);
  await expect(page.locator('.workers-words')).toHaveText(FEEDBACK);
  await button(page, EN.read_aloud).click();
  await expect.poll(() => page.evaluate(() => window.__spoken.join(' '))).toBe(FEEDBACK);
  await page.getByRole('textbox', { name: EN.fbc_say_something }).fill(REACTION);
  await button(page, EN.sharing_next).click();
  await expect(page.getByText(EN.fbc_end)).toBeVisible();
  await button(page, EN.done).click();
  await pinBack(page);
  await expect(heading(page, filled(EN.session_heading, { name: 'Tia' }))).toBeVisible();
  await expect.poll(async () => (await stored(page, '2026-11-24'))?.feedback_heard?.[0]?.reaction?.text).toBe(REACTION);

  // Over time: the three visits side by side, oldest first.
  await button(page, EN.over_time_button).click();
  await expect(heading(page, filled(EN.over_time_title, { name: 'Tia' }))).toBeVisible();
  await expect(page.getByRole('table').getByRole('columnheader'))
    .toHaveText([EN.over_time_question, '1 September 2026', '13 October 2026', /^24 November 2026/]);
  await expect(page.getByRole('table')).toContainText(SHOUTS);
  await page.screenshot({ path: test.info().outputPath('three-visits-over-time.png') });
  // Mum's copy: what Mum was given at each visit, never the private worry.
  await page.getByRole('combobox', { name: EN.over_time_for_label }).selectOption({ label: EN.audience_mum });
  const mum = await downloadWith(page, EN.over_time_download);
  expect(mum.html).toContain(PANCAKES);
  expect(mum.html).toContain(SWIMMING);
  expect(mum.html).not.toContain(SHOUTS);
  expect(mum.html).not.toContain(REACTION);
});
