// End-to-end: a summary states only what is true for its reader (issue 22). The child taps
// "I don't want to say" in the House of Dreams, then says a wish that is shared with Mum only:
// the court's summary does not say the child chose not to say, and Mum's holds the wish.
// After the end the worker amends "Ich spiele mit Ben" to "Ich spiele mit Ben und Aylin": the
// court's and Mum's summaries show the new words marked "amended on …", never the reason.
// Who was there comes from "About this conversation", reached from the summary screen too.
import { PIN } from './helpers.mjs';
import { test, expect, button, heading, startSession, addWords, openApp, downloadWith, texts, sharingFor, openSessionFolds } from './flows.mjs';

const EN = texts('en');
const house = (page, name) => page.getByRole('button', { name: new RegExp(`^${name}`) });
const entry = (page, text) => page.getByRole('listitem').filter({ hasText: text });
const choice = (item, name) => item.getByRole('button', { name, exact: true });
const before = (text) => text.split('{{')[0].trim();
const escaped = (text) => text.replaceAll('&', '&amp;').replaceAll("'", '&#39;').replaceAll('"', '&quot;');

const WISH = 'Ich wünsche mir, dass Papa wieder lacht';
const BEN = 'Ich spiele mit Ben';
const BEN_AND_AYLIN = 'Ich spiele mit Ben und Aylin';
const REASON = 'Beim Vorlesen ergänzt: Aylin gehört dazu';

async function summaryFor(page, label) {
  await page.getByRole('combobox', { name: 'Summary for' }).selectOption({ label });
  return downloadWith(page, 'Download summary');
}

test('a pass then a wish for Mum only is no silence for the court; amended words are marked for the court and Mum', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await startSession(page, { name: 'Lena', age: 9, worker: 'Sam Kaya' });

  // The child has the tablet: a pass in the House of Dreams, then a wish there after all.
  await button(page, 'Three Houses').click();
  await button(page, 'Give to the child').click();
  const pace = page.getByRole('group', { name: EN.childs_pace });
  await house(page, 'House of Dreams').click();
  await pace.getByRole('button', { name: EN.pace_pass }).click();
  await expect(page.getByRole('status').filter({ hasText: EN.pass_done })).toBeVisible();
  await addWords(page, WISH);
  await button(page, EN.back_to_houses).click();
  await house(page, 'House of Good Things').click();
  await addWords(page, BEN);
  await pace.getByRole('button', { name: EN.pace_stop }).click();
  await page.getByRole('dialog', { name: EN.stopped_heading }).getByRole('button', { name: EN.worker_takes_over }).click();
  const pin = page.getByRole('dialog', { name: 'Worker PIN, please' });
  await pin.getByLabel('Worker PIN').fill(PIN);
  await pin.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page, 'Session with Lena')).toBeVisible();

  // The wish for Mum only; Ben for Mum and the court.
  await openSessionFolds(page);
  await page.getByRole('button', { name: new RegExp(`^${EN.sharing_tool}`) }).click();
  // One entry at a time, in the houses' order: Good Things before Dreams.
  const ben = await sharingFor(page, BEN);
  await choice(ben, EN.audience_mum).click();
  await choice(ben, EN.audience_court).click();
  await expect(choice(ben, EN.audience_court)).toHaveAttribute('aria-pressed', 'true');
  await choice(await sharingFor(page, WISH), EN.audience_mum).click();
  await button(page, EN.back_to_session).click();

  // The summary screen has no field of its own for the place or who was there: they are
  // written in "About this conversation", which it opens, and the preview follows.
  await openSessionFolds(page);
  await button(page, 'Summary').click();
  await page.getByRole('combobox', { name: 'Summary for' }).selectOption({ label: EN.audience_court });
  await expect(page.getByText(EN.summary_facts_hint)).toBeVisible();
  await expect(page.getByRole('textbox', { name: EN.summary_place, exact: true })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: EN.summary_present, exact: true })).toHaveCount(0);
  await openSessionFolds(page);
  await button(page, EN.details_heading).click();
  const details = page.getByRole('dialog', { name: EN.details_heading });
  await details.getByRole('textbox', { name: EN.summary_place, exact: true }).fill('Jugendamt, Spielzimmer');
  await details.getByRole('button', { name: EN.add_person, exact: true }).click();
  const person = details.getByRole('list', { name: EN.people_heading }).getByRole('listitem').last();
  await person.getByRole('textbox', { name: EN.person_label, exact: true }).fill('Frau Kaya');
  await person.getByRole('textbox', { name: EN.person_role_label, exact: true }).fill('Lehrerin');
  await person.getByRole('radio', { name: EN.where_nearby }).check();
  await page.screenshot({ path: test.info().outputPath('details-from-the-summary-1024x768.png') });
  await details.getByRole('button', { name: EN.done, exact: true }).click();
  await expect(details).toHaveCount(0);
  const frame = page.frameLocator('iframe.summary-frame');
  await expect(frame.getByText(`Frau Kaya (Lehrerin) — ${EN.where_nearby}`)).toBeVisible();
  await expect(frame.getByText('Jugendamt, Spielzimmer')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('summary-for-the-court-1024x768.png') });

  // The court: the child did speak in the House of Dreams, so no silence is read there.
  const court = await summaryFor(page, EN.audience_court);
  expect(court.html).not.toContain(escaped(EN.summary_chose_not_to_say));
  expect(court.html).not.toContain(WISH);
  expect(court.html).toContain(escaped(EN.summary_nothing_shared_here));
  expect(court.html).toContain(BEN);
  expect(court.html).toContain('<li><bdi>Frau Kaya</bdi> (<bdi>Lehrerin</bdi>)');
  // Mum: the wish, and no word of silence either.
  const mum = await summaryFor(page, EN.audience_mum);
  expect(mum.html).toContain(`<blockquote class="child-words" dir="auto">${WISH}</blockquote>`);
  expect(mum.html).not.toContain(escaped(EN.summary_chose_not_to_say));
  // Who was there is not named to the family unless the worker ticks it.
  expect(mum.html).not.toContain('Frau Kaya');
  await button(page, EN.back_to_session).click();

  // After the end: the worker amends Ben's words, with a reason.
  await openSessionFolds(page);
  await button(page, EN.finish_button).click();
  await page.getByRole('dialog').getByRole('button', { name: EN.finish_button, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`^${before(EN.finished_mark)}`) })).toBeVisible();
  await button(page, 'Three Houses').click();
  await house(page, 'House of Good Things').click();
  await button(page, 'Open entry 1').click();
  await button(page, EN.amend_button).click();
  const amend = page.getByRole('dialog', { name: EN.amend_button });
  await amend.getByRole('textbox', { name: /^The child.s words$/ }).fill(BEN_AND_AYLIN);
  await amend.getByRole('textbox', { name: EN.amend_reason_label }).fill(REASON);
  await amend.getByRole('button', { name: EN.amend_button, exact: true }).click();
  await expect(amend).toHaveCount(0);
  await button(page, 'Done').click();
  await button(page, EN.back_to_houses).click();
  await button(page, EN.back_to_session).click();

  // The court's and Mum's summaries quote the new words, marked, without the reason.
  await openSessionFolds(page);
  await button(page, 'Summary').click();
  const marked = new RegExp(
    `<blockquote class="child-words" dir="auto">${BEN_AND_AYLIN}</blockquote>\\n<p class="who">[^<]*</p>\\n<p class="amended">${before(EN.amended_on)} [^<]+</p>`,
  );
  for (const label of [EN.audience_court, EN.audience_mum]) {
    const summary = await summaryFor(page, label);
    expect(summary.html, label).toMatch(marked);
    expect(summary.html, label).not.toContain(REASON);
    expect(summary.html, label).not.toContain(`>${BEN}<`);
    expect(summary.html, label).not.toContain(escaped(EN.summary_chose_not_to_say));
  }
  // The full record keeps before, after and why, and marks the words too.
  const full = await summaryFor(page, "Everything: the worker's full record");
  expect(full.html).toMatch(marked);
  expect(full.html).toContain(`<bdi>${BEN}</bdi>`);
  expect(full.html).toContain(REASON);
  await expect(page.frameLocator('iframe.summary-frame').getByText(new RegExp(`^${before(EN.amended_on)} `))).toBeVisible();
});
