// End-to-end: "Last time you told me…" (issue 25). At a child's new visit the worker gives
// the tablet to the child, who sees again, one at a time, what they put in the houses at
// their visit before, and says for each: still so, changed, not any more, or passes. The
// answers are kept in the new visit and shown in the worker's full record, not in Mum's.
import {
  test, expect, button, heading, texts, filled, restoreTwoChildren, openSessionFolds, openVisitOf,
} from './flows.mjs';
import { PIN } from './helpers.mjs';

const EN = texts('en');

/** Opens a visit from the list on the start screen, found by the child's name and its day. */
async function openVisit(page, name, day) {
  await openVisitOf(page, name, day);
}

const card = (page) => page.getByRole('region', { name: EN.last_time_title });
const answers = (page) => page.getByRole('group', { name: EN.last_time_question });
const answer = (page, name) => answers(page).getByRole('button', { name, exact: true });
const step = (page, number, count) =>
  expect(page.getByText(filled(EN.last_time_step, { number, count }), { exact: true })).toBeVisible();

test('Mia answers about each thing from 12 May in child mode, and the full record says so', async ({ page }) => {
  test.setTimeout(120_000);
  await restoreTwoChildren(page);

  // A finished visit has no "last time" to give.
  await openVisit(page, 'Mia', '12 May 2026');
  await expect(card(page)).toHaveCount(0);
  await button(page, EN.all_children).click();

  await openVisit(page, 'Mia', '1 September 2026');
  await expect(card(page)).toContainText(filled(EN.last_time_card_hint, { date: '12 May 2026', count: 4 }));
  await card(page).getByRole('button', { name: EN.hand_to_child }).click();

  // In the child's hands: the child's pace bar, and one thing at a time.
  await expect(page.getByRole('group', { name: EN.childs_pace })).toBeVisible();
  await expect(heading(page, EN.last_time_title)).toBeVisible();
  await step(page, 1, 4);
  await expect(page.locator('.last-time-entry')).toHaveText('Dad shouts at night');
  await expect(page.locator('.last-time-place')).toContainText('House of Worries');
  await expect(button(page, EN.read_aloud)).toBeVisible();
  await expect(button(page, EN.last_time_back)).toBeDisabled();
  // A tap of the finger, as a child answers.
  await answer(page, EN.last_time_not_any_more).tap();

  await step(page, 2, 4);
  await expect(page.locator('.last-time-entry')).toHaveText('Swimming on Saturdays');
  await answer(page, EN.last_time_pass).click();

  // The drawing, as Mia left it; then she goes back a step and changes her answer.
  await step(page, 3, 4);
  await expect(page.locator('.last-time-entry canvas')).toBeVisible();
  await button(page, EN.last_time_back).click();
  await step(page, 2, 4);
  await expect(answer(page, EN.last_time_pass)).toHaveAttribute('aria-pressed', 'true');
  await answer(page, EN.last_time_still_so).click();
  await step(page, 3, 4);
  await answer(page, EN.last_time_still_so).click();

  // The House of Dreams by the name Mia gave it; she says more in her own words.
  await step(page, 4, 4);
  await expect(page.locator('.last-time-place')).toContainText('Wish castle');
  await expect(page.locator('.last-time-entry')).toHaveText('A bike of my own');
  await page.getByText(EN.last_time_say_more, { exact: true }).click();
  await page.getByRole('textbox', { name: EN.last_time_say_more_label }).fill('Now I want a  red one');
  await answer(page, EN.last_time_changed).click();

  // A calm thank-you; the tablet goes back to the worker with the PIN.
  await expect(heading(page, EN.last_time_thanks)).toBeVisible();
  await button(page, EN.last_time_give_back).click();
  const pin = page.getByRole('dialog', { name: EN.pin_title });
  await pin.getByLabel('Worker PIN').fill(PIN);
  await pin.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page, 'Session with Mia')).toBeVisible();
  await expect(card(page)).toContainText(filled(EN.last_time_card_answered, { answered: 4, count: 4 }));

  // The worker's full record: each answer with its house and day, the child's words then and
  // now, and the answer she changed.
  await openSessionFolds(page);
  await button(page, 'Summary').click();
  const summaryFor = page.getByRole('combobox', { name: 'Summary for' });
  await summaryFor.selectOption({ label: "Everything: the worker's full record" });
  const frame = page.frameLocator('iframe.summary-frame');
  const part = frame.locator('section.last-time');
  await expect(part.getByRole('heading', { name: EN.summary_last_time_heading })).toBeVisible();
  const lines = part.locator('li');
  await expect(lines).toHaveCount(4);
  await expect(lines.nth(0)).toContainText(/House of Worries from 12 May 2026: not any more \(\d/);
  await expect(lines.nth(0)).toContainText('Dad shouts at night');
  await expect(lines.nth(1)).toContainText(/House of Good Things from 12 May 2026: still so \(\d/);
  await expect(lines.nth(1)).toContainText(/Answered before: did not want to say \(\d/);
  await expect(lines.nth(2)).toContainText(`${EN.summary_last_time_then} ${EN.summary_last_time_drawing}`);
  await expect(lines.nth(3)).toContainText(/House of Dreams from 12 May 2026: changed \(\d/);
  await expect(lines.nth(3).locator('blockquote').nth(1)).toHaveText('Now I want a  red one');

  // Not for Mum: her summary holds nothing of it.
  await summaryFor.selectOption({ label: 'Mum' });
  await expect(frame.locator('body.for-audience')).toHaveCount(1);
  await expect(frame.getByText('Dad shouts at night')).toHaveCount(0);
  await expect(frame.locator('section.last-time')).toHaveCount(0);
  await expect(frame.getByText('Now I want a')).toHaveCount(0);
});

test("Jonas' visit of 20 June shows what he said on 10 April", async ({ page }) => {
  await restoreTwoChildren(page);
  await openVisit(page, 'Jonas', '20 June 2026');
  await expect(card(page)).toContainText(filled(EN.last_time_card_hint, { date: '10 April 2026', count: 3 }));
  await card(page).getByRole('button', { name: EN.hand_to_child }).click();
  await step(page, 1, 3);
  await expect(page.locator('.last-time-entry')).toHaveText('Mum is sad a lot');
  await answer(page, EN.last_time_still_so).click();
  await step(page, 2, 3);
  await expect(page.locator('.last-time-entry')).toHaveText('Football with Ali');
  // Leaving for the visit's own screen is the worker's: it asks for the PIN.
  await page.getByRole('button', { name: EN.worker_takes_over }).click();
  await expect(page.getByRole('dialog', { name: EN.pin_title })).toBeVisible();
});
