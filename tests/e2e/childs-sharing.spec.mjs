// End-to-end (issue 23): the child decides who sees what, in child mode. Who may see what is
// the child's walk: one entry per screen, large at the top, the people as big pictures with a
// tick when chosen, only the people the worker left on, and "Who will see what" last. The
// worker's own records (held back, passed on) and the session stay behind the PIN.
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
  sharingChoice,
  walkOn,
  walkToWhoWillSee,
  openDrawing,
  openSessionFolds,
} from './flows.mjs';
import { PIN, drawWithTouch } from './helpers.mjs';

const houseButton = (page, name) => page.getByRole('button', { name: new RegExp(`^${name}`) });
const pinDialog = (page) => page.getByRole('dialog', { name: 'Worker PIN, please' });

for (const [width, height] of [[1024, 768], [768, 1024]]) {
  test(`the child decides who sees what in child mode, one entry per screen, at ${width}x${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openApp(page);
    await startSession(page, { name: 'Mia', age: 7, worker: 'Sam' });

    // The worker turns Dad off for this child before the tablet is handed over.
    await button(page, 'People the child can choose').click();
    const people = page.getByRole('dialog', { name: 'People the child can choose' });
    await people.getByRole('checkbox', { name: 'Dad' }).uncheck();
    await people.getByRole('button', { name: 'Done' }).click();

    await button(page, 'Three Houses').click();
    await houseButton(page, 'House of Worries').click();
    await addWords(page, 'WORRY-ONE');
    await addWords(page, 'WORRY-TWO');
    // "Who may see?" of one entry shows the entry it is about, and its choices are named by it.
    await button(page, 'Who may see entry 1?').click();
    const dialog = page.getByRole('dialog', { name: 'Who may see this?' });
    await expect(dialog.locator('.childs-words')).toHaveText('WORRY-ONE');
    await expect(dialog.getByRole('group', { name: 'Who may see \u201cWORRY-ONE\u201d?' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await button(page, 'Back to the houses').click();
    await houseButton(page, 'House of Good Things').click();
    await addWords(page, 'GOOD-ONE');
    await drawWithTouch(page, await openDrawing(page), [[0.2, 0.3], [0.5, 0.7], [0.8, 0.4]]);
    await button(page, 'Done').click();
    await button(page, 'Back to the houses').click();

    // The tablet goes to the child; who may see what opens without the PIN.
    await button(page, 'Give to the child').click();
    await expect(button(page, 'Give to the child')).toHaveCount(0);
    await button(page, 'Who may see what').click();
    await expect(pinDialog(page)).toHaveCount(0);
    await expect(heading(page, 'Who may see what?')).toBeVisible();
    // Where the wish ends is said first; the worker's own records are not on the child's screen.
    await expect(page.getByRole('note')).toContainText('I will try to tell you first, and I will always tell you what happens.');
    await expect(button(page, 'Held back and passed on')).toHaveCount(0);

    // One entry per screen: its words large at the top, one set of choices, where it is in dots.
    await walkOn(page);
    const first = page.getByRole('group', { name: 'Who may see \u201cWORRY-ONE\u201d?' });
    await expect(first).toBeVisible();
    await expect(page.locator('.sharing-step')).toHaveCount(1);
    await expect(page.getByRole('group', { name: /who may see/i })).toHaveCount(1);
    await expect(page.getByText('WORRY-TWO')).toHaveCount(0);
    await expect(page.getByText('GOOD-ONE')).toHaveCount(0);
    await expect(page.locator('.walk-dot')).toHaveCount(4);
    await expect(page.locator('.walk-dot.here')).toHaveCount(1);
    await expect(page.locator('.walk-count')).toHaveText('1 of 4');
    const words = page.locator('.sharing-step .childs-words');
    await expect(words).toHaveText('WORRY-ONE');
    const size = await words.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size, 'the child\'s words are large').toBeGreaterThanOrEqual(30);
    const wordsBox = await words.boundingBox();
    const choicesBox = await first.boundingBox();
    expect(wordsBox.y, 'the words are above the people').toBeLessThan(choicesBox.y);

    // Only the people the worker left on; each a big picture with its word.
    await expect(sharingChoice(first, 'Dad')).toHaveCount(0);
    await expect(sharingChoice(first, 'Mum')).toBeVisible();
    await expect(sharingChoice(first, 'Nobody else')).toBeVisible();
    for (const person of await first.getByRole('button').all()) {
      const box = await person.boundingBox();
      expect(box.width, 'a big picture').toBeGreaterThanOrEqual(96);
      expect(box.height, 'a big picture').toBeGreaterThanOrEqual(96);
      expect(box.x + box.width, 'nothing off the screen sideways').toBeLessThanOrEqual(width);
    }
    const mum = sharingChoice(first, 'Mum');
    await expect(mum.locator('.tick')).toBeHidden();
    await mum.click();
    await expect(mum).toHaveAttribute('aria-pressed', 'true');
    await expect(mum.locator('.tick'), 'a tick, not only a border').toBeVisible();
    await expect(sharingChoice(first, 'My teacher').locator('.tick')).toBeHidden();
    await page.screenshot({ path: test.info().outputPath(`one-entry-${width}x${height}.png`) });
    // Every person, and the way on, without scrolling: nothing hides under the way on.
    const navTop = (await page.locator('.walk-nav').boundingBox()).y;
    for (const person of await first.getByRole('button').all()) {
      const box = await person.boundingBox();
      expect(box.y + box.height, 'every person is on the screen, above the way on').toBeLessThanOrEqual(navTop);
    }
    expect(navTop + (await page.locator('.walk-nav').boundingBox()).height).toBeLessThanOrEqual(height);

    // Back and on again: the choice is kept, and the way on is in reach without scrolling.
    const next = page.getByRole('navigation', { name: 'Who may see what?' }).getByRole('button', { name: 'Next', exact: true });
    await expect(next).toBeInViewport();
    await walkOn(page);
    const second = await sharingFor(page, 'WORRY-TWO');
    await expect(page.locator('.walk-count')).toHaveText('2 of 4');
    await sharingChoice(second, 'Nobody else').click();
    await expect(sharingChoice(second, 'Nobody else')).toHaveAttribute('aria-pressed', 'true');
    await expect(sharingChoice(second, 'Nobody else').locator('.tick')).toBeVisible();
    await button(page, 'Previous').click();
    await expect(sharingChoice(first, 'Mum')).toHaveAttribute('aria-pressed', 'true');
    await walkOn(page);
    await walkOn(page);
    await expect(page.locator('.walk-count')).toHaveText('3 of 4');
    // The drawing, large as the picture it is, and still every person above the way on.
    await walkOn(page);
    await expect(page.locator('.walk-count')).toHaveText('4 of 4');
    const drawing = page.getByRole('group', { name: 'House of Good Things: who may see this drawing?' });
    await expect(drawing).toBeVisible();
    const picture = await page.locator('.sharing-step canvas').boundingBox();
    expect(picture.width, 'the drawing is large').toBeGreaterThanOrEqual(300);
    const navNow = (await page.locator('.walk-nav').boundingBox()).y;
    for (const person of await drawing.getByRole('button').all()) {
      const box = await person.boundingBox();
      expect(box.y + box.height, 'every person is on the screen beside the drawing').toBeLessThanOrEqual(navNow);
    }
    await page.screenshot({ path: test.info().outputPath(`drawing-${width}x${height}.png`) });
    await expect(button(page, 'Next')).toHaveCount(0);

    // The last screen of the walk: who will see what, read back to the child.
    await walkToWhoWillSee(page);
    await expect(pinDialog(page)).toHaveCount(0);
    const seenByMum = page.getByRole('region', { name: 'Mum', exact: true });
    await expect(seenByMum.locator('.childs-words')).toHaveText(['WORRY-ONE']);
    await expect(page.getByText('WORRY-TWO')).toHaveCount(0);
    await button(page, 'Done').click();
    await expect(heading(page, 'The Three Houses')).toBeVisible();
    await expect(pinDialog(page)).toHaveCount(0);

    const record = await sessionRecord(page, 'Mia');
    const worries = record.session.questions.worries.entries;
    expect(worries[0].sharing.decision).toEqual({ shared_with: ['mum'] });
    expect(worries[1].sharing.decision).toBe('private');
    expect(record.session.questions.good_things.entries[0].sharing?.decision ?? null).toBeNull();

    // The session (and with it the worker's records) needs the PIN.
    await button(page, 'Back to the session').click();
    await expect(pinDialog(page)).toBeVisible();
    await pinDialog(page).getByRole('button', { name: 'Cancel' }).click();
    await button(page, 'Who may see what').click();
    await page.goBack();
    await expect(pinDialog(page)).toBeVisible();
    await pinDialog(page).getByRole('button', { name: 'Cancel' }).click();
    await expect(heading(page, 'Who may see what?')).toBeVisible();

    // For the worker, the overview of every entry with the holds and passings-on is one tap away.
    await button(page, 'Back to the houses').click();
    await button(page, 'Back to the session').click();
    await pinDialog(page).getByLabel('Worker PIN').fill(PIN);
    await pinDialog(page).getByRole('button', { name: 'Continue' }).click();
    await expect(heading(page, 'Session with Mia')).toBeVisible();
    await openSessionFolds(page);
    await page.getByRole('button', { name: /^Who may see what/ }).click();
    await button(page, 'Held back and passed on').click();
    await expect(heading(page, 'Held back and passed on')).toBeVisible();
    await expect(page.locator('.worker-row')).toHaveCount(4);
  });
}
