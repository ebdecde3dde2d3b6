// Right to left: with the worker's language set to Arabic the whole page turns round (dir
// and lang on <html>), the houses read from the right, the arrows point the other way, the
// drawing paper does not mirror, nothing spills out of its box, and the summary file says
// it is Arabic and right to left. Arabic names are read from locales/ar.json, not typed here.
// Screenshots go to /tmp/rtl-*.png, to look at.
import fs from 'node:fs';
import { drawWithTouch, canvasHasInkAt } from './helpers.mjs';
import { test, expect, button, heading, startSession, backToAllSessions, openApp, openSessionFolds, inConversationDetails } from './flows.mjs';

const ar = JSON.parse(fs.readFileSync(new URL('../../locales/ar.json', import.meta.url), 'utf8'));
/** An Arabic text with its {{ name }} filled. */
const fill = (text, values) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key) => values[key]);

const SIZES = [
  { name: '1024x768', viewport: { width: 1024, height: 768 } },
  { name: '768x1024', viewport: { width: 768, height: 1024 } },
];
const MIRRORED = 'matrix(-1, 0, 0, 1, 0, 0)';

const page_dir = (page) =>
  page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }));

/** The computed transform of a button's picture. */
const pictureTransform = (locator) => locator.locator('img').evaluate((img) => getComputedStyle(img).transform);

/**
 * Every box with text whose content is wider than the box, or that reaches past the sides of
 * the screen. Inline pieces are measured by the box they sit in.
 */
function overflowingIn(root) {
  return root.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found = [];
    for (const el of document.querySelectorAll('body, body *')) {
      // A visually hidden heading is clipped on purpose: only a screen reader reads it.
      if (el.closest('canvas, svg, script, style, option, .paper, .visually-hidden')) continue;
      if (!el.textContent.trim()) continue;
      const style = getComputedStyle(el);
      if (style.display === 'inline' || style.display === 'contents' || style.visibility === 'hidden') continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const name = `<${el.tagName.toLowerCase()} class="${el.className}"> ${el.textContent.trim().slice(0, 40)}`;
      if (el.scrollWidth > el.clientWidth + 1) found.push(`${name}: content ${el.scrollWidth} px in ${el.clientWidth} px`);
      if (rect.left < -1 || rect.right > width + 1) found.push(`${name}: ${rect.left}..${rect.right} outside 0..${width}`);
    }
    // A select cannot wrap: its chosen option must fit beside its arrow (about 24 px).
    const measure = document.createElement('canvas').getContext('2d');
    for (const select of document.querySelectorAll('select')) {
      const style = getComputedStyle(select);
      measure.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = select.selectedOptions[0]?.textContent ?? '';
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24;
      const needs = measure.measureText(text).width;
      if (needs > room) found.push(`<select> "${text}": ${Math.ceil(needs)} px in ${Math.floor(room)} px`);
    }
    return found;
  });
}

/** The page neither scrolls down nor sideways. */
async function expectNoScrolling(page, what) {
  const screen = await page.evaluate(() => ({
    height: window.innerHeight,
    width: window.innerWidth,
    scrollHeight: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
  }));
  expect(screen.scrollHeight, `${what}: nothing needs scrolling down`).toBeLessThanOrEqual(screen.height);
  expect(screen.scrollWidth, `${what}: nor sideways`).toBeLessThanOrEqual(screen.width);
}

/** At both sizes: nothing spills out, the child's screens do not scroll, and a screenshot. */
async function checkBothWays(page, shot, { childScreen, frame } = {}) {
  for (const size of SIZES) {
    await page.setViewportSize(size.viewport);
    await page.waitForTimeout(150);
    expect(await overflowingIn(page.locator('html')), `${shot} at ${size.name}`).toEqual([]);
    if (frame) expect(await overflowingIn(frame.locator('html')), `${shot} file at ${size.name}`).toEqual([]);
    if (childScreen) await expectNoScrolling(page, `${shot} at ${size.name}`);
    await page.screenshot({ path: `/tmp/rtl-${shot}-${size.name}.png` });
  }
  await page.setViewportSize(SIZES[0].viewport);
}

test('in Arabic the page runs right to left, the paper does not, and the summary file says so', async ({ page }) => {
  await openApp(page);
  expect(await page_dir(page)).toEqual({ dir: 'ltr', lang: 'en' });
  await startSession(page, { name: 'Mira', age: 9 });
  // In English the back arrow points left, as drawn.
  expect(await pictureTransform(button(page, 'All children'))).toBe('none');
  await backToAllSessions(page);

  // The worker's language: the whole page turns at once.
  await page.getByRole('button', { name: 'العربية', exact: true }).click();
  await expect.poll(() => page_dir(page)).toEqual({ dir: 'rtl', lang: 'ar' });
  await button(page, fill(ar.open_session, { name: 'Mira' })).click();
  await expect(heading(page, fill(ar.session_heading, { name: 'Mira' }))).toBeVisible();
  const allSessions = button(page, ar.all_children);
  expect(await pictureTransform(allSessions), 'the back arrow points right').toBe(MIRRORED);
  // The session was started in English, so its child's language is English: the child
  // speaks Arabic too, and the child's screens follow the child's language.
  await inConversationDetails(page, (details) => details.getByRole('combobox', { name: ar.child_language_label }).selectOption('ar'), ar);

  // The Three Houses read from the right: the House of Worries first, at the right.
  await button(page, ar.three_houses).click();
  await expect(heading(page, ar.houses_heading)).toBeVisible();
  const door = (name) => page.getByRole('button', { name: new RegExp(`^${name}`) });
  for (const size of SIZES) {
    await page.setViewportSize(size.viewport);
    const [worries, good, dreams] = await Promise.all(
      [ar.house_worries, ar.house_good_things, ar.house_dreams].map((name) => door(name).boundingBox()),
    );
    expect(worries.x, `worries right of good things at ${size.name}`).toBeGreaterThan(good.x + good.width - 1);
    expect(good.x, `good things right of dreams at ${size.name}`).toBeGreaterThan(dreams.x + dreams.width - 1);
  }
  await page.setViewportSize(SIZES[0].viewport);
  await checkBothWays(page, 'houses', { childScreen: true });

  // A house: its back arrow points right too.
  await door(ar.house_worries).click();
  await expect(heading(page, new RegExp(ar.house_worries))).toBeVisible();
  expect(await pictureTransform(button(page, ar.back_to_houses))).toBe(MIRRORED);
  await checkBothWays(page, 'house', { childScreen: true });

  // The drawing screen: undo and redo turn round, the paper does not.
  await button(page, ar.draw).click();
  const canvas = page.locator(`canvas[aria-label="${ar.drawing_area}"]`);
  await expect(canvas).toBeVisible();
  expect(await pictureTransform(button(page, ar.undo))).toBe(MIRRORED);
  expect(await pictureTransform(button(page, ar.redo))).toBe(MIRRORED);
  const paper = await canvas.evaluate((el) => {
    const chain = [];
    for (let at = el; at; at = at.parentElement) chain.push(getComputedStyle(at).transform);
    return { chain, direction: getComputedStyle(el).direction };
  });
  expect(paper.chain.every((t) => t === 'none'), 'nothing mirrors the paper').toBe(true);
  expect(paper.direction).toBe('ltr');
  // A stroke drawn at the left of the paper lands at the left.
  await drawWithTouch(page, canvas, [[0.1, 0.5], [0.2, 0.5]]);
  await expect.poll(() => canvasHasInkAt(canvas, 0.15, 0.5)).toBe(true);
  expect(await canvasHasInkAt(canvas, 0.85, 0.5)).toBe(false);
  await checkBothWays(page, 'drawing', { childScreen: true });
  await button(page, ar.done).click();
  await expect(heading(page, new RegExp(ar.house_worries))).toBeVisible();

  // The summary: on screen, and the file, in Arabic and right to left.
  await button(page, ar.back_to_houses).click();
  await button(page, ar.back_to_session).click();
  await openSessionFolds(page);
  await button(page, ar.summary_tool).click();
  await page.getByRole('combobox', { name: ar.summary_for_label }).selectOption({ label: ar.summary_full_record });
  const frame = page.frameLocator('iframe.summary-frame');
  await expect(frame.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(frame.locator('html')).toHaveAttribute('lang', 'ar');
  // The child's name (Latin letters) lines up with the Arabic labels, at the right.
  const nameBox = await frame.locator('.facts dd').first().evaluate((dd) => {
    const range = document.createRange();
    range.selectNodeContents(dd);
    return { text: range.getBoundingClientRect().right, box: dd.getBoundingClientRect().right };
  });
  expect(nameBox.text).toBeGreaterThan(nameBox.box - 2);
  await checkBothWays(page, 'summary', { frame });
  const downloading = page.waitForEvent('download');
  await button(page, ar.download_summary).click();
  const html = fs.readFileSync(await (await downloading).path(), 'utf8');
  expect(html).toContain('<html lang="ar" dir="rtl">');

  // And back: English runs left to right again, its arrows as drawn.
  await button(page, ar.back_to_session).click();
  await allSessions.click();
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect.poll(() => page_dir(page)).toEqual({ dir: 'ltr', lang: 'en' });
});
