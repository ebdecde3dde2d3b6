// End-to-end: the houses poster for a family meeting (issue 22). A conversation that used
// both tools is ONE landscape page: the three questions side by side, each house with its
// helper beside it, every entry of a question from both tools in its column, the houses and
// the drawings large, and a question with nothing for the reader an empty house without a
// sentence. Printed to PDF, read back with pdftotext and rendered to a picture to look at.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { drawWithTouch } from './helpers.mjs';
import {
  test,
  expect,
  button,
  heading,
  startSession,
  addWords,
  openApp,
  openDrawing,
  downloadWith,
  texts,
  sharingFor,
  walkOn,
  openSessionFolds,
} from './flows.mjs';

const EN = texts('en');
const SHOTS = '/work/shots';
const door = (page, name) => page.getByRole('button', { name: new RegExp(`^${name}`) });
const flat = (text) => text.replace(/\s+/g, ' ');

// A sun with rays, and a house: strokes enough for a drawing that shows on paper.
const circle = (cx, cy, r) => Array.from({ length: 25 }, (_, i) => [cx + r * Math.cos((i / 24) * 2 * Math.PI), cy + r * Math.sin((i / 24) * 2 * Math.PI)]);
const PICTURE = [
  circle(0.3, 0.3, 0.12),
  [[0.3, 0.1], [0.3, 0.02]],
  [[0.1, 0.3], [0.03, 0.3]],
  [[0.5, 0.3], [0.57, 0.3]],
  [[0.55, 0.9], [0.55, 0.55], [0.75, 0.4], [0.95, 0.55], [0.95, 0.9], [0.55, 0.9]],
];

async function draw(page) {
  const canvas = await openDrawing(page);
  for (const stroke of PICTURE) await drawWithTouch(page, canvas, stroke);
  await button(page, 'Done').click();
}

/**
 * Prints a poster file as Chromium does, JavaScript off, on its own A4 landscape page size;
 * measures it laid out for print on a page of that width; renders each page as a PNG at
 * 50 dpi into /work/shots/poster-<name>-<n>.png. Gives the text of each page and the sizes.
 */
async function printPoster(browser, html, name, pdf) {
  fs.writeFileSync(pdf.replace(/\.pdf$/, '.html'), html);
  const offline = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1123, height: 794 } });
  const file = await offline.newPage();
  await file.setContent(html);
  await file.emulateMedia({ media: 'print' });
  const sizes = await file.evaluate(() => ({
    page: 1123,
    houses: [...document.querySelectorAll('img.house-picture')].map((img) => img.getBoundingClientRect().width),
    drawings: [...document.querySelectorAll('figure img')].map((img) => img.getBoundingClientRect().width),
    words: [...document.querySelectorAll('.house-entries > li > .child-words')].map((words) => parseFloat(getComputedStyle(words).fontSize)),
  }));
  await file.pdf({ path: pdf, preferCSSPageSize: true });
  await offline.close();
  // Reading order, column by column (not -layout, which puts the three columns' lines
  // side by side).
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((page) => page.trim() !== '');
  fs.mkdirSync(SHOTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '50', pdf, `${SHOTS}/poster-${name}`]);
  const [, width, height] = fs.readFileSync(pdf, 'latin1').match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
  return { pages, sizes, width: Number(width), height: Number(height) };
}

test('a conversation with both tools prints as one landscape poster: three houses with their helpers, the shared wish on it, empty houses without a word', async ({ page, browser }) => {
  test.setTimeout(150_000);
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 7, worker: 'Sam Kaya' });

  // The Three Houses: a worry in words and a drawing, a good thing drawn and said, and one
  // worry the child keeps.
  await button(page, 'Three Houses').click();
  await door(page, 'House of Worries').click();
  await addWords(page, 'When Dad shouts at night I hide under my blanket');
  await addWords(page, 'KEPT-PRIVATE');
  await draw(page);
  await button(page, 'Back to the houses').click();
  await door(page, 'House of Good Things').click();
  await draw(page);
  await addWords(page, 'Playing football with Ben (7) on Sundays');
  await button(page, 'Back to the houses').click();
  await button(page, 'Back to the session').click();

  // Wizards and Fairies: the wish is told to the dragon, with a drawing.
  await button(page, 'Wizards and Fairies').click();
  await page.getByRole('list', { name: 'Choose your helper' }).getByRole('button', { name: 'Dragon', exact: true }).click();
  await button(page, 'Meet my helpers').click();
  await expect(heading(page, 'Your magical helpers')).toBeVisible();
  await door(page, 'Wishes dragon').click();
  await addWords(page, 'I wish we all live together with a dog called Keks');
  await draw(page);
  await button(page, 'Back to the helpers').click();
  await button(page, 'Back to the session').click();

  // Who may see what: one worry for nobody else, everything else for Mum.
  await openSessionFolds(page);
  await button(page, 'Who may see what').click();
  await expect(heading(page, 'Who may see what?')).toBeVisible();
  const kept = await sharingFor(page, 'KEPT-PRIVATE');
  await kept.getByRole('button', { name: 'Nobody else', exact: true }).click();
  await expect(kept.getByRole('button', { name: 'Nobody else', exact: true })).toHaveAttribute('aria-pressed', 'true');
  // "Share everything with …" is at the start of the walk.
  await button(page, 'Back to the session').click();
  await openSessionFolds(page);
  await button(page, 'Who may see what').click();
  await page.getByRole('group', { name: 'Share everything with …' }).getByRole('button', { name: 'Mum', exact: true }).click();
  await button(page, 'Share everything with these').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Share everything with these' }).click();
  // Nothing is left undecided, step by step.
  while (!(await heading(page, 'Who will see what').count())) {
    await expect(page.getByText('No decision yet')).toHaveCount(0);
    await walkOn(page);
  }
  await button(page, 'Back to who may see what').click();
  await button(page, 'Back to the session').click();

  // The poster for Mum, with the tools named, so the helpers' pictures stand by the houses.
  await openSessionFolds(page);
  await button(page, 'Summary').click();
  const summaryFor = page.getByRole('combobox', { name: 'Summary for' });
  await summaryFor.selectOption({ label: 'Mum' });
  await page.getByRole('checkbox', { name: 'Tools used' }).check();
  await button(page, 'Houses poster').click();
  await expect(button(page, 'Houses poster')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.frameLocator('iframe.summary-frame').getByRole('heading', { name: "Mia's houses" })).toBeVisible();
  // Mum's first copy holding a worry: the worker confirms she may safely read it.
  const poster = await downloadWith(page, 'Download summary', { confirmWorries: true });
  expect(poster.name).toMatch(/^hear-me-poster-Mia-\d{4}-\d{2}-\d{2}-for-mum\.html$/);
  const mum = await printPoster(browser, poster.html, 'mum', test.info().outputPath('poster-mum.pdf'));

  // ONE landscape page, with all three houses, their helpers, and the wish on it.
  expect(mum.pages, 'one page for the whole conversation').toHaveLength(1);
  expect(mum.width).toBeGreaterThan(mum.height);
  const sheet = flat(mum.pages[0]);
  for (const name of ['House of Worries', 'House of Good Things', 'House of Dreams', 'Worries dragon', 'Good Things dragon', 'Wishes dragon']) {
    expect(sheet, `the poster names ${name}`).toContain(name);
  }
  for (const words of ['I wish we all live together with a dog called Keks', 'When Dad shouts at night', 'Playing football with Ben (7) on Sundays']) {
    expect(sheet, `the poster has "${words}"`).toContain(words);
  }
  expect(sheet).toContain("Mia's houses");
  expect(sheet).toContain('Summary for: Mum');
  expect(sheet).toContain('Page 1 of 1');
  expect(sheet).not.toContain('KEPT-PRIVATE');
  for (const sentence of [EN.summary_chose_not_to_say, EN.summary_nothing_shared_here, EN.summary_empty_house]) {
    expect(sheet).not.toContain(sentence);
  }
  // Large: each house and helper at least 30 mm (113 px at 96 dpi; they were about 50 px),
  // each drawing at least a quarter of the page's width, the child's words in 16 pt.
  expect(mum.sizes.houses).toHaveLength(6);
  for (const width of mum.sizes.houses) expect(width).toBeGreaterThanOrEqual(113);
  expect(mum.sizes.drawings).toHaveLength(3);
  for (const width of mum.sizes.drawings) expect(width).toBeGreaterThanOrEqual(mum.sizes.page / 4);
  for (const size of mum.sizes.words) expect(size).toBeGreaterThanOrEqual(16 * (96 / 72) - 0.5);

  // Dad was given nothing: three empty houses, still with their helpers, and not one word
  // about the child's silence.
  await summaryFor.selectOption({ label: 'Dad' });
  await expect(button(page, 'Houses poster')).toHaveAttribute('aria-pressed', 'true');
  const forDad = await downloadWith(page, 'Download summary');
  expect(forDad.name).toMatch(/-for-dad\.html$/);
  const dad = await printPoster(browser, forDad.html, 'dad', test.info().outputPath('poster-dad.pdf'));
  expect(dad.pages).toHaveLength(1);
  const empty = flat(dad.pages[0]);
  for (const name of ['House of Worries', 'House of Good Things', 'House of Dreams', 'Wishes helper']) {
    expect(empty).toContain(name);
  }
  for (const never of ['Keks', 'football', 'Dad shouts', EN.summary_chose_not_to_say, EN.summary_nothing_shared_here, EN.summary_empty_house]) {
    expect(empty).not.toContain(never);
  }
  expect(forDad.html.match(/<div class="house-empty"><\/div>/g)).toHaveLength(3);
});

test('a poster with more than a page holds runs on over a second page and cuts nothing', async ({ page, browser }) => {
  test.setTimeout(150_000);
  await openApp(page);
  await startSession(page, { name: 'Noah', age: 10 });
  await button(page, 'Three Houses').click();
  await door(page, 'House of Good Things').click();
  const said = Array.from({ length: 9 }, (_, n) => `GOOD-${n + 1} my friends at school and the long walk to the lake with Oma`);
  for (const words of said.slice(0, 4)) await addWords(page, words);
  await draw(page);
  for (const words of said.slice(4)) await addWords(page, words);
  await draw(page);
  await button(page, 'Back to the houses').click();
  await button(page, 'Back to the session').click();
  await openSessionFolds(page);
  await button(page, 'Who may see what').click();
  await page.getByRole('group', { name: 'Share everything with …' }).getByRole('button', { name: 'Mum', exact: true }).click();
  await button(page, 'Share everything with these').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Share everything with these' }).click();
  await button(page, 'Back to the session').click();
  await openSessionFolds(page);
  await button(page, 'Summary').click();
  await page.getByRole('combobox', { name: 'Summary for' }).selectOption({ label: 'Mum' });
  await button(page, 'Houses poster').click();
  const poster = await downloadWith(page, 'Download summary');
  const printed = await printPoster(browser, poster.html, 'long', test.info().outputPath('poster-long.pdf'));
  expect(printed.pages.length).toBeGreaterThan(1);
  const all = flat(printed.pages.join(' '));
  // Every entry whole, once: none cut at the foot of a page, none lost.
  for (const words of said) {
    expect(all.split(words), `"${words}" once and whole`).toHaveLength(2);
  }
  expect(printed.sizes.drawings).toHaveLength(2);
  printed.pages.forEach((text, at) => expect(flat(text)).toContain(`Page ${at + 1} of ${printed.pages.length}`));
});
