// End-to-end contract for Wizards and Fairies: the child chooses a magical helper and its
// colours, tells the three helpers what is good, what worries them and what they wish for,
// and everything comes back after a reload, in read-back and in the summary, verbatim.
import fs from 'node:fs';
import { drawWithTouch } from './helpers.mjs';
import {
  test,
  expect,
  button,
  heading,
  entriesList,
  startSession,
  addWords,
  openDrawing,
  sessionRecord,
  openApp,
  reloadAndUnlock,
  openSessionFolds,
} from './flows.mjs';

const KINDS = [
  { label: 'Fairy', kind: 'fairy', noun: 'fairy' },
  { label: 'Wizard', kind: 'wizard', noun: 'wizard' },
  { label: 'Dragon', kind: 'dragon', noun: 'dragon' },
  { label: 'Unicorn', kind: 'unicorn', noun: 'unicorn' },
];

// What the child tells each helper: spaces, a line break, emoji and another script, to show
// that nothing is tidied.
const HELPERS = (noun) => [
  { key: 'good_things', name: `Good Things ${noun}`, words: "Grandma's pancakes 🥞  on Sunday", prompt: /I look after all the good things/ },
  { key: 'worries', name: `Worries ${noun}`, words: 'When Dad shouts\nat night', prompt: /I help carry worries, so you don't have to carry them alone/ },
  { key: 'dreams', name: `Wishes ${noun}`, words: 'Ein Hund namens Keks — كلب', prompt: /If you could wave my magic wand, what would be different\?/ },
];

const STROKE = [[0.2, 0.4], [0.5, 0.5], [0.8, 0.4]];

const helperDoor = (page, name) => page.getByRole('button', { name: new RegExp(`^${name}`) });
const kindButton = (page, label) =>
  page.getByRole('list', { name: 'Choose your helper' }).getByRole('button', { name: label, exact: true });

async function openWizardsAndFairies(page) {
  await button(page, 'Wizards and Fairies').click();
}

async function storedHelper(page, child) {
  return (await sessionRecord(page, child))?.session?.helper ?? null;
}

async function entriesOf(page, child, key) {
  return (await sessionRecord(page, child))?.session?.questions?.[key]?.entries ?? [];
}

/** The SVG inside a `data:image/svg+xml;base64,` picture. */
function svgOf(src) {
  expect(src).toMatch(/^data:image\/svg\+xml;base64,/);
  return Buffer.from(src.split(',')[1], 'base64').toString('utf8');
}

test('p) choose each kind of helper, tell all three helpers, reload, read back and find it all in the summary', async ({ page, browser }) => {
  await openApp(page);
  await startSession(page, { name: 'Lou', age: 5 });
  await openWizardsAndFairies(page);
  await expect(heading(page, 'Choose your helper')).toBeVisible();

  // Every kind is offered, with a picture and a word, big enough for a small finger, and
  // none is chosen for the child.
  for (const { label } of KINDS) {
    const choice = kindButton(page, label);
    await expect(choice).toHaveAttribute('aria-pressed', 'false');
    await expect(choice.locator('img')).toBeVisible();
    const box = await choice.boundingBox();
    expect(box.width).toBeGreaterThanOrEqual(48);
    expect(box.height).toBeGreaterThanOrEqual(48);
  }
  await expect(button(page, 'Meet my helpers')).toHaveCount(0);
  expect(await storedHelper(page, 'Lou')).toBeNull();

  // Each kind can be chosen; the choice is stored at once and the three helpers show.
  for (const { label, kind, noun } of KINDS) {
    await kindButton(page, label).click();
    await expect(kindButton(page, label)).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => (await storedHelper(page, 'Lou'))?.kind).toBe(kind);
    for (const { name } of HELPERS(noun)) await expect(page.getByText(name, { exact: true })).toBeVisible();
  }

  // Colours: the child's picks are stored and the pictures take them.
  const first = page.getByRole('group', { name: 'First colour' });
  const second = page.getByRole('group', { name: 'Second colour' });
  await first.getByRole('button', { name: 'Teal', exact: true }).click();
  await second.getByRole('button', { name: 'Pink', exact: true }).click();
  await expect(first.getByRole('button', { name: 'Teal', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => storedHelper(page, 'Lou')).toEqual({ kind: 'unicorn', main: 'teal', accent: 'pink' });
  await kindButton(page, 'Dragon').click();
  await expect.poll(() => storedHelper(page, 'Lou')).toEqual({ kind: 'dragon', main: 'teal', accent: 'pink' });
  const preview = svgOf(await page.locator('.helper-preview img').first().getAttribute('src'));
  expect(preview).toContain('fill="#2a9d8f"');
  expect(preview).toContain('fill="#e86fa8"');

  await button(page, 'Meet my helpers').click();
  await expect(heading(page, 'Your magical helpers')).toBeVisible();
  const helpers = HELPERS('dragon');
  // The helpers start with the good things.
  const doorNames = await page.locator('.door-name').allTextContents();
  expect(doorNames).toEqual(helpers.map((h) => h.name));

  // Each helper holds a drawing and the child's words, like a house.
  for (const { name, words, prompt } of helpers) {
    await helperDoor(page, name).click();
    await expect(heading(page, name)).toBeVisible();
    await expect(page.getByText(prompt)).toBeVisible();
    const canvas = await openDrawing(page);
    await drawWithTouch(page, canvas, STROKE);
    await button(page, 'Done').click();
    await expect(entriesList(page).getByText('Drawing', { exact: true })).toBeVisible();
    await addWords(page, words);
    await button(page, 'Back to the helpers').click();
    await expect(heading(page, 'Your magical helpers')).toBeVisible();
  }
  // Each helper shows a dot for each thing it holds, for a child who cannot read a number.
  await expect(page.locator('.door-dots')).toHaveText(['●●', '●●', '●●']);
  for (const { key, words } of helpers) {
    const entries = await entriesOf(page, 'Lou', key);
    expect(entries.map((e) => [e.kind, e.tool])).toEqual([
      ['drawing', 'wizards_and_fairies'],
      ['words', 'wizards_and_fairies'],
    ]);
    expect(entries[1].text).toBe(words);
  }

  // After a reload the helpers, the colours and every entry are still there.
  await reloadAndUnlock(page);
  await expect(heading(page, 'Your magical helpers')).toBeVisible();
  const door = svgOf(await page.locator('.door-open img').first().getAttribute('src'));
  expect(door).toContain('fill="#2a9d8f"');
  for (const { name, words } of helpers) {
    await helperDoor(page, name).click();
    await button(page, 'Read back').click();
    await expect(heading(page, `Read back: ${name}`)).toBeVisible();
    await expect(page.locator('.read-back .childs-words')).toHaveText([words]);
    await expect(page.locator('.read-back canvas')).toHaveCount(1);
    await button(page, 'Done').click();
    await button(page, 'Back to the helpers').click();
  }

  // The summary names the tool and the helpers, shows their pictures and has every word.
  await button(page, 'Back to the session').click();
  await openSessionFolds(page);
  await button(page, 'Summary').click();
  await page.getByRole('combobox', { name: 'Summary for' }).selectOption({ label: "Everything: the worker's full record" });
  const summary = page.frameLocator('iframe.summary-frame');
  await expect(summary.getByText('Wizards and Fairies', { exact: true })).toBeVisible();
  for (const { name, words } of helpers) {
    await expect(summary.getByRole('heading', { name, exact: true })).toBeVisible();
    await expect(summary.getByText(words, { exact: true })).toHaveCount(1);
  }
  await expect(summary.locator('img.helper')).toHaveCount(3);
  await expect(summary.locator('figure img')).toHaveCount(3);
  await expect(summary.getByText(/House of/)).toHaveCount(0);

  const downloading = page.waitForEvent('download');
  await button(page, 'Download summary').click();
  const html = fs.readFileSync(await (await downloading).path(), 'utf8');
  expect(html).not.toMatch(/<script/i);
  // The file stands alone: with JavaScript off, the helpers' pictures decode and the words are there.
  const offline = await browser.newContext({ javaScriptEnabled: false });
  const file = await offline.newPage();
  await file.setContent(html);
  for (const { words } of helpers) await expect(file.getByText(words, { exact: true })).toHaveCount(1);
  const widths = await file.locator('img.helper').evaluateAll((imgs) => imgs.map((img) => img.naturalWidth));
  expect(widths).toHaveLength(3);
  for (const width of widths) expect(width).toBeGreaterThan(0);
  await offline.close();
});

test('q) a wish makes the wand sparkle once, and without motion when the child asks for less', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Ada', age: 6 });
  await openWizardsAndFairies(page);
  await kindButton(page, 'Wizard').click();
  await button(page, 'Meet my helpers').click();
  await helperDoor(page, 'Wishes wizard').click();
  await expect(page.getByRole('status')).toHaveCount(0);

  await addWords(page, 'A trampoline');
  await expect(page.getByRole('status')).toHaveText('Your wish is written down.');
  const star = page.locator('.sparkle .star').first();
  expect(await star.evaluate((el) => getComputedStyle(el).animationName)).toBe('sparkle');

  // Opening an old wish again and leaving it is not a new wish.
  await page.getByRole('button', { name: 'Open entry 1' }).click();
  await button(page, 'Done').click();
  await expect(page.getByRole('status')).toHaveCount(0);

  // A blank wish, abandoned, is no wish either.
  await button(page, 'Write words').click();
  await button(page, 'Done').click();
  await expect(page.getByRole('status')).toHaveCount(0);

  // With reduced motion the sparkle still comes, standing still.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const canvas = await openDrawing(page);
  await drawWithTouch(page, canvas, STROKE);
  await button(page, 'Done').click();
  await expect(page.getByRole('status')).toHaveText('Your wish is written down.');
  const still = page.locator('.sparkle .star').first();
  expect(await still.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
  await expect(still).toBeVisible();

  // Worries and good things do not sparkle.
  await button(page, 'Back to the helpers').click();
  await helperDoor(page, 'Worries wizard').click();
  await addWords(page, 'Monsters');
  await expect(page.getByRole('status')).toHaveCount(0);
  await expect(page.locator('.sparkle')).toHaveCount(0);
});

test('r) one session holds both tools: the same answers in houses and helpers, told apart in the summary', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Sami', age: 8 });
  await button(page, 'Three Houses').click();
  await page.getByRole('button', { name: /^House of Worries/ }).click();
  await addWords(page, 'The big dog next door');
  await button(page, 'Back to the houses').click();
  await button(page, 'Back to the session').click();

  await openWizardsAndFairies(page);
  await kindButton(page, 'Fairy').click();
  await button(page, 'Meet my helpers').click();
  // The worries helper already carries what the child put in the House of Worries.
  await helperDoor(page, 'Worries fairy').click();
  await expect(entriesList(page).getByText('The big dog next door', { exact: true })).toBeVisible();
  await addWords(page, 'Being alone after school');
  await button(page, 'Back to the helpers').click();

  // The child names a helper; the house keeps its own name.
  await page.getByRole('button', { name: 'Give Wishes fairy your own name' }).click();
  const rename = page.getByRole('dialog', { name: 'Your own name for this helper' });
  await rename.getByRole('textbox', { name: "Helper's name" }).fill('Twinkle');
  await rename.getByRole('button', { name: 'Use this name' }).click();
  await expect(helperDoor(page, 'Twinkle')).toBeVisible();

  // Changing the helper later keeps everything the child said.
  await button(page, 'Change helper').click();
  await kindButton(page, 'Unicorn').click();
  await button(page, 'Meet my helpers').click();
  await helperDoor(page, 'Worries unicorn').click();
  await expect(entriesList(page).getByRole('listitem')).toHaveCount(2);
  await button(page, 'Back to the helpers').click();
  await button(page, 'Back to the session').click();

  // The houses show the helper's entry too: one model, two looks.
  await button(page, 'Three Houses').click();
  await expect(page.locator('.door-dots')).toHaveText(['●●', '', '']);
  await page.getByRole('button', { name: /^House of Worries/ }).click();
  await expect(entriesList(page).getByText('Being alone after school', { exact: true })).toBeVisible();
  await button(page, 'Back to the houses').click();
  await button(page, 'Back to the session').click();

  await openSessionFolds(page);
  await button(page, 'Summary').click();
  await page.getByRole('combobox', { name: 'Summary for' }).selectOption({ label: "Everything: the worker's full record" });
  const summary = page.frameLocator('iframe.summary-frame');
  await expect(summary.getByText('Three Houses, Wizards and Fairies', { exact: true })).toBeVisible();
  await expect(summary.getByRole('heading', { name: 'House of Worries · Worries unicorn', exact: true })).toBeVisible();
  await expect(summary.getByRole('heading', { name: 'House of Dreams · Twinkle', exact: true })).toBeVisible();
  const dog = summary.locator('li.entry').filter({ hasText: 'The big dog next door' });
  await expect(dog.locator('.asked-in')).toHaveText('Asked in: Three Houses');
  const alone = summary.locator('li.entry').filter({ hasText: 'Being alone after school' });
  await expect(alone.locator('.asked-in')).toHaveText('Asked in: Wizards and Fairies');
});
