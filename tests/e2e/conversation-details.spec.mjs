// End-to-end contract for the worker's record of the conversation around the child's words
// (issue 16): "About this conversation", the age version, finishing, amendments after the
// end, what happens next and the family's and network's responses.
// Run: make build, then
// HEAR_ME_E2E_PORT=4182 npx playwright test tests/e2e/conversation-details.spec.mjs
import fs from 'node:fs';
import {
  test,
  expect,
  button,
  heading,
  wordsBox,
  entryItems,
  startSession,
  addWords,
  sessionRecord,
  openApp,
  reloadAndUnlock,
  openSessionFolds,
} from './flows.mjs';

const dialog = (page) => page.getByRole('dialog');
const detailsDialog = (page) => page.getByRole('dialog', { name: 'About this conversation' });
const peopleList = (page) => page.getByRole('list', { name: 'Who was there' });
const people = (page) => peopleList(page).getByRole('listitem');
const responsesList = (page) => page.getByRole('list', { name: 'How the family and network responded' });

/** After a reload the app opens at the start: back into the child's session. */
async function openSession(page, name) {
  const sessionHeading = heading(page, `Session with ${name}`);
  if (!(await sessionHeading.isVisible())) {
    await page.getByRole('button', { name: `Open the session with ${name}` }).click();
  }
  await expect(sessionHeading).toBeVisible();
}

async function openDetails(page) {
  await openSessionFolds(page);
  await button(page, 'About this conversation').click();
  await expect(detailsDialog(page)).toBeVisible();
}

/** The moment on the session's first day at a local time, as the app computes it. */
async function localMoment(page, dayOfMs, hours, minutes) {
  return page.evaluate(([at, h, m]) => {
    const date = new Date(at);
    date.setHours(h, m, 0, 0);
    return date.getTime();
  }, [dayOfMs, hours, minutes]);
}

async function finish(page, name) {
  await openSessionFolds(page);
  await button(page, 'Finish the conversation').click();
  await expect(dialog(page)).toHaveAccessibleName(`Finish the conversation with ${name}?`);
  await dialog(page).getByRole('button', { name: 'Finish the conversation', exact: true }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /^Finished at / })).toBeVisible();
}

test('every detail of the conversation is filled in, said plainly when wrong, and kept after a reload', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 6, worker: 'Sam' });
  await openSessionFolds(page);
  // The start time is shown at once, from when the session was started.
  await expect(page.getByText(/^Started$/)).toBeVisible();

  await openDetails(page);
  const details = detailsDialog(page);
  await details.getByLabel('Started', { exact: true }).fill('09:30');
  await details.getByLabel('Started', { exact: true }).blur();
  await details.getByRole('textbox', { name: 'Place', exact: true }).fill('Family room at the office');

  // Three people; the third is removed, and removing asks first.
  for (const who of ['Mum', 'Ms Kaya, teacher', 'Dad']) {
    await details.getByRole('button', { name: 'Add a person', exact: true }).click();
    await people(page).last().getByRole('textbox', { name: 'Name', exact: true }).fill(who);
  }
  await people(page).nth(0).getByRole('radio', { name: 'Nearby' }).check();
  await people(page).nth(2).getByRole('radio', { name: 'Not there' }).check();
  await expect(people(page).nth(1).getByRole('radio', { name: 'In the room' })).toBeChecked();
  await page.getByRole('button', { name: 'Remove Dad', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove Dad from who was there?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Keep' }).click();
  await expect(people(page)).toHaveCount(3);
  await page.getByRole('button', { name: 'Remove Dad', exact: true }).click();
  await confirm.getByRole('button', { name: 'Remove Dad' }).click();
  await expect(people(page)).toHaveCount(2);

  await details.getByRole('textbox', { name: 'Other language spoken (optional)' }).fill('Arabic');
  await details.getByRole('textbox', { name: /^Interpreter.s name$/ }).fill('Samir Haddad');
  await details.getByRole('textbox', { name: /^Interpreter.s role$/ }).fill('Community interpreter');

  // A day without who informed the parents is said beside the field, and not stored.
  await details.getByLabel('Informed on').fill('2026-11-20');
  await expect(details.getByText('Please write who informed the parents.')).toBeVisible();
  await details.getByRole('textbox', { name: /^Informed by/ }).fill('Sam Worker');
  await expect(details.getByText('Please write who informed the parents.')).toHaveCount(0);

  // "Not sought" asks for its reason.
  await expect(details.getByRole('radio', { name: 'Not recorded' })).toBeChecked();
  await expect(details.getByRole('textbox', { name: /^Why not sought/ })).toHaveCount(0);
  await details.getByRole('radio', { name: 'Not sought' }).check();
  await expect(details.getByText('Please write the reason.')).toBeVisible();
  await details.getByRole('textbox', { name: /^Why not sought/ }).fill('§8a enquiry: a parent is the danger');
  await expect(details.getByText('Please write the reason.')).toHaveCount(0);
  await details.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(details).toHaveCount(0);

  const expectStored = async () => {
    await expect.poll(async () => (await sessionRecord(page, 'Mia'))?.session?.details?.parents?.consent).toEqual({
      not_sought: { reason: '§8a enquiry: a parent is the danger' },
    });
    const session = (await sessionRecord(page, 'Mia')).session;
    expect(session.place).toBe('Family room at the office');
    expect(session.details.started_at).toBe(await localMoment(page, session.created_at, 9, 30));
    expect(session.details.people).toEqual([
      { who: 'Mum', whereabouts: 'nearby' },
      { who: 'Ms Kaya, teacher', whereabouts: 'in_the_room' },
    ]);
    expect(session.details.language).toBe('Arabic');
    expect(session.details.interpreter).toEqual({ name: 'Samir Haddad', role: 'Community interpreter' });
    expect(session.details.parents.informed).toEqual({ by: 'Sam Worker', on: '2026-11-20' });
  };
  await expectStored();

  await reloadAndUnlock(page);
  await openSession(page, 'Mia');
  await openSessionFolds(page);
  await openDetails(page);
  const again = detailsDialog(page);
  await expect(again.getByLabel('Started', { exact: true })).toHaveValue('09:30');
  await expect(again.getByRole('textbox', { name: 'Place', exact: true })).toHaveValue('Family room at the office');
  await expect(people(page)).toHaveCount(2);
  await expect(people(page).nth(0).getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Mum');
  await expect(people(page).nth(0).getByRole('radio', { name: 'Nearby' })).toBeChecked();
  await expect(people(page).nth(1).getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Ms Kaya, teacher');
  await expect(people(page).nth(1).getByRole('radio', { name: 'In the room' })).toBeChecked();
  await expect(again.getByRole('textbox', { name: 'Other language spoken (optional)' })).toHaveValue('Arabic');
  await expect(again.getByRole('textbox', { name: /^Interpreter.s name$/ })).toHaveValue('Samir Haddad');
  await expect(again.getByRole('textbox', { name: /^Interpreter.s role$/ })).toHaveValue('Community interpreter');
  await expect(again.getByRole('textbox', { name: /^Informed by/ })).toHaveValue('Sam Worker');
  await expect(again.getByLabel('Informed on')).toHaveValue('2026-11-20');
  await expect(again.getByRole('radio', { name: 'Not sought' })).toBeChecked();
  await expect(again.getByRole('textbox', { name: /^Why not sought/ })).toHaveValue('§8a enquiry: a parent is the danger');
  await page.keyboard.press('Escape');
  await expect(again).toHaveCount(0);
  await expectStored();
});

test("the questions are for younger or older children by the age, and the worker's choice is stored", async ({ page }) => {
  await openApp(page);
  const younger = () => page.getByRole('radio', { name: 'Younger children (about 4 to 8)' });
  const older = () => page.getByRole('radio', { name: 'Older children (about 9 to 16)' });

  await startSession(page, { name: 'Ada', age: 6 });
  await openSessionFolds(page);
  await expect(page.getByRole('group', { name: 'Questions for' })).toBeVisible();
  await expect(younger()).toBeChecked();
  await expect(older()).not.toBeChecked();
  await button(page, 'All children').click();

  await startSession(page, { name: 'Ben', age: 12 });
  await openSessionFolds(page);
  await expect(older()).toBeChecked();
  await expect.poll(async () => (await sessionRecord(page, 'Ben'))?.session).toBeTruthy();
  expect((await sessionRecord(page, 'Ben')).session.age_version).toBeUndefined();
  // Ben is 12 but reads little: the worker chooses the younger questions.
  await younger().check();
  await expect(younger()).toBeChecked();
  await expect.poll(async () => (await sessionRecord(page, 'Ben'))?.session?.age_version).toBe('younger');

  await reloadAndUnlock(page);
  await openSession(page, 'Ben');
  await openSessionFolds(page);
  await expect(younger()).toBeChecked();
});

test('finishing asks first; afterwards the words are read-only and change only by an amendment with a reason', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 7 });
  await openSessionFolds(page);
  await button(page, 'Three Houses').click();
  await page.getByRole('button', { name: /^House of Worries/ }).click();
  await addWords(page, 'I miss my cat');
  await button(page, 'Back to the houses').click();
  await button(page, 'Back to the session').click();
  await expect(heading(page, 'Session with Mia')).toBeVisible();

  // Keep: nothing is finished.
  await openSessionFolds(page);
  await button(page, 'Finish the conversation').click();
  await expect(dialog(page)).toContainText('A later change is an amendment');
  await dialog(page).getByRole('button', { name: 'Keep' }).click();
  await expect(dialog(page)).toHaveCount(0);
  expect((await sessionRecord(page, 'Mia')).session.finished_at).toBeUndefined();

  await finish(page, 'Mia');
  await expect(button(page, 'Finish the conversation')).toHaveCount(0);
  await expect(page.getByText(/^Ended$/)).toBeVisible();
  await expect.poll(async () => (await sessionRecord(page, 'Mia'))?.session?.finished_at).toBeGreaterThan(0);

  // The times stay the worker's to correct after the end; an end before the start is said.
  await openDetails(page);
  const details = detailsDialog(page);
  await details.getByLabel('Started', { exact: true }).fill('08:00');
  await details.getByLabel('Ended', { exact: true }).fill('07:00');
  await expect(details.getByText('The end cannot be before the start. Please check the times.')).toBeVisible();
  await details.getByLabel('Ended', { exact: true }).fill('08:45');
  await expect(details.getByText('The end cannot be before the start. Please check the times.')).toHaveCount(0);
  await details.getByRole('button', { name: 'Done', exact: true }).click();
  await expect.poll(async () => (await sessionRecord(page, 'Mia'))?.session?.details?.ended_at).toBeGreaterThan(0);
  {
    const stored = (await sessionRecord(page, 'Mia')).session;
    expect(stored.details.started_at).toBe(await localMoment(page, stored.created_at, 8, 0));
    expect(stored.details.ended_at).toBe(await localMoment(page, stored.finished_at, 8, 45));
  }

  await button(page, 'Three Houses').click();
  await page.getByRole('button', { name: /^House of Worries/ }).click();
  await button(page, 'Open entry 1').click();
  const box = wordsBox(page);
  await expect(box).toHaveValue('I miss my cat');
  await expect(box).not.toBeEditable();
  await expect(page.getByRole('radio', { name: 'Child wrote' })).toBeDisabled();

  // Without a reason the amendment is refused, and said beside the reason.
  await button(page, 'Amend').click();
  const amend = page.getByRole('dialog', { name: 'Amend' });
  await amend.getByRole('textbox', { name: /^The child.s words$/ }).fill('I miss my cat Tiger');
  await amend.getByRole('button', { name: 'Amend', exact: true }).click();
  await expect(amend.getByText('Please write the reason.')).toBeVisible();
  // The same text is no amendment.
  await amend.getByRole('textbox', { name: /^The child.s words$/ }).fill('I miss my cat');
  await amend.getByRole('textbox', { name: 'Why is this changed?' }).fill('Read back: the cat has a name');
  await amend.getByRole('button', { name: 'Amend', exact: true }).click();
  await expect(amend.getByText('The new text is the same as before. Nothing was changed.')).toBeVisible();
  await amend.getByRole('textbox', { name: /^The child.s words$/ }).fill('I miss my cat Tiger');
  await amend.getByRole('button', { name: 'Amend', exact: true }).click();
  await expect(amend).toHaveCount(0);
  await expect(box).toHaveValue('I miss my cat Tiger');
  await expect(page.getByRole('listitem').filter({ hasText: /^Amended at .*: .I miss my cat. became .I miss my cat Tiger.\. Why: Read back: the cat has a name$/ })).toBeVisible();

  await expect.poll(async () => (await sessionRecord(page, 'Mia'))?.session?.amendments?.length).toBe(1);
  const session = (await sessionRecord(page, 'Mia')).session;
  expect(session.amendments[0]).toMatchObject({
    before: 'I miss my cat',
    after: 'I miss my cat Tiger',
    why: 'Read back: the cat has a name',
  });
  expect(JSON.stringify(session.questions.worries.entries)).toContain('"I miss my cat Tiger"');

  // Done leaves the entry as amended.
  await button(page, 'Done').click();
  await expect(entryItems(page).first()).toContainText('I miss my cat Tiger');
});

test("what happens next and the network responses are stored; after the end the child's wish changes only by amendment", async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Noor', age: 10 });
  await openSessionFolds(page);
  const next = page.getByRole('region', { name: 'What happens next' });
  const wants = next.getByRole('textbox', { name: 'What Noor wants to happen next' });
  await wants.fill('To see Mum at weekends');
  await next.getByRole('radio', { name: 'Child wrote' }).check();
  await next.getByRole('textbox', { name: 'What I told Noor will happen next' }).fill('I will tell the judge what you wish.');

  const responses = page.getByRole('region', { name: 'How the family and network responded' });
  await expect(responses).toContainText('Only in the full record');
  const newWho = responses.getByRole('textbox', { name: 'Who' }).last();
  const newText = responses.getByRole('textbox', { name: 'What they said' }).last();
  // Nothing said, nothing added: said beside the field.
  await newWho.fill('Mum');
  await responses.getByRole('button', { name: 'Add a response' }).click();
  await expect(responses.getByText('Please write what they said.')).toBeVisible();
  await newText.fill('She cried and said she had not known.');
  await responses.getByRole('button', { name: 'Add a response' }).click();
  await expect(responsesList(page).getByRole('listitem')).toHaveCount(1);
  await newWho.fill('Teacher');
  await newText.fill('Noor is tired at school.');
  await responses.getByRole('button', { name: 'Add a response' }).click();
  await expect(responsesList(page).getByRole('listitem')).toHaveCount(2);
  // Corrected in place, and one removed (asked first).
  await responsesList(page).getByRole('listitem').nth(1).getByRole('textbox', { name: 'What they said' })
    .fill('Noor is often tired at school.');
  await responsesList(page).getByRole('listitem').nth(0).getByRole('button', { name: 'Remove this response' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove this response for good?' });
  await expect(confirm).toContainText('She cried and said she had not known.');
  await confirm.getByRole('button', { name: 'Remove this response' }).click();
  await expect(responsesList(page).getByRole('listitem')).toHaveCount(1);

  await expect.poll(async () => (await sessionRecord(page, 'Noor'))?.session?.network_responses?.[0]?.text)
    .toBe('Noor is often tired at school.');
  let session = (await sessionRecord(page, 'Noor')).session;
  expect(session.network_responses).toHaveLength(1);
  expect(session.network_responses[0].who).toBe('Teacher');
  expect(session.next_steps).toEqual({
    child_wants: { text: 'To see Mum at weekends', voice: 'child_wrote' },
    worker_told: 'I will tell the judge what you wish.',
  });

  await finish(page, 'Noor');
  await expect(wants).not.toBeEditable();
  await next.getByRole('button', { name: 'Amend' }).click();
  const amend = page.getByRole('dialog', { name: 'Amend' });
  await amend.getByRole('textbox', { name: 'What Noor wants to happen next' }).fill('To live with Mum');
  await amend.getByRole('textbox', { name: 'Why is this changed?' }).fill('Noor said it again at the door');
  await amend.getByRole('button', { name: 'Amend', exact: true }).click();
  await expect(amend).toHaveCount(0);
  await expect(wants).toHaveValue('To live with Mum');
  await expect(next.getByRole('listitem')).toContainText('"To see Mum at weekends" became "To live with Mum"');
  // What the worker told stays the worker's, editable after the end.
  await expect(next.getByRole('textbox', { name: 'What I told Noor will happen next' })).toBeEditable();

  await reloadAndUnlock(page);
  await openSession(page, 'Noor');
  await openSessionFolds(page);
  await expect(wants).toHaveValue('To live with Mum');
  await expect(responsesList(page).getByRole('listitem')).toHaveCount(1);
  session = (await sessionRecord(page, 'Noor')).session;
  expect(session.next_steps.child_wants).toEqual({ text: 'To live with Mum', voice: 'child_wrote' });
  expect(session.amendments).toEqual([
    expect.objectContaining({ what: 'child_wants_next', before: 'To see Mum at weekends', after: 'To live with Mum' }),
  ]);
});

/** Nothing cut off sideways, and every button and toggle at least 48 px tall and wide. */
async function expectFitsAndBigTargets(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'no horizontal scrolling').toBeLessThanOrEqual(0);
  const small = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // A radio or a checkbox is reached through its label, which is the target.
    return [...document.querySelectorAll('button, .toggle-choice, .voice-choice, input:not([type=radio]):not([type=checkbox]), textarea')]
      .filter((element) => element.offsetParent !== null)
      .map((element) => {
        const box = element.getBoundingClientRect();
        return { text: (element.innerText || element.getAttribute('aria-label') || element.name || element.type || '').slice(0, 40), box };
      })
      .filter(({ box }) => box.height < 48 || box.width < 48 || box.left < 0 || box.right > width)
      .map(({ text, box }) => `${text} ${Math.round(box.left)},${Math.round(box.width)}x${Math.round(box.height)}`);
  });
  expect(small, 'targets smaller than 48 px or cut off').toEqual([]);
}

test('the session screen fits a tablet on its side and upright, with big targets', async ({ page }) => {
  fs.mkdirSync('test-results', { recursive: true });
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 6 });
  await openSessionFolds(page);
  await openDetails(page);
  await detailsDialog(page).getByRole('button', { name: 'Add a person', exact: true }).click();
  await people(page).last().getByRole('textbox', { name: 'Name', exact: true }).fill('Mum');
  await detailsDialog(page).getByRole('radio', { name: 'Not sought' }).check();
  for (const [width, height] of [[1024, 768], [768, 1024]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/conversation-details-dialog-${width}x${height}.png` });
    await expectFitsAndBigTargets(page);
  }
  await page.keyboard.press('Escape');
  const responses = page.getByRole('region', { name: 'How the family and network responded' });
  await responses.getByRole('textbox', { name: 'Who' }).last().fill('Mum');
  await responses.getByRole('textbox', { name: 'What they said' }).last().fill('She said she will try.');
  await responses.getByRole('button', { name: 'Add a response' }).click();
  await finish(page, 'Mia');
  for (const [width, height] of [[1024, 768], [768, 1024]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/conversation-details-session-${width}x${height}.png`, fullPage: true });
    await expectFitsAndBigTargets(page);
  }
});
