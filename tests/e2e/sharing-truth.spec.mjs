// End-to-end (issue 22): the child's sharing decisions are recorded when the child has
// decided; a hold after a copy left says so; worries are confirmed before a family copy first
// holds them; no promise the worker cannot keep, in German and Arabic; and the child's words
// and names keep their order, whatever the scripts, on the app's screens.
// Screenshots of the take-out dialog go to /work/shots/takeout-de.png and takeout-ar.png.
import fs from 'node:fs';
import {
  test, expect, button, heading, texts, filled, startSession, addWords, openApp, reloadAndUnlock,
  sessionRecord, downloadWith, sharingFor,
  openSessionFolds,
} from './flows.mjs';

const EN = texts('en');
const DE = texts('de');
const AR = texts('ar');
/** What a child's words or a name is, mixed Arabic and Latin, with quotes and brackets. */
const MIXED = 'قال "Ben (7)" لا';
/** A name set inside a translated sentence, isolated in its own direction (FSI … PDI). */
const isolated = (name) => `\u2068${name}\u2069`;

const entry = (page, text) => page.getByRole('listitem').filter({ hasText: text });
const choice = (item, name) => item.getByRole('button', { name, exact: true });
const door = (page, name) => page.getByRole('button', { name: new RegExp(`^${name}`) });

/** The stored entries of one question of a child's session. */
async function stored(page, child, question) {
  return (await sessionRecord(page, child)).session.questions[question].entries;
}

/** Adds words in the open house in the child's language `T`. */
async function addWordsIn(page, T, text) {
  await button(page, T.write_words).click();
  const box = page.getByRole('textbox', { name: T.words_label });
  await box.fill(text);
  await expect(box).toHaveValue(text);
  await button(page, T.done).click();
  await expect(page.getByRole('list', { name: T.entries_label }).locator('.childs-words')).toContainText([text]);
}

/** Each element isolates its text as its own direction and holds exactly `text`. */
async function expectIsolated(locator, text, what) {
  await expect(locator.first(), what).toBeVisible();
  const found = await locator.evaluateAll((elements) =>
    elements.map((el) => ({ text: el.textContent, isolated: el.tagName === 'BDI' || el.getAttribute('dir') === 'auto' })),
  );
  expect(found.length, what).toBeGreaterThan(0);
  for (const one of found) expect(one, what).toEqual({ text, isolated: true });
}

test('the taps of one opening of the sharing dialog are one change; a reload keeps the tap', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 8, worker: 'Sam' });
  await button(page, 'Three Houses').click();
  await door(page, 'House of Dreams').click();
  await addWords(page, 'A dog of my own');

  // The child changes their mind four times in one opening: each tap is saved at once …
  await button(page, filled(EN.share_entry, { number: 1 })).click();
  let dialog = page.getByRole('dialog', { name: EN.who_may_see });
  for (const name of ['Mum', 'Dad', 'Mum', 'Nobody else']) await choice(dialog, name).click();
  await expect.poll(async () => (await stored(page, 'Mia', 'dreams'))[0].sharing.decision).toBe('private');
  await choice(dialog, 'Dad').click();
  await button(page, 'Done').click();
  await expect(dialog).toBeHidden();
  // … and the history holds one change: what the child chose when the dialog closed.
  let sharing = (await stored(page, 'Mia', 'dreams'))[0].sharing;
  expect(sharing.decision).toEqual({ shared_with: ['dad'] });
  expect(sharing.history).toHaveLength(1);
  expect(sharing.history[0].decision).toEqual({ shared_with: ['dad'] });

  // Opened again, tapped and tapped back: no change at all.
  await button(page, filled(EN.share_entry, { number: 1 })).click();
  await choice(dialog, 'Mum').click();
  await choice(dialog, 'Mum').click();
  await button(page, 'Done').click();
  sharing = (await stored(page, 'Mia', 'dreams'))[0].sharing;
  expect(sharing.history).toHaveLength(1);

  // A reload while the dialog is open loses nothing the child chose.
  await button(page, filled(EN.share_entry, { number: 1 })).click();
  await choice(dialog, 'Mum').click();
  await expect.poll(async () => (await stored(page, 'Mia', 'dreams'))[0].sharing.decision).toEqual({ shared_with: ['mum', 'dad'] });
  await reloadAndUnlock(page);
  sharing = (await stored(page, 'Mia', 'dreams'))[0].sharing;
  expect(sharing.decision).toEqual({ shared_with: ['mum', 'dad'] });
  expect(sharing.history.map((change) => change.decision)).toEqual([{ shared_with: ['dad'] }, { shared_with: ['mum', 'dad'] }]);

  // The full record shows those two changes, not every tap.
  // The app reopens where it was left: the house, or the houses.
  const backToHouses = button(page, 'Back to the houses');
  const backToSession = button(page, 'Back to the session');
  await expect(backToHouses.or(backToSession)).toBeVisible();
  if (await backToHouses.isVisible()) await backToHouses.click();
  await backToSession.click();
  await openSessionFolds(page);
  await button(page, 'Summary').click();
  await page.getByRole('combobox', { name: 'Summary for' }).selectOption({ label: "Everything: the worker's full record" });
  const changes = page.frameLocator('iframe.summary-frame').locator('.history');
  await expect(changes).toHaveCount(1);
  await expect(changes).toHaveText(/^Changes: [^·]+: Dad · [^·]+: Mum, Dad$/);
});

test("a hold after Mum's copy left names that copy; worries are confirmed before Mum's first copy, not the court's", async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 8, worker: 'Sam' });
  await button(page, 'Three Houses').click();
  await door(page, 'House of Worries').click();
  await addWords(page, 'Dad shouts at night');
  await button(page, 'Back to the houses').click();
  await door(page, 'House of Good Things').click();
  await addWords(page, 'My cat Luna');
  await button(page, 'Back to the houses').click();
  await openSessionFolds(page);
  await button(page, 'Who may see what').click();
  const worry = await sharingFor(page, 'Dad shouts at night');
  await choice(worry, 'Mum').click();
  await choice(worry, 'The judge / the court').click();
  await choice(await sharingFor(page, 'My cat Luna'), 'Mum').click();
  await button(page, 'Back to the session').click();
  await openSessionFolds(page);
  await button(page, 'Summary').click();
  const summaryFor = page.getByRole('combobox', { name: 'Summary for' });

  // Mum's first copy: the preview lists the worry, and nothing leaves before the worker confirms.
  await summaryFor.selectOption({ label: 'Mum' });
  await button(page, 'Download summary').click();
  const confirm = page.getByRole('dialog', { name: filled(EN.confirm_worries_title, { audience: 'Mum' }) });
  await expect(confirm).toContainText(filled(EN.confirm_worries_text, { audience: 'Mum' }));
  await expect(confirm.locator('.childs-words')).toHaveText(['Dad shouts at night']);
  await page.screenshot({ path: test.info().outputPath('worries-confirmation-1024x768.png') });
  await button(page, 'Cancel').click();
  await expect(confirm).toBeHidden();
  expect((await sessionRecord(page, 'Mia')).session.exports ?? []).toEqual([]);
  const downloading = page.waitForEvent('download');
  await button(page, 'Download summary').click();
  await button(page, EN.confirm_worries_button).click();
  const forMum = await downloading;
  expect(fs.readFileSync(await forMum.path(), 'utf8')).toContain('Dad shouts at night');
  const [mumExport] = (await sessionRecord(page, 'Mia')).session.exports;
  expect(mumExport).toMatchObject({ audience: 'mum', kind: 'downloaded', confirmed_worries: [1] });

  // Mum's next copy asks nothing more; the court's never asks.
  await downloadWith(page, 'Download summary');
  await summaryFor.selectOption({ label: 'The judge / the court' });
  await downloadWith(page, 'Download summary');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const exports = (await sessionRecord(page, 'Mia')).session.exports;
  expect(exports.map((e) => [e.audience, e.confirmed_worries ?? []])).toEqual([['mum', [1]], ['mum', []], ['court', []]]);

  // The worker now holds the worry back from Mum: the dialog says her copies still hold it.
  await button(page, 'Held back and passed on').click();
  await entry(page, 'Dad shouts at night').getByRole('button', { name: 'Hold back…' }).click();
  const hold = page.getByRole('dialog', { name: 'Hold back from someone the child chose' });
  await expect(hold.getByRole('note')).toHaveCount(0);
  await hold.getByRole('combobox', { name: 'From whom' }).selectOption({ label: 'The judge / the court' });
  await expect(hold.getByRole('note'), "the court's copy holds it too").toContainText('The judge / the court');
  await hold.getByRole('combobox', { name: 'From whom' }).selectOption({ label: 'Mum' });
  const copies = hold.getByRole('note');
  await expect(copies).toContainText(filled(EN.hold_copies_given, { audience: 'Mum' }));
  await expect(copies.getByRole('listitem')).toHaveCount(2);
  await expect(copies.getByRole('listitem').first()).toContainText(/^Mum — downloaded .+ · hear-me-summary-Mia-[\d-]+-for-mum\.html$/);
  await page.screenshot({ path: test.info().outputPath('hold-after-a-copy-left-1024x768.png') });
  await hold.getByRole('textbox', { name: 'Reason' }).fill('Mum may press the child');
  await button(page, 'Record').click();
  await expect(hold).toBeHidden();

  // The full record marks Mum's copies, and not the court's.
  await openSessionFolds(page);
  await button(page, 'Summary').click();
  await summaryFor.selectOption({ label: "Everything: the worker's full record" });
  const given = page.frameLocator('iframe.summary-frame').locator('.given-to li');
  await expect(given).toHaveCount(3);
  for (const at of [0, 1]) {
    await expect(given.nth(at).locator('.since-held-back')).toHaveText(/^The copy for Mum of .+ holds an entry since held back\.$/);
  }
  await expect(given.nth(2).locator('.since-held-back')).toHaveCount(0);
  // And the summary screen's list of what left the tablet, newest first, says it too.
  const left = page.getByRole('region', { name: 'What left the tablet' }).getByRole('listitem');
  await expect(left).toHaveCount(3);
  await expect(left.nth(0).locator('.since-held-back')).toHaveCount(0);
  for (const at of [1, 2]) {
    await expect(left.nth(at).locator('.since-held-back')).toHaveText(/^The copy for Mum of .+ holds an entry since held back\.$/);
  }
});

for (const [code, T, age, version, shot] of [
  ['de', DE, 6, 'younger', '/work/shots/takeout-de.png'],
  ['ar', AR, 12, 'older', '/work/shots/takeout-ar.png'],
]) {
  test(`no promise the worker cannot keep: take-out, before we start and the sharing screen in ${code}`, async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await openApp(page);
    await startSession(page, { name: 'Lea', age, worker: 'Sam', language: code });

    // Before we start: a try, and always being told.
    await page.getByRole('button', { name: new RegExp(`^${EN.before_open}`) }).click();
    await expect(page.getByText(T[`before_${version}_limit`], { exact: true })).toBeVisible();
    await button(page, EN.back_to_session).click();

    // The sharing screen, the same.
    await button(page, EN.three_houses).click();
    await openSessionFolds(page);
    await button(page, T.sharing_tool).click();
    await expect(page.getByRole('note')).toHaveText(T[`sharing_${version}_limit`]);
    await button(page, EN.back_to_session).click();

    // The take-out dialog: the worker still sees it, and may have to pass it on.
    await button(page, EN.three_houses).click();
    await button(page, EN.hand_to_child).click();
    await door(page, T.house_good_things).click();
    await addWordsIn(page, T, 'Fußball');
    await button(page, filled(T.take_out_entry, { number: 1 })).click();
    const dialog = page.getByRole('dialog', { name: T.confirm_take_out_title });
    const said = filled(T[`confirm_take_out_${version}_text`], { worker: isolated('Sam') });
    await expect(dialog).toContainText(said);
    for (const old of ["won't be shown", 'niemandem gezeigt', 'لن يُعرض على أحد']) await expect(dialog).not.toContainText(old);
    fs.mkdirSync('/work/shots', { recursive: true });
    await page.screenshot({ path: shot });
    await dialog.getByRole('button', { name: T.keep }).click();
    await expect(dialog).toBeHidden();
  });
}

for (const [code, T] of [['ar', AR], ['de', DE]]) {
  test(`mixed-direction words keep their order on every screen in a session in ${code}`, async ({ page }) => {
    await openApp(page);
    await startSession(page, { name: MIXED, age: 9, worker: 'Sam', language: code });
    await button(page, EN.three_houses).click();
    await door(page, T.house_dreams).click();
    await addWordsIn(page, T, MIXED);
    const words = (root) => root.locator('.childs-words').filter({ hasText: 'Ben' });
    await expectIsolated(words(page.getByRole('list', { name: T.entries_label })), MIXED, 'the entry in its house');

    // Read back.
    await button(page, T.read_back).click();
    await expectIsolated(words(page.locator('.read-back-entry')), MIXED, 'read back');
    await button(page, T.done).click();

    // Who may see what: the child names a person with the same mixed name.
    await button(page, T.back_to_houses).click();
    await openSessionFolds(page);
    await button(page, T.sharing_tool).click();
    // The person is named at the start of the walk; the words are the one entry after it.
    await page.getByRole('textbox', { name: T.add_person_label }).fill(MIXED);
    await button(page, T.add_person).click();
    await button(page, T.sharing_next).click();
    await expectIsolated(words(page.locator('.sharing-step')), MIXED, 'the sharing screen');
    const person = page.locator('.sharing-step button.audience bdi').filter({ hasText: 'Ben' });
    await expectIsolated(person, MIXED, "the person's name on the sharing screen");
    await person.first().click();

    // Who will see what, the walk's last screen: the person's name and the words.
    await button(page, T.who_will_see_button).click();
    const seen = page.locator('.seen-by');
    await expectIsolated(seen.locator('.seen-by-who bdi'), MIXED, 'who will see: the name');
    await expectIsolated(words(seen), MIXED, 'who will see: the words');
    await button(page, T.back_to_sharing).click();
    await button(page, EN.back_to_session).click();

    // The worker's decisions: the words and the child's wish, naming the person.
    await openSessionFolds(page);
    await button(page, EN.summary_tool).click();
    await button(page, EN.worker_decisions_open).click();
    await expectIsolated(words(page.locator('.worker-row')), MIXED, "the worker's decisions: the words");
    await expectIsolated(page.locator('.worker-row .decision bdi'), MIXED, "the worker's decisions: the wish");

    // The list of sessions: the child's alias.
    await openSessionFolds(page);
    await button(page, EN.summary_tool).click();
    await button(page, EN.back_to_session).click();
    await button(page, EN.all_children).click();
    await expectIsolated(page.locator('.session-facts strong'), MIXED, 'the list of sessions');
  });
}
