// The child's own screens (issue 23), on a tablet held either way: in child mode a house
// shows the child's things (no caption box, no "who said / who wrote", no worker's question)
// and the house itself large; every stamp is in sight after at most one tap on a page of the
// tray, and people come with a neutral face too; what the child took out leaves the dots;
// and the helper's way on is on the screen when the child chooses a helper themselves.
import fs from 'node:fs';
import {
  test, expect, button, heading, startSession, addWords, openApp, openDrawing, texts, filled,
  entryItems, drawingArea, sessionRecord, startForm,
} from './flows.mjs';
import { drawWithTouch } from './helpers.mjs';

const EN = texts('en');
const SIZES = [
  { name: 'landscape', viewport: { width: 1024, height: 768 } },
  { name: 'portrait', viewport: { width: 768, height: 1024 } },
];
const door = (page, name) => page.getByRole('button', { name: new RegExp(`^${name}`) });
const dotsUnder = (page, name) => door(page, name).locator('.door-dots');
const tray = (page) => page.getByRole('group', { name: EN.stamp_tray });
const stampPages = (page) => page.getByRole('group', { name: EN.stamp_pages });

/** Wholly inside the viewport, not only partly. */
async function expectWhollyInSight(page, locator, what) {
  const box = await locator.boundingBox();
  const { width, height } = page.viewportSize();
  expect(box, `${what} is shown`).not.toBeNull();
  expect(box.x, `${what}: left`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what}: right`).toBeLessThanOrEqual(width);
  expect(box.y + box.height, `${what}: bottom`).toBeLessThanOrEqual(height);
  return box;
}

/** The page is not scrolled: what is in sight is in sight without scrolling. */
async function expectNotScrolled(page) {
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
}

for (const size of SIZES) {
  test.describe(`${size.name} ${size.viewport.width}×${size.viewport.height}`, () => {
    test.use({ viewport: size.viewport });

    test(`a house in child mode shows the child's things, and the house large (${size.name})`, async ({ page }) => {
      await openApp(page);
      await startSession(page, { name: 'Mia', age: 7 });
      await button(page, 'Three Houses').click();
      await door(page, 'House of Worries').click();
      await addWords(page, 'Papa schreit');
      const canvas = await openDrawing(page);
      await drawWithTouch(page, canvas, [[0.2, 0.3], [0.7, 0.6]]);
      await button(page, 'Done').click();
      // The worker's own notes are there for the worker.
      await page.getByRole('textbox', { name: EN.caption_label }).fill('me and the rain');
      await expect(page.getByRole('textbox', { name: EN.worker_question_label })).toHaveCount(2);
      await expect(page.getByRole('group', { name: EN.voice_question })).toBeVisible();
      await expect.poll(async () => (await sessionRecord(page, 'Mia'))?.session?.questions?.worries?.entries?.[1]?.caption?.text)
        .toBe('me and the rain');

      await button(page, EN.back_to_houses).click();
      await button(page, EN.hand_to_child).click();
      await door(page, 'House of Worries').click();
      await expect(heading(page, 'House of Worries')).toBeVisible();
      await expect(entryItems(page)).toHaveCount(2);
      // No field and no choice of the worker's on the child's house.
      await expect(page.getByRole('textbox')).toHaveCount(0);
      await expect(page.getByRole('radio')).toHaveCount(0);
      await expect(page.getByRole('group', { name: EN.voice_question })).toHaveCount(0);
      await expect(page.getByText(EN.caption_label)).toHaveCount(0);
      await expect(page.getByText(EN.worker_question_label)).toHaveCount(0);
      // The child's own words about the drawing are shown as said.
      await expect(entryItems(page).nth(1).getByText('me and the rain', { exact: true })).toBeVisible();

      // The house is large: at least a third of the screen's height, and wholly in sight
      // with its question and the ways to answer.
      await expectNotScrolled(page);
      const picture = await expectWhollyInSight(page, page.locator('.question-picture img'), 'the house');
      expect(picture.height, 'the house is at least a third of the screen high').toBeGreaterThanOrEqual(size.viewport.height / 3);
      await expectWhollyInSight(page, page.getByText(EN.prompt_worries), 'the question');
      for (const name of ['Draw', 'Write words', 'Read back']) {
        await expectWhollyInSight(page, button(page, name), name);
      }
      // The child's entries are still reached.
      await entryItems(page).nth(1).scrollIntoViewIfNeeded();
      await expect(button(page, filled(EN.look_at_entry, { number: 2 }))).toBeInViewport();
      await page.screenshot({ path: test.info().outputPath(`house-child-${size.name}.png`), fullPage: true });

      // The words screen: who said and who wrote is the worker's mark, still there.
      await button(page, 'Write words').click();
      await expect(page.getByRole('group', { name: EN.voice_question })).toBeVisible();
    });

    test(`beside an Arabic-speaking child, who said and who wrote stays in the worker's language (${size.name})`, async ({ page }) => {
      const AR = texts('ar');
      await openApp(page);
      await startForm(page).name.fill('Yara');
      await page.getByRole('combobox', { name: "The child's language", exact: true }).selectOption('ar');
      await startForm(page).start.click();
      await expect(heading(page, 'Session with Yara')).toBeVisible();
      await button(page, 'Three Houses').click();
      // "Give to the child" is the worker's (in English once the worker's controls keep the
      // worker's language there; in Arabic before).
      await page.getByRole('button', { name: new RegExp(`^(${EN.hand_to_child}|${AR.hand_to_child})$`) }).click();
      await page.getByRole('button', { name: AR.house_worries, exact: true }).click();
      await expect(page.getByText(AR.prompt_worries)).toBeVisible();
      const picture = page.locator('.question-picture img');
      expect((await picture.boundingBox()).height).toBeGreaterThanOrEqual(size.viewport.height / 3);
      await button(page, AR.write_words).click();
      // The question is the child's, in Arabic; the mark of who said and who wrote is the
      // worker's, in English, and marked as English.
      await expect(page.getByText(AR.prompt_worries)).toBeVisible();
      const voices = page.getByRole('group', { name: EN.voice_question });
      await expect(voices.getByRole('radio', { name: EN.voice_child_said })).toBeChecked();
      await expect(voices.getByRole('radio', { name: EN.voice_child_wrote })).toBeVisible();
      await expect(page.locator('.workers-language', { has: voices })).toHaveAttribute('lang', 'en');
      await expect(page.locator('.workers-language', { has: voices })).toHaveAttribute('dir', 'ltr');
      await expect(page.getByText(AR.voice_question)).toHaveCount(0);
      await page.screenshot({ path: test.info().outputPath(`words-arabic-${size.name}.png`) });
    });

    test(`every stamp is in sight after one tap at most, and people have a neutral face too (${size.name})`, async ({ page }) => {
      await openApp(page);
      await startSession(page, { name: 'Ben', age: 6 });
      await button(page, 'Three Houses').click();
      await button(page, EN.hand_to_child).click();
      await door(page, 'House of Worries').click();
      const canvas = await openDrawing(page);
      await button(page, EN.stamps).click();
      await expect(tray(page)).toBeVisible();

      const pages = stampPages(page).getByRole('button');
      await expect(pages).toHaveCount(3);
      const seen = new Set();
      for (let p = 0; p < 3; p++) {
        const pageButton = pages.nth(p);
        await expectWhollyInSight(page, pageButton, `page ${p + 1}`);
        await pageButton.click();
        await expect(pageButton).toHaveAttribute('aria-pressed', 'true');
        const stamps = tray(page).getByRole('button');
        const count = await stamps.count();
        expect(count).toBeGreaterThan(0);
        for (let i = 0; i < count; i++) {
          const stamp = stamps.nth(i);
          const name = await stamp.getAttribute('aria-label');
          const box = await expectWhollyInSight(page, stamp, name);
          expect(box.width, `${name} is big enough for a finger`).toBeGreaterThanOrEqual(48);
          expect(box.height, `${name} is big enough for a finger`).toBeGreaterThanOrEqual(48);
          await stamp.click();
          await expect(stamp).toHaveAttribute('aria-pressed', 'true');
          seen.add(name);
        }
        await expectNotScrolled(page);
        await page.screenshot({ path: test.info().outputPath(`stamps-page-${p + 1}-${size.name}.png`) });
      }
      expect(seen.size, 'every stamp, each once').toBeGreaterThanOrEqual(25);
      for (const kind of ['stamp_child', 'stamp_adult', 'stamp_older_person', 'stamp_baby']) {
        expect(seen.has(EN[kind]), EN[kind]).toBe(true);
        expect(seen.has(EN[`${kind}_neutral`]), EN[`${kind}_neutral`]).toBe(true);
      }

      // A neutral grown-up, not a smiling one, goes on the paper and is kept as such.
      await stampPages(page).getByRole('button', { name: EN.stamp_page_people }).click();
      const neutral = tray(page).getByRole('button', { name: EN.stamp_adult_neutral, exact: true });
      const smiling = tray(page).getByRole('button', { name: EN.stamp_adult, exact: true });
      expect(await neutral.locator('svg').innerHTML()).not.toEqual(await smiling.locator('svg').innerHTML());
      await neutral.click();
      await drawWithTouch(page, canvas, [[0.4, 0.5]]);
      await expect(page.getByRole('img', { name: EN.stamp_adult_neutral, exact: true })).toBeVisible();
      await expect.poll(async () => {
        const entries = (await sessionRecord(page, 'Ben'))?.session?.questions?.worries?.entries ?? [];
        return entries.flatMap((e) => e.stamps ?? []).map((s) => s.kind);
      }).toEqual(['adult_neutral']);
      await expect(drawingArea(page)).toBeVisible();
    });

    test(`what the child took out leaves the dots under the house (${size.name})`, async ({ page }) => {
      await openApp(page);
      await startSession(page, { name: 'Ada', age: 9 });
      await button(page, 'Three Houses').click();
      await door(page, 'House of Good Things').click();
      await addWords(page, 'My dog Max');
      await addWords(page, 'Football with Dad');
      await button(page, EN.back_to_houses).click();
      await expect(dotsUnder(page, 'House of Good Things')).toHaveText('●●');

      await button(page, EN.hand_to_child).click();
      await door(page, 'House of Good Things').click();
      await button(page, filled(EN.take_out_entry, { number: 2 })).click();
      await page.getByRole('dialog', { name: EN.confirm_take_out_title }).getByRole('button', { name: EN.take_out }).click();
      await expect(entryItems(page)).toHaveCount(1);
      await button(page, EN.back_to_houses).click();
      await expect(dotsUnder(page, 'House of Good Things')).toHaveText('●');
      // Kept for the worker all the same.
      const entries = (await sessionRecord(page, 'Ada'))?.session?.questions?.good_things?.entries ?? [];
      expect(entries).toHaveLength(2);
    });

    test(`the child chooses a helper in child mode, and the way on is in sight (${size.name})`, async ({ page }) => {
      await openApp(page);
      await startSession(page, { name: 'Noor', age: 5 });
      await button(page, 'Wizards and Fairies').click();
      const kinds = page.getByRole('list', { name: EN.choose_helper_heading });
      await kinds.getByRole('button', { name: 'Dragon', exact: true }).click();
      await expectNotScrolled(page);
      await expectWhollyInSight(page, button(page, EN.go_to_helpers), EN.go_to_helpers);
      await button(page, EN.go_to_helpers).click();
      await button(page, EN.hand_to_child).click();

      // The child changes their helper: choosing, colours and the way on, with no worker's
      // way back to the session on the screen.
      await button(page, EN.change_helper).click();
      await expect(heading(page, EN.choose_helper_heading)).toBeVisible();
      await expect(button(page, EN.back_to_session)).toHaveCount(0);
      await kinds.getByRole('button', { name: 'Unicorn', exact: true }).click();
      await page.getByRole('group', { name: EN.helper_main_colour }).getByRole('button', { name: 'Teal', exact: true }).click();
      await expect.poll(async () => (await sessionRecord(page, 'Noor'))?.session?.helper)
        .toEqual({ kind: 'unicorn', main: 'teal', accent: 'gold' });
      await expectNotScrolled(page);
      const goOn = button(page, EN.go_to_helpers);
      await expectWhollyInSight(page, goOn, EN.go_to_helpers);
      await page.screenshot({ path: test.info().outputPath(`helper-choice-child-${size.name}.png`) });
      await goOn.click();
      await expect(heading(page, EN.helpers_heading)).toBeVisible();

      // Naming a helper works in child mode too.
      await button(page, filled(EN.rename_helper, { helper: 'Wishes unicorn' })).click();
      const dialog = page.getByRole('dialog', { name: EN.rename_helper_title });
      await dialog.getByRole('textbox', { name: EN.rename_helper_field }).fill('Sternchen');
      await dialog.getByRole('button', { name: EN.save_name }).click();
      await expect(door(page, 'Sternchen')).toBeVisible();
      await expect(page.getByRole('button', { name: EN.pace_stop })).toBeVisible();
    });
  });
}

test('a neutral-face person is painted in the saved picture like every stamp', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Eli', age: 8 });
  await button(page, 'Three Houses').click();
  await door(page, 'House of Worries').click();
  const canvas = await openDrawing(page);
  await button(page, EN.stamps).click();
  await stampPages(page).getByRole('button', { name: EN.stamp_page_people }).click();
  await tray(page).getByRole('button', { name: EN.stamp_adult_neutral, exact: true }).click();
  await drawWithTouch(page, canvas, [[0.5, 0.5]]);
  await expect(page.getByRole('img', { name: EN.stamp_adult_neutral, exact: true })).toBeVisible();

  const downloading = page.waitForEvent('download');
  await button(page, EN.save_picture).click();
  const png = fs.readFileSync(await (await downloading).path());
  // The stamp's square is 700 of 4000 × 3000 units around the middle; its jumper (teal,
  // #6fb3a8) is at (50, 40) of the stamp's art.
  const [r, g, b] = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const scratch = document.createElement('canvas');
    scratch.width = image.width;
    scratch.height = image.height;
    const context = scratch.getContext('2d');
    context.drawImage(image, 0, 0);
    const x = Math.round(0.5 * image.width);
    const y = Math.round(((1500 - 350 + 0.4 * 700) / 3000) * image.height);
    return [...context.getImageData(x, y, 1, 1).data.slice(0, 3)];
  }, png.toString('base64'));
  expect(r < 150 && g > 150 && b > 130, `the grown-up's teal jumper is in the picture, got ${[r, g, b]}`).toBe(true);
});
