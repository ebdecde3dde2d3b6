// End-to-end: a finished stroke is saved as a small record of its own (the ink log,
// src/store/ink_log.rs), so its save costs the same in any visit, and nothing the child drew
// is lost: strokes drawn with a finger and the page reloaded at once come back whole; strokes
// drawn and the tablet locked come back whole after the unlock, the visit saved in full, as
// it is when the drawing is left.
import { test, expect, button, drawingArea, openDrawing, openVisitOf, restoreTwoChildren, reloadAndUnlock, unlock } from './flows.mjs';
import { canvasHasInkAt, drawWithTouch, everythingStored, storedSessionEntries } from './helpers.mjs';

/** Mia's visit begun on 1 September 2026 (empty until this test draws in it), as stored. */
async function septemberVisit(page) {
  const entries = await storedSessionEntries(page);
  return entries.find((entry) => entry.record?.session?.date === '2026-09-01');
}

/** The strokes of the visit's drawing in the House of Good Things, the log's included. */
async function drawnStrokes(page) {
  const visit = await septemberVisit(page);
  const drawing = visit?.record?.session?.questions?.good_things?.entries?.find((e) => e.kind === 'drawing');
  return drawing?.strokes ?? [];
}

/** A finger stroke across the paper at height `y` (a fraction of it). */
const across = (y) => [[0.2, y], [0.35, y], [0.5, y], [0.65, y], [0.8, y]];

async function expectInkAcross(canvas, heights) {
  for (const y of heights) {
    await expect.poll(() => canvasHasInkAt(canvas, 0.5, y), { message: `ink across ${y}` }).toBe(true);
  }
}

test('strokes drawn with a finger and the page reloaded at once, then drawn and locked: the drawing is whole; leaving it saves the visit in full', async ({ page }) => {
  test.setTimeout(120_000);
  await restoreTwoChildren(page);
  await openVisitOf(page, 'Mia', '1 September 2026');
  await button(page, 'Three Houses').click();
  await page.getByRole('button', { name: /^House of Good Things/ }).click();
  let canvas = await openDrawing(page);
  // The new drawing is saved with the visit; its strokes then go to the log.
  await expect.poll(async () => (await septemberVisit(page))?.record?.session?.questions?.good_things?.entries?.length).toBe(1);
  const visitBefore = (await septemberVisit(page)).sealed;

  const first = [0.15, 0.3, 0.45, 0.6, 0.75];
  for (const y of first) await drawWithTouch(page, canvas, across(y));
  await expectInkAcross(canvas, first);
  // Each stroke is a record of its own; the visit's record stays byte for byte.
  await expect.poll(async () => (await septemberVisit(page)).logged).toBe(first.length);
  expect((await septemberVisit(page)).sealed).toBe(visitBefore);

  // Two more, and the page reloaded at once: nothing waits for their writes to land.
  const more = [0.22, 0.52];
  for (const y of more) await drawWithTouch(page, canvas, across(y));
  await reloadAndUnlock(page);
  canvas = drawingArea(page);
  await expect(canvas).toBeVisible();
  await expectInkAcross(canvas, [...first, ...more]);
  expect(await drawnStrokes(page)).toHaveLength(first.length + more.length);

  // Drawn, then locked: the lock saves the visit in full (its log superseded), and the
  // unlock gives every stroke back.
  const last = [0.37, 0.67];
  for (const y of last) await drawWithTouch(page, canvas, across(y));
  await expectInkAcross(canvas, last);
  await button(page, 'Lock').click();
  await unlock(page);
  canvas = drawingArea(page);
  await expect(canvas).toBeVisible();
  const all = [...first, ...more, ...last];
  await expectInkAcross(canvas, all);
  await expect.poll(async () => (await drawnStrokes(page)).length).toBe(all.length);
  const visit = await septemberVisit(page);
  expect(visit.logged, 'the lock saved the visit in full').toBe(0);
  const inkKeys = async () => Object.keys(await everythingStored(page)).filter((key) => key.startsWith('hear-me/ink/'));
  expect(await inkKeys()).toEqual([]);

  // One more stroke goes to the log; leaving the drawing saves the visit in full.
  await drawWithTouch(page, canvas, across(0.85));
  await expect.poll(async () => (await septemberVisit(page)).logged).toBe(1);
  await button(page, 'Done').click();
  await expect(canvas).toHaveCount(0);
  await expect.poll(async () => (await septemberVisit(page)).logged).toBe(0);
  expect(await drawnStrokes(page)).toHaveLength(all.length + 1);
  expect(await inkKeys()).toEqual([]);
});
