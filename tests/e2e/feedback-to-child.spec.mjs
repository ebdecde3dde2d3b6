// End-to-end contract for "What happened with what you told me" (issue 25): the worker writes,
// on Mia's earlier visits, what was done with what she shared; at her next visit she hears it
// in child mode, one piece at a time, read aloud in her language, and what she says about it is
// kept; the worker says whether what was promised happened; the full record shows it all.
import {
  test, expect, button, heading, texts, filled, openVisitOf, openSessionFolds,
  inConversationDetails, restoreTwoChildren, backToAllSessions, sessionItems, reloadAndUnlock,
} from './flows.mjs';
import { PIN, storedSessions } from './helpers.mjs';

const EN = texts('en');
const DE = texts('de');

const GERMAN = { lang: 'de-DE', name: 'German', localService: true, default: false };
const ENGLISH = { lang: 'en-GB', name: 'English', localService: true, default: true };

/** Replaces speech synthesis with a recorder: every `speak` is kept in window.__spoken. */
async function stubSpeech(page) {
  await page.addInitScript((voices) => {
    window.__spoken = [];
    class FakeUtterance {
      constructor(text = '') {
        this.text = text;
        this.lang = '';
        this.voice = null;
      }
    }
    const synthesis = {
      speaking: false,
      pending: false,
      paused: false,
      onvoiceschanged: null,
      getVoices: () => voices.map((voice) => ({ voiceURI: voice.name, ...voice })),
      speak(utterance) {
        window.__spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice?.name ?? null });
      },
      cancel() {},
      pause() {},
      resume() {},
      addEventListener() {},
      removeEventListener() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
    window.SpeechSynthesisUtterance = FakeUtterance;
  }, [ENGLISH, GERMAN]);
}

const spoken = (page) => page.evaluate(() => window.__spoken.map((s) => s.text).join(' '));

/** Opens Mia's visit of `day` ("12 May 2026") from the start screen. */
async function openMiasVisit(page, day) {
  await openVisitOf(page, 'Mia', day);
  await openSessionFolds(page);
}

const offeredEntries = (page) => page.locator('li.feedback-entry');

/** Writes feedback about the offered entry showing `childsWords`. */
async function writeFeedback(page, childsWords, words, day) {
  const entry = offeredEntries(page).filter({ hasText: childsWords });
  await entry.getByRole('textbox', { name: filled(EN.fb_text_label, { name: 'Mia' }) }).fill(words);
  if (day) await entry.getByLabel(EN.fb_on, { exact: true }).fill(day);
  await entry.getByRole('button', { name: EN.fb_add, exact: true }).click();
  const line = entry.locator('li.feedback-line').filter({ hasText: words });
  await expect(line).toContainText(filled(EN.fb_not_heard, { name: 'Mia' }));
  return line;
}

const SWIMMING = 'I told Mum how much you like swimming. She said she is glad.';
const LUNCH = 'I talked with your teacher about lunchtimes. You can now eat with your friend Lea.';

test('feedback written on earlier visits is heard at the next one, read aloud, with the reaction and the promises in the full record', async ({ page }) => {
  await stubSpeech(page);
  await restoreTwoChildren(page);

  // 12 May: only what Mia shared is offered; the worry she kept private is not.
  await openMiasVisit(page, '12 May 2026');
  await expect(heading(page, filled(EN.fb_heading, { name: 'Mia' }))).toBeVisible();
  await expect(offeredEntries(page)).toHaveCount(3);
  await expect(offeredEntries(page).filter({ hasText: 'Dad shouts at night' })).toHaveCount(0);
  const swimming = offeredEntries(page).filter({ hasText: 'Swimming on Saturdays' });
  // Who heard it: offered as the child shared it, Mum.
  await expect(swimming.getByRole('checkbox', { name: 'Mum' })).toBeChecked();
  await writeFeedback(page, 'Swimming on Saturdays', SWIMMING, '2026-05-20');
  await backToAllSessions(page);

  // 3 March: the shared worry about lunchtimes.
  await openMiasVisit(page, '3 March 2026');
  await writeFeedback(page, 'Lunchtimes at school are hard', LUNCH);
  await backToAllSessions(page);

  // 1 September: Mia's language is German; both pieces wait for her, both promises to check.
  await openMiasVisit(page, '1 September 2026');
  await inConversationDetails(page, async (details) => {
    await details.getByRole('combobox', { name: EN.child_language_label, exact: true }).selectOption('de');
  });
  const card = button(page, filled(EN.fb_tell_card, { name: 'Mia' }));
  await expect(card).toBeVisible();
  await expect(card).toContainText(filled(EN.fb_tell_hint, { count: '2' }));

  const promises = page.locator('section.promises-to-check');
  const may = promises.locator('.promise').filter({ hasText: 'I will come back after the summer.' });
  await may.getByRole('radio', { name: EN.happened_yes, exact: true }).check();
  await may.getByRole('textbox', { name: EN.fb_note }).fill('I came back on 1 September.');
  const march = promises.locator('.promise').filter({ hasText: 'I will talk to your teacher about lunchtimes.' });
  await march.getByRole('radio', { name: EN.happened_partly, exact: true }).check();

  // In Mia's hands: a calm page in German, the oldest piece first.
  await card.click();
  await expect(heading(page, DE.fbc_heading)).toBeVisible();
  await expect(page.getByText(DE.fbc_you_told)).toBeVisible();
  await expect(page.locator('.feedback-childs')).toContainText('Lunchtimes at school are hard');
  await expect(page.locator('.workers-words')).toHaveText(LUNCH);
  await page.getByRole('button', { name: DE.read_aloud, exact: true }).click();
  const said = await page.evaluate(() => window.__spoken);
  expect(said.length).toBeGreaterThan(0);
  expect(said.map((s) => s.text).join(' ')).toBe(LUNCH);
  expect(said.every((s) => s.lang === 'de-DE' && s.voice === 'German')).toBe(true);
  await page.getByRole('textbox', { name: DE.fbc_say_something }).fill('Lea ist nett');
  await page.getByRole('button', { name: DE.sharing_next, exact: true }).click();

  // The second piece: about the drawing-free words of 12 May; Mia says nothing.
  await expect(page.locator('.workers-words')).toHaveText(SWIMMING);
  await expect(page.locator('.feedback-childs')).toContainText('Swimming on Saturdays');
  await page.getByRole('button', { name: DE.read_aloud, exact: true }).click();
  expect(await spoken(page)).toContain(SWIMMING);
  await page.getByRole('button', { name: DE.sharing_next, exact: true }).click();

  // The end: back to the worker, with the PIN.
  await expect(page.getByText(DE.fbc_end)).toBeVisible();
  await page.getByRole('button', { name: DE.done, exact: true }).click();
  const pin = page.getByRole('dialog', { name: EN.pin_title });
  await pin.getByLabel(EN.pin_label).fill(PIN);
  await pin.getByRole('button', { name: EN.pin_continue }).click();
  await expect(heading(page, 'Session with Mia')).toBeVisible();
  // Nothing waits any more.
  await expect(card).toHaveCount(0);

  // The full record of 1 September: what Mia heard, her words exactly, and the promises.
  await openSessionFolds(page);
  await button(page, EN.summary_tool).click();
  await page.getByRole('combobox', { name: 'Summary for' }).selectOption({ label: EN.summary_full_record });
  let frame = page.frameLocator('iframe.summary-frame');
  let part = frame.locator('section.feedback-to-child');
  await expect(part).toContainText(LUNCH);
  await expect(part).toContainText('Lea ist nett');
  await expect(part).toContainText(filled(EN.fb_said_nothing, { name: 'Mia' }));
  await expect(part).toContainText('I came back on 1 September.');
  await expect(part.locator('.promise-answer').filter({ hasText: EN.happened_yes })).toHaveCount(1);
  await expect(part.locator('.promise-answer').filter({ hasText: EN.happened_partly })).toHaveCount(1);
  await part.screenshot({ path: test.info().outputPath('full-record-heard-here.png') });
  // Not in a summary for Mum.
  await page.getByRole('combobox', { name: 'Summary for' }).selectOption({ label: 'Mum' });
  await expect(frame.locator('body.for-audience')).toBeVisible();
  await expect(frame.locator('section.feedback-to-child')).toHaveCount(0);
  await expect(frame.locator('body')).not.toContainText('Lea ist nett');

  // The full record of 12 May: what was said, who heard it, when Mia heard it, the check.
  await button(page, 'Back to the session').click();
  await backToAllSessions(page);
  await openMiasVisit(page, '12 May 2026');
  const line = offeredEntries(page).filter({ hasText: 'Swimming on Saturdays' }).locator('li.feedback-line');
  await expect(line).toContainText(filled(EN.fb_heard, { name: 'Mia', date: '1 September 2026' }));
  // Heard: it can no longer be taken back.
  await expect(line.getByRole('button', { name: EN.fb_take_back })).toHaveCount(0);
  await button(page, EN.summary_tool).click();
  await page.getByRole('combobox', { name: 'Summary for' }).selectOption({ label: EN.summary_full_record });
  frame = page.frameLocator('iframe.summary-frame');
  part = frame.locator('section.feedback-to-child');
  await expect(part).toContainText(SWIMMING);
  await expect(part).toContainText('Swimming on Saturdays');
  await expect(part).toContainText(`${EN.fb_heard_by}: Mum`);
  await expect(part).toContainText('20 May 2026');
  await expect(part).toContainText(filled(EN.fb_heard, { name: 'Mia', date: '1 September 2026' }));
  await expect(part).toContainText(filled(EN.fb_checked_at, { date: '1 September 2026' }));
  await expect(part).toContainText('I came back on 1 September.');
  await part.screenshot({ path: test.info().outputPath('full-record-feedback-given.png') });
});

test('the start screen marks feedback to give, child by child, until it is written', async ({ page }) => {
  await restoreTwoChildren(page);
  const row = (name) => sessionItems(page).filter({ hasText: name });
  const mark = (name) => row(name).locator('.waits-mark').filter({ hasText: EN.waits_feedback.split(':')[0] });
  // Mia's finished visits hold 7 things she shared: 3 March the lunchtimes, Pepper, the bike
  // and the drawing; 12 May swimming, the bike and the drawing. What she kept private waits
  // for nothing. Jonas: the worry, football and the drawing of 10 April; his visit of 20
  // June goes on, so what he shared there does not wait yet.
  await expect(mark('Mia')).toHaveText(filled(EN.waits_feedback, { count: '7' }));
  await expect(mark('Jonas')).toHaveText(filled(EN.waits_feedback, { count: '3' }));
  // Words and a picture, like the other marks.
  await expect(mark('Mia').locator('img')).toHaveCount(1);
  await expect(row('Mia')).toContainText(EN.waits_unfinished);
  await page.screenshot({ path: test.info().outputPath('start-feedback-to-give.png') });

  // One piece written: one less waits.
  await openVisitOf(page, 'Jonas', '10 April 2026');
  await openSessionFolds(page);
  const offered = offeredEntries(page);
  await expect(offered).toHaveCount(3);
  const write = async (n) => {
    const entry = offered.nth(n);
    await entry.getByRole('textbox', { name: filled(EN.fb_text_label, { name: 'Jonas' }) }).fill(`What happened, part ${n + 1}`);
    await entry.getByRole('button', { name: EN.fb_add, exact: true }).click();
    await expect(entry.locator('li.feedback-line')).toHaveCount(1);
  };
  await write(0);
  await backToAllSessions(page);
  await expect(mark('Jonas')).toHaveText(filled(EN.waits_feedback, { count: '2' }));

  // Everything Jonas shared has its words to him: the mark goes; Mia's stays.
  await openVisitOf(page, 'Jonas', '10 April 2026');
  await openSessionFolds(page);
  await write(1);
  await write(2);
  await backToAllSessions(page);
  await expect(row('Jonas')).toBeVisible();
  await expect(mark('Jonas')).toHaveCount(0);
  await expect(mark('Mia')).toHaveText(filled(EN.waits_feedback, { count: '7' }));
});

test("the child's reaction is kept as typed, and after a reload it is there, exactly, until Next", async ({ page }) => {
  await restoreTwoChildren(page);
  await openMiasVisit(page, '12 May 2026');
  await writeFeedback(page, 'Swimming on Saturdays', SWIMMING);
  await backToAllSessions(page);
  await openMiasVisit(page, '1 September 2026');
  await button(page, filled(EN.fb_tell_card, { name: 'Mia' })).click();
  await expect(page.locator('.workers-words')).toHaveText(SWIMMING);

  // Spaces and a new line, as Mia said them, and she wrote it herself.
  const REACTION = 'I like  swimming\nwith Lea ';
  const september = async () => (await storedSessions(page)).find((r) => r.session.date === '2026-09-01')?.session;
  await page.getByRole('radio', { name: 'Child wrote' }).check();
  await page.getByRole('textbox', { name: EN.fbc_say_something }).fill(REACTION);
  // Saved as typed, before Next; not yet heard.
  await expect.poll(async () => (await september())?.reactions_typed?.[0]?.words)
    .toEqual({ text: REACTION, voice: 'child_wrote' });
  expect((await september()).feedback_heard ?? []).toEqual([]);

  await reloadAndUnlock(page);
  await expect(heading(page, EN.fbc_heading)).toBeVisible();
  await expect(page.locator('.workers-words')).toHaveText(SWIMMING);
  const field = page.getByRole('textbox', { name: EN.fbc_say_something });
  await expect(field).toHaveValue(REACTION);
  await expect(page.getByRole('radio', { name: 'Child wrote' })).toBeChecked();
  await page.screenshot({ path: test.info().outputPath('reaction-after-reload.png') });

  // Next: heard with exactly those words, kept once.
  await button(page, EN.sharing_next).click();
  await expect(page.getByText(EN.fbc_end)).toBeVisible();
  await expect.poll(async () => (await september())?.feedback_heard?.[0]?.reaction)
    .toEqual({ text: REACTION, voice: 'child_wrote' });
  expect((await september()).reactions_typed).toBeUndefined();
});
