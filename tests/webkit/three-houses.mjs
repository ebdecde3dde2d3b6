// The Three Houses: the child's words and a stroke in the House of Worries. The stroke shows
// on the paper and in a saved picture (a PNG download); both are stored sealed, exactly; after
// a reload and unlock both are listed again and read back shows the words and paints the ink.
import fs from 'node:fs';
import path from 'node:path';
import { check, filesIn } from './browser.mjs';

const WORDS = 'I worry when Dad shouts at night';

export default async function threeHouses(browser, { downloads }) {
  await openHouse(browser);

  await browser.click('Write words');
  await browser.fill("The child's words", WORDS);
  await browser.click('Done');
  await browser.until(async () => (await entries(browser)).includes(WORDS), 'the words being listed in the house');
  check(true, "the child's words are listed in the House of Worries");

  await browser.click('Draw');
  const canvas = await browser.findCss('canvas[aria-label="Drawing area"]', 'the drawing area');
  // What kind of pointer reaches the page (WebKitGTK turns WebDriver's touch into a mouse).
  await browser.driver.executeScript(
    `arguments[0].addEventListener('pointerdown', (e) => { window.__pointerType = e.pointerType; }, { once: true, capture: true });`,
    canvas,
  );
  await browser.draw(canvas, 'touch', [[0.2, 0.3], [0.5, 0.35], [0.8, 0.3]]);
  const pointerType = await browser.driver.executeScript('return window.__pointerType || "none"');
  const inked = await inkOn(browser, canvas);
  check(inked > 100, `a stroke drawn with WebDriver's touch pointer (it reached the page as pointerType "${pointerType}") shows on the paper`, `${inked} inked pixels`);
  if (downloads) {
    const before = filesIn(downloads);
    await browser.click('Save picture');
    const [name, ...more] = await browser.downloaded(downloads, before, 'the picture');
    const png = fs.readFileSync(path.join(downloads, name));
    const size = png.subarray(1, 4).toString('latin1') === 'PNG' ? `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}` : 'not a PNG';
    check(
      more.length === 0 && /^hear-me-\d{4}-\d{2}-\d{2}-worries-\d+\.png$/.test(name) && size === '2000x1500',
      '"Save picture" downloads the drawing as a 2000×1500 PNG',
      `${[name, ...more].join(', ')}: ${size}`,
    );
    const pictureInk = await browser.inPage(
      `const image = new Image();
       image.src = 'data:image/png;base64,' + arguments[0];
       await image.decode();
       const scratch = document.createElement('canvas');
       scratch.width = image.width;
       scratch.height = image.height;
       scratch.getContext('2d').drawImage(image, 0, 0);
       const { data } = scratch.getContext('2d').getImageData(0, 0, image.width, image.height);
       let ink = 0;
       for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200) ink++;
       return ink;`,
      png.toString('base64'),
    );
    check(pictureInk > 100, 'the saved picture holds the stroke', `${pictureInk} inked pixels`);
  }
  await browser.click('Done');
  await browser.until(async () => (await entries(browser)).includes('Drawing'), 'the drawing being listed in the house');

  const stored = await browser.until(async () => {
    const found = (await browser.session('Mia'))?.session?.questions?.worries?.entries ?? [];
    return found.some((entry) => entry.kind === 'drawing') ? found : null;
  }, 'the drawing being stored');
  const words = stored.filter((entry) => entry.kind === 'words').map((entry) => entry.text);
  check(words.length === 1 && words[0] === WORDS, "the child's words are stored exactly, sealed", JSON.stringify(words));
  const strokes = stored.filter((entry) => entry.kind === 'drawing').flatMap((entry) => entry.strokes);
  const points = strokes[0]?.points ?? [];
  const inPaper = points.every(([x, y, pressure]) => x >= 0 && x <= 4000 && y >= 0 && y <= 3000 && pressure > 0);
  check(strokes.length === 1 && points.length >= 3 && inPaper, 'the stroke is stored, sealed, with its points on the paper', JSON.stringify(strokes).slice(0, 300));
  const [first, last] = [points[0], points[points.length - 1]];
  check(first[0] < 1200 && last[0] > 2800, 'the stored stroke runs across the paper as drawn', `from ${first} to ${last}`);

  await browser.reloadAndUnlock();
  if (!(await browser.text()).includes('House of Worries')) await openHouse(browser);
  await browser.until(async () => {
    const listed = await entries(browser);
    return listed.includes(WORDS) && listed.includes('Drawing');
  }, 'the words and the drawing being listed after a reload');
  check(true, 'after a reload and unlock the House of Worries lists the words and the drawing');

  await browser.click('Read back');
  await browser.waitForText('Read back: House of Worries');
  const read = await browser.findCss('.read-back .childs-words', "the child's words read back");
  check((await read.getText()) === WORDS, "read back shows the child's words exactly", await read.getText());
  const picture = await browser.findCss('.read-back canvas', 'the drawing read back');
  const ink = await browser.until(async () => inkOn(browser, picture), 'the drawing being painted in read back');
  check(ink > 100, 'read back paints the stored stroke', `${ink} inked pixels`);
  await browser.click('Done');
  await browser.click('Back to the houses');
  await browser.click('Back to the session');
  await browser.waitForText('Session with Mia');
}

/** Opens Mia's session from wherever the app is, then the House of Worries. */
async function openHouse(browser) {
  const text = await browser.text();
  if (!text.includes('Session with Mia')) {
    if (!text.includes('Children on this tablet')) await browser.click('All children');
    await browser.click('Open the session with Mia');
    await browser.waitForText('Session with Mia');
  }
  await browser.click('Three Houses');
  await browser.waitForText('The Three Houses');
  await browser.click('House of Worries', { start: true });
  await browser.button('Write words');
}

/** The text of the list of the child's entries. */
async function entries(browser) {
  const lists = await browser.driver.findElements({ xpath: "//ul[contains(@aria-label, 'entries')] | //ol[contains(@aria-label, 'entries')]" });
  return lists.length ? lists[0].getText() : '';
}

/** How many pixels of `canvas` hold ink (not white, not transparent). */
function inkOn(browser, canvas) {
  return browser.driver.executeScript(
    `const canvas = arguments[0];
     const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
     let ink = 0;
     for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200)) ink++;
     return ink;`,
    canvas,
  );
}
