// End-to-end contract for the "Three Houses" tool of Hear Me.
//
// Every test gets a fresh browser context, so localStorage starts empty.
// Controls are found by role and accessible name, as a screen reader would.
// Run: trunk build --release && npm run test:e2e
import fs from 'node:fs';
import {
  drawWithTouch,
  drawWithPen,
  collectForeignRequests,
  storedSessions,
  storedSessionEntries,
  canvasHasInkAt,
  SESSION_PREFIX,
  INDEX_KEY,
  openSealed,
  vaultKeyFor,
  refuseStorage,
  everythingStored,
  plantInIndexedDb,
} from './helpers.mjs';
import {
  test,
  expect,
  APOS,
  button,
  heading,
  drawingArea,
  wordsBox,
  entriesList,
  entryItems,
  sessionsList,
  sessionItems,
  startForm,
  startSession,
  backToAllSessions,
  addWords,
  openDrawing,
  sessionRecord,
  openApp,
  reloadAndUnlock,
  sharingFor,
  walkOn,
  openSessionFolds,
} from './flows.mjs';

// ---------------------------------------------------------------------------
// Locators and small flows
// ---------------------------------------------------------------------------

const HOUSES = [
  { key: 'worries', name: 'House of Worries' },
  { key: 'good_things', name: 'House of Good Things' },
  { key: 'dreams', name: 'House of Dreams' },
];

// A house's door is named by the house (the child's own name may follow); its rename button starts with "Give".
const houseButton = (page, houseName) => page.getByRole('button', { name: new RegExp(`^${houseName}`) });

async function openThreeHouses(page) {
  await button(page, 'Three Houses').click();
  await expect(heading(page, 'The Three Houses')).toBeVisible();
}

async function openHouse(page, houseName) {
  await houseButton(page, houseName).click();
  await expect(heading(page, new RegExp(houseName))).toBeVisible();
  await expect(button(page, 'Write words')).toBeVisible();
}

async function backToHouses(page) {
  await button(page, 'Back to the houses').click();
  await expect(heading(page, 'The Three Houses')).toBeVisible();
}


async function houseEntries(page, childName, houseKey) {
  const record = await sessionRecord(page, childName);
  return record?.session?.questions?.[houseKey]?.entries ?? [];
}

/** All strokes of all drawing entries in one house, in order. */
async function houseStrokes(page, childName, houseKey) {
  return (await houseEntries(page, childName, houseKey))
    .filter((e) => e.kind === 'drawing')
    .flatMap((e) => e.strokes ?? []);
}

/** All stamps of all drawing entries in one house, in order. */
async function houseStamps(page, childName, houseKey) {
  return (await houseEntries(page, childName, houseKey))
    .filter((e) => e.kind === 'drawing')
    .flatMap((e) => e.stamps ?? []);
}

/**
 * Saves the open drawing as a picture and reads it back: its size, how many pixels are not
 * white, and the colour at each probe (fractions of the picture).
 */
async function savePicture(page, probes = []) {
  const downloading = page.waitForEvent('download');
  await button(page, 'Save picture').click();
  const download = await downloading;
  const png = fs.readFileSync(await download.path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const picture = await page.evaluate(
    async ({ base64, probes }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const scratch = document.createElement('canvas');
      scratch.width = image.width;
      scratch.height = image.height;
      const context = scratch.getContext('2d');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200) ink += 1;
      const colours = probes.map(([fx, fy]) => {
        const at = 4 * (Math.round(fy * image.height) * image.width + Math.round(fx * image.width));
        return [data[at], data[at + 1], data[at + 2]];
      });
      return { width: image.width, height: image.height, ink, colours };
    },
    { base64: png.toString('base64'), probes },
  );
  return { fileName: download.suggestedFilename(), ...picture };
}

/** Every hear-me/* value stored (localStorage and IndexedDB), for privacy checks. */
async function allHearMeValues(page) {
  const stored = await everythingStored(page);
  return Object.fromEntries(Object.entries(stored).filter(([key]) => key.startsWith('hear-me/')));
}

function expectWellFormedStroke(stroke) {
  expect(stroke.colour).toMatch(/^#[0-9a-fA-F]{6}$/);
  expect(typeof stroke.width).toBe('number');
  expect(stroke.width).toBeGreaterThan(0);
  expect(Array.isArray(stroke.points)).toBe(true);
  expect(stroke.points.length).toBeGreaterThanOrEqual(3);
  for (const point of stroke.points) {
    expect(point).toHaveLength(3);
    for (const n of point) expect(Number.isFinite(n)).toBe(true);
    // [x, y, pressure]: x in 0..=4000, y in 0..=3000, pressure 1..=255.
    expect(point[0]).toBeGreaterThanOrEqual(0);
    expect(point[0]).toBeLessThanOrEqual(4000);
    expect(point[1]).toBeGreaterThanOrEqual(0);
    expect(point[1]).toBeLessThanOrEqual(3000);
    expect(point[2]).toBeGreaterThan(0);
    expect(point[2]).toBeLessThanOrEqual(255);
  }
}

/** Wait until the canvas shows (or does not show) ink at each fractional point. */
async function expectInk(canvas, points, present = true) {
  for (const [fx, fy] of points) {
    await expect
      .poll(() => canvasHasInkAt(canvas, fx, fy), {
        message: `${present ? 'ink' : 'no ink'} expected at (${fx}, ${fy}) of the drawing`,
      })
      .toBe(present);
  }
}

async function localToday(page) {
  return page.evaluate(() => {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });
}

// Strokes are straight lines, so any smoothing the app does keeps them in place.
const TOUCH_STROKE = [[0.2, 0.3], [0.5, 0.3], [0.8, 0.3]];
const TOUCH_STROKE_INK = [[0.35, 0.3], [0.65, 0.3]];
const PEN_STROKE = [[0.2, 0.7], [0.5, 0.7], [0.8, 0.7]];
const PEN_STROKE_INK = [[0.35, 0.7], [0.65, 0.7]];
const BLANK = [[0.5, 0.5], [0.1, 0.1], [0.9, 0.9]];

const GERMAN = 'Ich hab Angst 😢';
const FRENCH = "J'ai peur";
const ARABIC = 'أريد أن أعيش مع جدتي';
const MARKUP = '<img src=x onerror=alert(1)>';

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

test('start screen: form, validation, session list and navigation', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'Hear Me', exact: true })).toBeVisible();
  const form = startForm(page);
  await expect(form.name).toBeVisible();
  await expect(form.age).toBeVisible();
  await expect(form.language).toHaveValue('en');
  // A quick start: the worker's name (from Settings) and the day (today) are not asked here;
  // both can be changed in "About this conversation".
  await expect(page.getByRole('textbox', { name: /Worker.s name/ })).toHaveCount(0);
  await expect(page.getByLabel('Date', { exact: true })).toHaveCount(0);

  // An empty name is refused and nothing is stored.
  await form.start.click();
  await expect(page.getByRole('alert').filter({ hasText: 'first name or an alias' })).toBeVisible();
  await expect(heading(page, 'Session with')).toHaveCount(0);
  expect(await storedSessionEntries(page)).toEqual([]);

  await startSession(page, { name: 'Mia', age: 7, worker: 'Sam' });
  await expect(button(page, 'Three Houses')).toBeVisible();

  // Saved a moment later, behind the screen.
  await expect.poll(async () => (await storedSessionEntries(page))[0]?.record?.session?.worker).toBe('Sam');
  const stored = await storedSessionEntries(page);
  const record = stored[0].record;
  expect(record).toMatchObject({ schema: 7, session: { child: { name: 'Mia', age: 7 } } });
  expect(record.session.date).toBe(await localToday(page));
  expect(stored[0].key).toBe(SESSION_PREFIX + String(record.session.id));
  expect(stored[0].raw).toContain('Sam');
  const everything = await everythingStored(page);
  const index = everything[INDEX_KEY];
  expect(index, `${INDEX_KEY} is written`).toBeDefined();
  // Sealed like the sessions; opened, it lists Mia.
  const vault = everything['hear-me/vault'];
  const opened = JSON.parse(openSealed(await vaultKeyFor(vault), INDEX_KEY, index));
  expect(opened.sessions.map((entry) => entry.child_name)).toEqual(['Mia']);

  // Three Houses and back.
  await openThreeHouses(page);
  for (const house of HOUSES) await expect(houseButton(page, house.name)).toBeVisible();
  await button(page, 'Back to the session').click();
  await expect(heading(page, 'Session with Mia')).toBeVisible();

  // The list of sessions, and reopening one.
  await backToAllSessions(page);
  await expect(sessionItems(page)).toHaveCount(1);
  await expect(sessionItems(page).first()).toContainText('Mia');
  await expect(button(page, 'Mia: all visits')).toBeVisible();
  await button(page, 'Open the session with Mia').click();
  await expect(heading(page, 'Session with Mia')).toBeVisible();
});

test('a) drawings and words in many scripts survive a reload, safely and offline', async ({ page, guard }) => {
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 7, worker: 'Sam' });
  await openThreeHouses(page);

  // Every house opens and has its tools.
  for (const house of HOUSES) {
    await openHouse(page, house.name);
    for (const name of ['Draw', 'Write words', 'Read back', 'Back to the houses']) {
      await expect(button(page, name)).toBeVisible();
    }
    await backToHouses(page);
  }

  // House of Worries: one finger stroke, one red pen stroke.
  await openHouse(page, 'House of Worries');
  const canvas = await openDrawing(page);
  for (const colour of ['Black', 'Red', 'Orange', 'Yellow', 'Green', 'Blue', 'Purple', 'Brown']) {
    await expect(button(page, colour)).toHaveAttribute('aria-pressed', /^(true|false)$/);
  }
  for (const name of ['Thin brush', 'Medium brush', 'Thick brush', 'Eraser', 'Undo', 'Done']) {
    await expect(button(page, name)).toBeVisible();
  }
  await drawWithTouch(page, canvas, TOUCH_STROKE);
  await expect.poll(() => houseStrokes(page, 'Mia', 'worries'), { message: 'touch stroke saved' }).toHaveLength(1);

  await button(page, 'Red').click();
  await expect(button(page, 'Red')).toHaveAttribute('aria-pressed', 'true');
  await expect(button(page, 'Black')).toHaveAttribute('aria-pressed', 'false');
  await drawWithPen(page, canvas, PEN_STROKE, 0.7);
  await expect.poll(() => houseStrokes(page, 'Mia', 'worries'), { message: 'pen stroke saved' }).toHaveLength(2);
  await expectInk(canvas, [...TOUCH_STROKE_INK, ...PEN_STROKE_INK]);
  await expectInk(canvas, BLANK, false);
  await button(page, 'Done').click();

  await expect(entryItems(page)).toHaveCount(1);
  await expect(entryItems(page).nth(0)).toContainText('Drawing');

  // Words, with the default voice.
  await button(page, 'Write words').click();
  const box = wordsBox(page);
  await expect(box).toHaveAttribute('autocorrect', 'off');
  await expect(box).toHaveAttribute('autocapitalize', 'off');
  await expect(box).toHaveAttribute('spellcheck', 'false');
  await expect(page.getByRole('radio', { name: 'Child said, worker wrote', exact: true })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Child wrote', exact: true })).not.toBeChecked();
  await box.fill(GERMAN);
  await expect(box).toHaveValue(GERMAN);
  await button(page, 'Done').click();
  await expect(entriesList(page).getByText(GERMAN, { exact: true })).toBeVisible();
  await expect(entryItems(page)).toHaveCount(2);
  await backToHouses(page);

  await openHouse(page, 'House of Good Things');
  await addWords(page, FRENCH, 'Child wrote');
  await backToHouses(page);

  await openHouse(page, 'House of Dreams');
  await addWords(page, ARABIC);
  await addWords(page, MARKUP);

  // Shape of what is stored.
  const record = await sessionRecord(page, 'Mia');
  expect(record).toMatchObject({ schema: 7, session: { child: { name: 'Mia', age: 7 } } });
  const q = record.session.questions;
  for (const house of HOUSES) {
    expect(typeof q[house.key].own_names).toBe('object');
    let previous = 0;
    for (const entry of q[house.key].entries) {
      expect(typeof entry.id).toBe('number');
      expect(typeof entry.created_at).toBe('number');
      expect(entry.created_at).toBeGreaterThanOrEqual(previous);
      previous = entry.created_at;
    }
  }
  expect(q.worries.entries.map((e) => e.kind)).toEqual(['drawing', 'words']);
  expect(q.worries.entries[1]).toMatchObject({ kind: 'words', text: GERMAN, voice: 'child_said_worker_wrote' });
  expect(q.good_things.entries).toHaveLength(1);
  expect(q.good_things.entries[0]).toMatchObject({ kind: 'words', text: FRENCH, voice: 'child_wrote' });
  expect(q.dreams.entries.map((e) => e.text)).toEqual([ARABIC, MARKUP]);

  const strokesBefore = q.worries.entries[0].strokes;
  expect(strokesBefore).toHaveLength(2);
  strokesBefore.forEach(expectWellFormedStroke);
  const [touchStroke, penStroke] = strokesBefore;
  for (const s of strokesBefore) expect(s.points[0][0]).toBeLessThan(s.points.at(-1)[0]); // drawn left to right
  const meanY = (s) => s.points.reduce((sum, p) => sum + p[1], 0) / s.points.length;
  expect(meanY(touchStroke)).toBeLessThan(meanY(penStroke)); // the pen stroke is lower down
  const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [r, g, b] = rgb(penStroke.colour);
  expect(r, `the pen stroke is red, got ${penStroke.colour}`).toBeGreaterThan(Math.max(g, b));
  expect(penStroke.colour.toLowerCase()).not.toBe(touchStroke.colour.toLowerCase());
  // The pen's force (0.7) is kept; the finger gets the middle pressure.
  // (0.7 arrives as the float32 0.69999999, so 178 or 179.)
  expect(Math.abs(penStroke.points[1][2] - 0.7 * 255)).toBeLessThanOrEqual(1);
  expect(touchStroke.points[1][2]).toBe(128);

  // Reload: the app reopens where the worker left off.
  const headingsBefore = await page.getByRole('heading').allInnerTexts();
  await page.waitForTimeout(1200);
  await reloadAndUnlock(page);
  await expect(heading(page, /House of Dreams/)).toBeVisible();
  await expect(button(page, 'Write words')).toBeVisible();
  expect(await page.getByRole('heading').allInnerTexts()).toEqual(headingsBefore);

  // House of Dreams: right-to-left text and markup, shown as plain text.
  await expect(entryItems(page)).toHaveCount(2);
  await expect(entryItems(page).nth(0).getByText(ARABIC, { exact: true })).toBeVisible();
  await expect(entryItems(page).nth(0)).toContainText('Child said, worker wrote');
  await expect(entryItems(page).nth(1).getByText(MARKUP, { exact: true })).toBeVisible();
  await expect(entryItems(page).nth(1)).toContainText('Child said, worker wrote');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await backToHouses(page);

  await openHouse(page, 'House of Good Things');
  await expect(entryItems(page)).toHaveCount(1);
  await expect(entryItems(page).nth(0).getByText(FRENCH, { exact: true })).toBeVisible();
  await expect(entryItems(page).nth(0)).toContainText('Child wrote');
  await expect(entryItems(page).nth(0)).not.toContainText('Child said, worker wrote');
  await backToHouses(page);

  await openHouse(page, 'House of Worries');
  await expect(entryItems(page)).toHaveCount(2);
  await expect(entryItems(page).nth(0)).toContainText('Drawing');
  await expect(entryItems(page).nth(1).getByText(GERMAN, { exact: true })).toBeVisible();
  await expect(entryItems(page).nth(1)).toContainText('Child said, worker wrote');

  // The drawing comes back exactly.
  await button(page, 'Open entry 1').click();
  const reopened = drawingArea(page);
  await expect(reopened).toBeVisible();
  await expectInk(reopened, [...TOUCH_STROKE_INK, ...PEN_STROKE_INK]);
  await expectInk(reopened, BLANK, false);

  const worriesAfter = await houseEntries(page, 'Mia', 'worries');
  const drawingsAfter = worriesAfter.filter((e) => e.kind === 'drawing');
  expect(drawingsAfter).toHaveLength(1);
  expect(drawingsAfter[0].strokes).toHaveLength(2);
  expect(drawingsAfter[0].strokes.map((s) => s.points)).toEqual(strokesBefore.map((s) => s.points));
  expect(drawingsAfter[0].strokes).toEqual(strokesBefore);

  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(guard.dialogs, 'no alert fired').toEqual([]);
  expect(guard.foreign, 'no request left the tablet').toEqual([]);
});

test('b) undo and eraser change what is stored', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 7 });
  await openThreeHouses(page);
  await openHouse(page, 'House of Worries');
  const canvas = await openDrawing(page);

  await drawWithTouch(page, canvas, TOUCH_STROKE);
  await expect.poll(() => houseStrokes(page, 'Mia', 'worries')).toHaveLength(1);
  await drawWithTouch(page, canvas, PEN_STROKE);
  await expect.poll(() => houseStrokes(page, 'Mia', 'worries')).toHaveLength(2);
  const [first] = await houseStrokes(page, 'Mia', 'worries');

  // Undo removes the last stroke.
  await button(page, 'Undo').click();
  await expect.poll(() => houseStrokes(page, 'Mia', 'worries'), { message: 'one stroke after Undo' }).toHaveLength(1);
  expect(await houseStrokes(page, 'Mia', 'worries')).toEqual([first]);
  await expectInk(canvas, PEN_STROKE_INK, false);
  await expectInk(canvas, TOUCH_STROKE_INK, true);

  // The eraser removes the stroke it crosses.
  await button(page, 'Eraser').click();
  await drawWithTouch(page, canvas, [[0.5, 0.1], [0.5, 0.5]]);
  await expect.poll(() => houseStrokes(page, 'Mia', 'worries'), { message: 'no strokes after erasing' }).toHaveLength(0);
  await expectInk(canvas, TOUCH_STROKE_INK, false);

  // Undo brings the erased stroke back.
  await button(page, 'Undo').click();
  await expect.poll(() => houseStrokes(page, 'Mia', 'worries'), { message: 'erase undone' }).toHaveLength(1);
  expect((await houseStrokes(page, 'Mia', 'worries'))[0].points).toEqual(first.points);
  await expectInk(canvas, TOUCH_STROKE_INK, true);

  // A cancelled touch loses only the stroke it was drawing.
  await button(page, 'Black').click();
  await drawWithTouch(page, canvas, PEN_STROKE, { cancel: true });
  await expectInk(canvas, PEN_STROKE_INK, false);
  await expectInk(canvas, TOUCH_STROKE_INK, true);
  await page.waitForTimeout(600);
  expect(await houseStrokes(page, 'Mia', 'worries')).toEqual([first]);

  // Drawing goes on normally after the cancelled stroke.
  await drawWithPen(page, canvas, PEN_STROKE);
  await expect.poll(() => houseStrokes(page, 'Mia', 'worries')).toHaveLength(2);
  await expectInk(canvas, PEN_STROKE_INK, true);
  const penStroke = (await houseStrokes(page, 'Mia', 'worries'))[1];

  // Two eraser swipes, each starting on blank paper, are two undo steps. (The pen has drawn,
  // so "Pen only" is on and the eraser follows the pen too.)
  await button(page, 'Eraser').click();
  await drawWithPen(page, canvas, [[0.5, 0.1], [0.5, 0.4]]);
  await expect.poll(() => houseStrokes(page, 'Mia', 'worries')).toEqual([penStroke]);
  await drawWithPen(page, canvas, [[0.5, 0.55], [0.5, 0.85]]);
  await expect.poll(() => houseStrokes(page, 'Mia', 'worries')).toEqual([]);
  await button(page, 'Undo').click();
  await expect.poll(() => houseStrokes(page, 'Mia', 'worries'), { message: 'only the second swipe is undone' }).toEqual([
    penStroke,
  ]);
  await button(page, 'Redo').click();
  await expect.poll(() => houseStrokes(page, 'Mia', 'worries')).toEqual([]);
});

test('c) deleting a session asks first and removes it for good', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Ada' });
  await backToAllSessions(page);
  await startSession(page, { name: 'Ben' });
  await backToAllSessions(page);

  // Newest first.
  await expect(sessionItems(page)).toHaveCount(2);
  await expect(sessionItems(page).nth(0)).toContainText('Ben');
  await expect(sessionItems(page).nth(1)).toContainText('Ada');

  // Keep: nothing happens. A session is deleted with its child, from the child's page.
  await button(page, 'Ada: all visits').click();
  await button(page, 'Delete this child').click();
  let dialog = page.getByRole('dialog', { name: 'Delete Ada and every visit?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Visits: 1, the last on');
  await expect(dialog.getByRole('button', { name: 'Delete', exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep', exact: true }).click();
  await expect(dialog).toBeHidden();
  await button(page, 'All children').click();
  await expect(sessionItems(page)).toHaveCount(2);
  await expect(button(page, 'Open the session with Ada')).toBeVisible();
  await expect.poll(async () => (await storedSessions(page)).length).toBe(2);

  // Delete: gone.
  await button(page, 'Ada: all visits').click();
  await button(page, 'Delete this child').click();
  dialog = page.getByRole('dialog', { name: 'Delete Ada and every visit?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(sessionItems(page)).toHaveCount(1);
  await expect(sessionItems(page).nth(0)).toContainText('Ben');
  await expect(button(page, 'Open the session with Ada')).toHaveCount(0);

  const checkStorage = async () => {
    const sessions = await storedSessions(page);
    expect(sessions.map((s) => s.session.child.name)).toEqual(['Ben']);
    const values = await allHearMeValues(page);
    for (const [key, value] of Object.entries(values)) {
      expect(value, `${key} must not mention the deleted child`).not.toMatch(/\bAda\b/);
    }
  };
  // The deletion lands a moment later, behind the screen.
  await expect(checkStorage).toPass();

  await reloadAndUnlock(page);
  await expect(sessionsList(page)).toBeVisible();
  await expect(sessionItems(page)).toHaveCount(1);
  await expect(sessionsList(page)).not.toContainText('Ada');
  await expect(sessionItems(page).nth(0)).toContainText('Ben');
  await checkStorage();
});

test('d) a drawing keeps its place when the tablet is rotated', async ({ page }) => {
  const STROKE = [[0.2, 0.2], [0.5, 0.5], [0.8, 0.8]]; // diagonal
  const ON = [[0.35, 0.35], [0.65, 0.65]];
  const OFF = [[0.65, 0.35], [0.35, 0.65], [0.8, 0.2], [0.2, 0.8]];

  await openApp(page);
  await startSession(page, { name: 'Mia', age: 7 });
  await openThreeHouses(page);
  await openHouse(page, 'House of Worries');
  let canvas = await openDrawing(page);
  await drawWithTouch(page, canvas, STROKE);
  await expect.poll(() => houseStrokes(page, 'Mia', 'worries')).toHaveLength(1);
  const before = await houseStrokes(page, 'Mia', 'worries');
  await button(page, 'Done').click();

  await button(page, 'Open entry 1').click();
  canvas = drawingArea(page);
  await expect(canvas).toBeVisible();

  const expectFourByThree = async (viewportWidth) => {
    const box = await canvas.boundingBox();
    expect(box).not.toBeNull();
    expect(box.width / box.height).toBeGreaterThan((4 / 3) * 0.97);
    expect(box.width / box.height).toBeLessThan((4 / 3) * 1.03);
    expect(box.width).toBeLessThanOrEqual(viewportWidth + 1);
  };

  await expectFourByThree(1024);
  await expectInk(canvas, ON, true);
  await expectInk(canvas, OFF, false);

  await page.setViewportSize({ width: 768, height: 1024 });
  await expect(canvas).toBeVisible();
  await expect.poll(async () => (await canvas.boundingBox())?.width ?? Infinity).toBeLessThanOrEqual(769);
  await expectFourByThree(768);
  await expectInk(canvas, ON, true);
  await expectInk(canvas, OFF, false);

  expect(await houseStrokes(page, 'Mia', 'worries')).toEqual(before);
});

test('e) a full storage is reported and nothing typed is lost', async ({ page }) => {
  // Both stores refuse at once, as some browsers throw a full disk straight away (the
  // nothing-lost tests fill the real quota instead).
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__fullDisk === true) throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.__fullDisk === true) throw new DOMException('full', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 7 });
  await openThreeHouses(page);
  await openHouse(page, 'House of Worries');
  await button(page, 'Write words').click();
  const box = wordsBox(page);
  await expect(box).toBeVisible();

  await page.evaluate(() => {
    window.__fullDisk = true;
  });
  await box.fill('Keep me');
  const full = page.getByRole('alert').filter({ hasText: /storage on this tablet is full/i });
  await expect(full).toBeVisible();
  await expect(box).toHaveValue('Keep me');

  await page.evaluate(() => {
    window.__fullDisk = false;
  });
  await expect(full).toBeHidden({ timeout: 10_000 });
  await expect
    .poll(async () => (await houseEntries(page, 'Mia', 'worries')).map((e) => e.text), {
      message: 'the words are saved once there is room again',
    })
    .toContain('Keep me');

  await reloadAndUnlock(page);
  const asText = page.getByText('Keep me', { exact: true });
  await expect(asText.or(wordsBox(page)).first()).toBeVisible();
  if (await wordsBox(page).isVisible()) {
    await expect(wordsBox(page)).toHaveValue('Keep me'); // reopened on the words screen
  } else {
    await expect(asText).toBeVisible(); // reopened on the house screen
  }
});

test('f) a damaged session record, or one planted in plain text, is reported and left untouched', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Zoe' });
  await expect.poll(async () => (await storedSessionEntries(page)).length).toBe(1);
  const stored = await storedSessionEntries(page);
  const { key, sealed } = stored[0];

  // Damaged: a sealed record with a changed byte no longer opens.
  const last = sealed.at(-2) === 'A' ? 'B' : 'A';
  const damaged = `${sealed.slice(0, -2)}${last}${sealed.at(-1)}`;
  await plantInIndexedDb(page, key, damaged);
  // Planted: records in plain text, which this tablet never writes after set-up: one where
  // the sessions are, one where an earlier Hear Me kept them.
  const plain = (id) => `{"schema":5,"session":{"id":"${id}"}}`;
  await plantInIndexedDb(page, 'hear-me/session/planted-0001', plain('planted-0001'));
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), ['hear-me/session/planted-0002', plain('planted-0002')]);
  await reloadAndUnlock(page);

  await expect(page.getByText(/could not be opened/).first()).toBeVisible();
  await expect(page.locator('body')).toContainText('Zoe');
  await expect(page.getByText(/The stored record is damaged/)).toBeVisible();
  await expect(page.getByText(/not sealed by this tablet/)).toHaveCount(2);
  await page.waitForTimeout(1500);
  // All kept byte for byte, where they were.
  const after = await everythingStored(page);
  expect(after[key]).toBe(damaged);
  expect(after['hear-me/session/planted-0001']).toBe(plain('planted-0001'));
  expect(await page.evaluate(() => localStorage.getItem('hear-me/session/planted-0002'))).toBe(plain('planted-0002'));
});

test('g) entries: read back and delete with confirmation', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 7 });
  await openThreeHouses(page);
  await openHouse(page, 'House of Worries');
  await addWords(page, 'first words');
  await addWords(page, 'second words');
  await expect(entryItems(page).nth(0)).toContainText('first words');
  await expect(entryItems(page).nth(1)).toContainText('second words');

  await button(page, 'Read back').click();
  await expect(page.getByRole('heading', { name: /^Read back/ })).toBeVisible();
  await expect(page.getByText('first words', { exact: true })).toBeVisible();
  await expect(page.getByText('second words', { exact: true })).toBeVisible();
  await button(page, 'Done').click();
  await expect(heading(page, /House of Worries/)).toBeVisible();

  await button(page, 'Delete entry 1').click();
  let dialog = page.getByRole('dialog', { name: 'Delete this entry?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(entryItems(page)).toHaveCount(2);

  await button(page, 'Delete entry 1').click();
  dialog = page.getByRole('dialog', { name: 'Delete this entry?' });
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(entryItems(page)).toHaveCount(1);
  await expect(entryItems(page).nth(0)).toContainText('second words');
  await expect(button(page, 'Delete entry 2')).toHaveCount(0);
  await expect
    .poll(async () => (await houseEntries(page, 'Mia', 'worries')).map((e) => e.text))
    .toEqual(['second words']);
});

test('h) a browser that refuses storage: the app says so and keeps working in memory', async ({ page }) => {
  await refuseStorage(page);
  await openApp(page);
  const refused = page.getByRole('alert').filter({ hasText: /does not let Hear Me save/ });
  await expect(refused).toBeVisible();
  await startSession(page, { name: 'Mia', age: 7 });
  await openThreeHouses(page);
  await openHouse(page, 'House of Dreams');
  await addWords(page, 'Ein Hund 🐶');
  await expect(page.getByText('Ein Hund 🐶', { exact: true })).toBeVisible();
  await expect(refused).toBeVisible();
});

test('i) the app speaks German, and remembers it', async ({ page }) => {
  await openApp(page);
  await button(page, 'Deutsch').click();
  await expect(heading(page, 'Ein neues Kind')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.getByLabel('Vorname oder Pseudonym des Kindes').fill('Lena');
  await button(page, 'Gespräch beginnen').click();
  await expect(heading(page, 'Gespräch mit Lena')).toBeVisible();
  await button(page, 'Drei Häuser').click();
  for (const name of ['Haus der Sorgen', 'Haus der guten Dinge', 'Haus der Träume']) {
    await expect(page.getByRole('button', { name: new RegExp(`^${name}`) })).toBeVisible();
  }
  await reloadAndUnlock(page);
  await expect(heading(page, 'Die drei Häuser')).toBeVisible();
  await button(page, 'Zurück zum Gespräch').click();
  await button(page, 'Alle Kinder').click();
  await button(page, 'English').click();
  await expect(heading(page, 'A new child')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('j) closing the tab right after typing loses nothing', async ({ page, context }) => {
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 7 });
  await openThreeHouses(page);
  await openHouse(page, 'House of Good Things');
  await button(page, 'Write words').click();
  // Type and close at once, before the short typing pause that normally triggers a save.
  await wordsBox(page).pressSequentially('Oma backt Kuchen', { delay: 0 });
  const savedBeforeClosing = await page.evaluate(() =>
    Object.keys(localStorage).some((key) => localStorage.getItem(key).includes('Oma backt Kuchen')),
  );
  expect(savedBeforeClosing, 'the words are still waiting for the typing pause').toBe(false);
  await page.close({ runBeforeUnload: true });

  const reopened = await context.newPage();
  await openApp(reopened);
  await expect(wordsBox(reopened)).toHaveValue('Oma backt Kuchen');
  await button(reopened, 'Done').click();
  await expect(entriesList(reopened).getByText('Oma backt Kuchen', { exact: true })).toBeVisible();
});

test('k) clear asks first and undo brings the drawing back; a pen turns on pen-only', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 7 });
  await openThreeHouses(page);
  await openHouse(page, 'House of Worries');
  const canvas = await openDrawing(page);

  // Skin tones are there for drawing people.
  for (const name of ['Light skin', 'Medium skin', 'Dark skin']) await expect(button(page, name)).toBeVisible();
  await button(page, 'Medium skin').click();
  await drawWithTouch(page, canvas, TOUCH_STROKE);
  await expect.poll(() => houseStrokes(page, 'Mia', 'worries')).toHaveLength(1);
  const [skinStroke] = await houseStrokes(page, 'Mia', 'worries');
  expect(skinStroke.pen).toBeUndefined();

  // Clear: Keep leaves everything, Clear removes it, Undo brings it back.
  await button(page, 'Clear').click();
  const dialog = page.getByRole('dialog', { name: 'Clear the whole drawing?' });
  await dialog.getByRole('button', { name: 'Keep' }).click();
  await expect(dialog).toBeHidden();
  expect(await houseStrokes(page, 'Mia', 'worries')).toEqual([skinStroke]);
  await button(page, 'Clear').click();
  await dialog.getByRole('button', { name: 'Clear' }).click();
  await expect.poll(() => houseStrokes(page, 'Mia', 'worries')).toEqual([]);
  await expectInk(canvas, TOUCH_STROKE_INK, false);
  await button(page, 'Undo').click();
  await expect.poll(() => houseStrokes(page, 'Mia', 'worries')).toEqual([skinStroke]);
  await expectInk(canvas, TOUCH_STROKE_INK, true);

  // The first pen stroke turns "Pen only" on: a resting hand no longer draws.
  const penOnly = button(page, 'Pen only');
  await expect(penOnly).toHaveAttribute('aria-pressed', 'false');
  await drawWithPen(page, canvas, PEN_STROKE, 0.9);
  await expect.poll(() => houseStrokes(page, 'Mia', 'worries')).toHaveLength(2);
  expect((await houseStrokes(page, 'Mia', 'worries'))[1].pen).toBe(true);
  await expect(penOnly).toHaveAttribute('aria-pressed', 'true');
  await drawWithTouch(page, canvas, [[0.2, 0.5], [0.8, 0.5]]);
  await page.waitForTimeout(500);
  expect(await houseStrokes(page, 'Mia', 'worries')).toHaveLength(2);
  await expectInk(canvas, [[0.5, 0.5]], false);
  // The worker turns it off, and fingers draw again.
  await penOnly.click();
  await expect(penOnly).toHaveAttribute('aria-pressed', 'false');
  await drawWithTouch(page, canvas, [[0.2, 0.5], [0.8, 0.5]]);
  await expect.poll(() => houseStrokes(page, 'Mia', 'worries')).toHaveLength(3);

  // The highlighter lays a wide, see-through line and says so in storage.
  await button(page, 'Highlighter').click();
  await expect(button(page, 'Highlighter')).toHaveAttribute('aria-pressed', 'true');
  await expect(button(page, 'Marker')).toHaveAttribute('aria-pressed', 'false');
  await drawWithPen(page, canvas, [[0.2, 0.15], [0.8, 0.15]]);
  await expect.poll(() => houseStrokes(page, 'Mia', 'worries')).toHaveLength(4);
  expect((await houseStrokes(page, 'Mia', 'worries'))[3].nib).toBe('highlighter');
  await expectInk(canvas, [[0.5, 0.15]], true);
  await button(page, 'Marker').click();

  // "Save picture" downloads a PNG at print size, with the drawing's ink in it.
  const picture = await savePicture(page);
  expect(picture.fileName).toMatch(/^hear-me-\d{4}-\d{2}-\d{2}-worries-\d+\.png$/);
  const box = await canvas.boundingBox();
  expect(picture.width).toBeGreaterThanOrEqual(2 * box.width);
  expect(picture.width * 3).toBe(picture.height * 4);
  expect(picture.ink, 'the picture has ink, not a blank page').toBeGreaterThan(1000);
});

test('l) stamps are placed by a tap, moved, resized, removed and undone, and kept', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 5 });
  await openThreeHouses(page);
  await openHouse(page, 'House of Worries');
  const canvas = await openDrawing(page);
  const stamps = () => houseStamps(page, 'Mia', 'worries');
  const stampsButton = button(page, 'Stamps');

  // The stamp tray takes the place of the colours: every stamp has its picture and its word.
  await expect(stampsButton).toHaveAttribute('aria-pressed', 'false');
  await stampsButton.click();
  await expect(stampsButton).toHaveAttribute('aria-pressed', 'true');
  await expect(button(page, 'Black')).toBeHidden();
  const tray = page.getByRole('group', { name: 'Pick a stamp, then tap the paper' });
  // A page at a time: feelings, people (each also with a neutral face), things.
  const pages = page.getByRole('group', { name: 'Kinds of stamps' });
  const kinds = {
    Feelings: ['Happy', 'Sad', 'Angry', 'Scared', 'Worried', 'Calm'],
    People: ['Child, neutral face', 'Child', 'Grown-up, neutral face', 'Grown-up', 'Older person, neutral face',
      'Older person', 'Baby, neutral face', 'Baby'],
    Things: ['Home', 'School', 'Heart', 'Sun', 'Cloud', 'Rain', 'Star', 'Pet', 'Bed', 'Car', 'Speech bubble'],
  };
  await expect(pages.getByRole('button', { name: 'Feelings', exact: true })).toHaveAttribute('aria-pressed', 'true');
  for (const [name, onPage] of Object.entries(kinds)) {
    await pages.getByRole('button', { name, exact: true }).click();
    await expect(tray.getByRole('button')).toHaveCount(onPage.length);
    for (const kind of onPage) {
      const choice = tray.getByRole('button', { name: kind, exact: true });
      await expect(choice).toBeVisible();
      const size = await choice.boundingBox();
      expect(size.width, `${kind} is big enough for a small finger`).toBeGreaterThanOrEqual(48);
      expect(size.height).toBeGreaterThanOrEqual(48);
      // Each stamp is drawn with the app's own shapes, not a font's emoji.
      expect(await choice.locator('svg path').count(), `${kind} has a picture`).toBeGreaterThan(0);
    }
  }
  await pages.getByRole('button', { name: 'Feelings', exact: true }).click();

  // A tap puts the chosen stamp where the finger was.
  await tray.getByRole('button', { name: 'Sad', exact: true }).click();
  await drawWithTouch(page, canvas, [[0.3, 0.4]]);
  await expect.poll(stamps).toHaveLength(1);
  let [sad] = await stamps();
  expect(sad.kind).toBe('sad');
  expect(Math.abs(sad.x - 1200)).toBeLessThan(40);
  expect(Math.abs(sad.y - 1200)).toBeLessThan(40);
  const sadOnPaper = page.getByRole('img', { name: 'Sad', exact: true });
  await expect(sadOnPaper).toBeVisible();
  const placedBox = await sadOnPaper.boundingBox();

  // A drag moves it, as one step.
  await drawWithTouch(page, canvas, [[0.3, 0.4], [0.6, 0.5]]);
  await expect.poll(async () => (await stamps())[0].x).toBeGreaterThan(2300);
  [sad] = await stamps();
  expect(Math.abs(sad.x - 2400)).toBeLessThan(40);
  expect(Math.abs(sad.y - 1500)).toBeLessThan(40);
  const movedBox = await sadOnPaper.boundingBox();
  expect(movedBox.x).toBeGreaterThan(placedBox.x + 100);

  // Bigger and smaller, each undoable.
  const placedSize = sad.size;
  await button(page, 'Bigger').click();
  await button(page, 'Bigger').click();
  await expect.poll(async () => (await stamps())[0].size).toBeGreaterThan(placedSize);
  const biggest = (await stamps())[0].size;
  await button(page, 'Smaller').click();
  await expect.poll(async () => (await stamps())[0].size).toBeLessThan(biggest);
  expect((await sadOnPaper.boundingBox()).width).toBeGreaterThan(movedBox.width);
  await button(page, 'Undo').click();
  await expect.poll(async () => (await stamps())[0].size).toBe(biggest);
  await button(page, 'Redo').click();
  await expect.poll(async () => (await stamps())[0].size).toBeLessThan(biggest);

  // A second stamp, and ink drawn over the first: drawing does not move stamps.
  await stampsButton.click();
  await pages.getByRole('button', { name: 'Things', exact: true }).click();
  await tray.getByRole('button', { name: 'Sun', exact: true }).click();
  await drawWithTouch(page, canvas, [[0.15, 0.2]]);
  await expect.poll(stamps).toHaveLength(2);
  const beforeInk = await stamps();
  await button(page, 'Marker').click();
  await expect(tray).toBeHidden();
  await drawWithTouch(page, canvas, [[0.5, 0.5], [0.7, 0.5]]);
  await expect.poll(() => houseStrokes(page, 'Mia', 'worries')).toHaveLength(1);
  expect(await stamps()).toEqual(beforeInk);

  // The saved picture shows the stamps under the ink: the sun's yellow is where the sun is.
  const sun = beforeInk[1];
  const picture = await savePicture(page, [[sun.x / 4000, sun.y / 3000]]);
  const [r, g, b] = picture.colours[0];
  expect(r > 200 && g > 150 && b < 150, `the sun is yellow in the picture, got ${[r, g, b]}`).toBe(true);

  // Everything is still there after a reload.
  await reloadAndUnlock(page);
  await expect(drawingArea(page)).toBeVisible();
  await expect(page.getByRole('img', { name: 'Sad', exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Sun', exact: true })).toBeVisible();
  expect(await stamps()).toEqual(beforeInk);

  // Remove a stamp: tap it to pick it, then "Remove stamp"; undo brings it back.
  await button(page, 'Stamps').click();
  await expect(button(page, 'Remove stamp')).toBeDisabled();
  await drawWithTouch(page, drawingArea(page), [[sun.x / 4000, sun.y / 3000]]);
  await expect(button(page, 'Remove stamp')).toBeEnabled();
  expect(await stamps(), 'a tap on a stamp picks it up, it does not add one').toEqual(beforeInk);
  await button(page, 'Remove stamp').click();
  await expect.poll(stamps).toEqual([beforeInk[0]]);
  await expect(page.getByRole('img', { name: 'Sun', exact: true })).toBeHidden();
  await button(page, 'Undo').click();
  await expect.poll(stamps).toEqual(beforeInk);
  await expect(page.getByRole('img', { name: 'Sun', exact: true })).toBeVisible();

  // The drawing is listed in the house.
  await button(page, 'Done').click();
  await expect(entryItems(page)).toHaveCount(1);
});

test('m) a firmer pen makes wider ink, in the stored data and on the paper', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 9 });
  await openThreeHouses(page);
  await openHouse(page, 'House of Dreams');
  const canvas = await openDrawing(page);
  const strokes = () => houseStrokes(page, 'Mia', 'dreams');

  await drawWithPen(page, canvas, [[0.2, 0.3], [0.8, 0.3]], 0.15);
  await drawWithPen(page, canvas, [[0.2, 0.7], [0.8, 0.7]], 0.95);
  await expect.poll(strokes).toHaveLength(2);
  const [light, firm] = await strokes();
  expect(light.pen && firm.pen).toBe(true);
  const pressures = (stroke) => [...new Set(stroke.points.map(([, , pressure]) => pressure))];
  expect(pressures(light)).toEqual([38]); // 0.15 of 255
  expect(pressures(firm)).toEqual([242]); // 0.95 of 255

  // How thick the ink is where each line crosses the middle of the paper, in canvas pixels.
  const thickness = (fy) =>
    canvas.evaluate((element, fy) => {
      const context = element.getContext('2d');
      const x = Math.round(element.width / 2);
      const { data } = context.getImageData(x, 0, 1, element.height);
      const centre = Math.round(fy * element.height);
      let inked = 0;
      for (let y = centre - 60; y <= centre + 60; y++) if (data[4 * y + 3] > 128) inked += 1;
      return inked;
    }, fy);
  const lightWidth = await thickness(0.3);
  const firmWidth = await thickness(0.7);
  expect(lightWidth, 'the light line is drawn').toBeGreaterThan(0);
  expect(firmWidth, `firm ${firmWidth} px against light ${lightWidth} px`).toBeGreaterThan(lightWidth * 1.3);

  // Still so after a reload, from what was stored.
  await reloadAndUnlock(page);
  await expect(drawingArea(page)).toBeVisible();
  await expect.poll(() => thickness(0.7)).toBe(firmWidth);
  expect(await thickness(0.3)).toBe(lightWidth);
});

test('n) the child decides who sees what, and each summary shows exactly that', async ({ page, browser }) => {
  const DAD = 'Dad shouts when he is sad';
  const CAT = "I love Oma's cat\nand her garden";
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 8, worker: 'Sam' });
  await openThreeHouses(page);
  await openHouse(page, 'House of Worries');
  await addWords(page, DAD);
  // From an entry, at any time: the child keeps this one between them and the worker.
  await button(page, 'Who may see entry 1?').click();
  const dialog = page.getByRole('dialog', { name: 'Who may see this?' });
  await expect(dialog.getByText('No decision yet')).toBeVisible();
  await dialog.getByRole('button', { name: 'Nobody else', exact: true }).click();
  await expect(dialog.getByRole('button', { name: 'Nobody else', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await dialog.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(dialog).toBeHidden();
  const canvas = await openDrawing(page);
  await drawWithTouch(page, canvas, TOUCH_STROKE);
  await expect.poll(() => houseStrokes(page, 'Mia', 'worries')).toHaveLength(1);
  await button(page, 'Done').click();
  await backToHouses(page);
  await openHouse(page, 'House of Good Things');
  await addWords(page, CAT, 'Child wrote');
  await backToHouses(page);
  await openHouse(page, 'House of Dreams');
  await addWords(page, MARKUP);
  await backToHouses(page);

  // At the end of the tool: who may see what. Nothing is decided until the child says so.
  await openSessionFolds(page);
  await button(page, 'Who may see what').click();
  await expect(heading(page, 'Who may see what?')).toBeVisible();
  const choice = (item, name) => item.getByRole('button', { name, exact: true });
  const here = page.locator('.sharing-step').getByRole('group');
  // A name the child gives joins the pictures, for every entry: given at the start of the walk.
  await page.getByRole('textbox', { name: 'Someone else the child names' }).fill('Oma');
  await button(page, 'Add a person').click();
  // Then one entry per screen, each with its own choices, named after it.
  const dad = await sharingFor(page, DAD);
  await expect(page.locator('.sharing-step')).toHaveCount(1);
  await expect(choice(dad, 'Nobody else')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Oma', exact: true })).toHaveCount(1);
  await walkOn(page);
  await expect(here).toHaveAccessibleName('House of Worries: who may see this drawing?');
  await expect(page.locator('.sharing-step canvas')).toHaveCount(1);
  await expect(page.getByText('No decision yet')).toBeVisible();
  await choice(here, 'Mum').click();
  await choice(here, 'The judge / the court').click();
  // A tap again takes the choice back: the decision is stored at each tap, and the history
  // holds what the child chose on this screen as one change.
  await choice(here, 'Mum').click();
  await choice(here, 'Mum').click();
  await walkOn(page);
  await expect(page.locator('.sharing-step .childs-words')).toHaveText(CAT);
  await choice(here, 'Oma').click();
  await choice(here, 'Mum').click();
  await expect(choice(here, 'Mum')).toHaveAttribute('aria-pressed', 'true');
  // The dream stays undecided until the child says so.
  await walkOn(page);
  await expect(page.getByText('No decision yet')).toBeVisible();
  const worries = await houseEntries(page, 'Mia', 'worries');
  expect(worries[0].sharing.decision).toBe('private');
  expect(worries[1].sharing.decision).toEqual({ shared_with: ['mum', 'court'] });
  expect(worries[1].sharing.history.length).toBe(1);
  const dreams = await houseEntries(page, 'Mia', 'dreams');
  expect(dreams[0].sharing?.decision ?? null).toBeNull();

  // The summary for each audience shows exactly what the child shared with it.
  await button(page, 'Back to the session').click();
  await openSessionFolds(page);
  await button(page, 'Summary').click();
  const summary = page.frameLocator('iframe.summary-frame');
  const summaryFor = page.getByRole('combobox', { name: 'Summary for' });
  await summaryFor.selectOption({ label: 'Mum' });
  await expect(summary.getByText('Summary for: Mum')).toBeVisible();
  await expect(summary.locator('.child-words')).toHaveCount(1);
  await expect(summary.locator('.child-words')).toHaveText(CAT);
  await expect(summary.locator('img')).toHaveCount(1);
  await expect(summary.getByText(DAD)).toHaveCount(0);
  // Nothing counts or hints at what the child kept back or has not decided.
  await expect(summary.getByText(/not shown|not shared|No decision yet|Nobody else/)).toHaveCount(0);

  await summaryFor.selectOption({ label: 'The judge / the court' });
  await expect(summary.getByText('Summary for: The judge / the court')).toBeVisible();
  await expect(summary.locator('img')).toHaveCount(1);
  await expect(summary.locator('.child-words')).toHaveCount(0);

  await summaryFor.selectOption({ label: 'Oma' });
  await expect(summary.locator('.child-words')).toHaveText(CAT);
  await expect(summary.locator('img')).toHaveCount(0);

  // The worker's own record has everything, and the worker's notes apart from the child's.
  await summaryFor.selectOption({ label: "Everything: the worker's full record" });
  // The place and who was there are written once, in "About this conversation".
  await openSessionFolds(page);
  await button(page, 'About this conversation').click();
  const details = page.getByRole('dialog', { name: 'About this conversation' });
  await details.getByRole('textbox', { name: 'Place', exact: true }).fill('At home, kitchen table');
  await details.getByRole('button', { name: 'Add a person', exact: true }).click();
  await details.getByRole('textbox', { name: 'Name', exact: true }).fill('Oma');
  await details.getByRole('button', { name: 'Done', exact: true }).click();
  const notes = page.getByRole('textbox', { name: /Worker's reflection/ });
  await notes.fill('Mia was calm. Next visit in two weeks.');
  await notes.blur();
  await expect(summary.locator('.child-words')).toHaveCount(3);
  for (const words of [DAD, CAT, MARKUP]) await expect(summary.getByText(words, { exact: true })).toHaveCount(1);
  await expect(summary.locator('.worker-notes')).toContainText('Mia was calm. Next visit in two weeks.');
  await expect(summary.locator('.child-words').filter({ hasText: 'Mia was calm' })).toHaveCount(0);
  await expect(summary.getByText('At home, kitchen table')).toBeVisible();

  // Download: one HTML file named with the alias and the date, with no script in it.
  const downloading = page.waitForEvent('download');
  await button(page, 'Download summary').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^hear-me-summary-Mia-\d{4}-\d{2}-\d{2}-full-record\.html$/);
  const html = fs.readFileSync(await download.path(), 'utf8');
  expect(html).not.toMatch(/<script/i);
  expect(html, 'no event handler in any tag').not.toMatch(/<[^>]*\son\w+\s*=/i);
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');

  // It opens on its own with JavaScript off: the words and the drawing are there.
  const offline = await browser.newContext({ javaScriptEnabled: false });
  const file = await offline.newPage();
  await file.setContent(html);
  for (const words of [DAD, CAT, MARKUP]) await expect(file.getByText(words, { exact: true })).toHaveCount(1);
  await expect(file.locator('img')).toHaveCount(1);
  expect(await file.locator('img').evaluate((img) => img.naturalWidth)).toBeGreaterThan(1000);

  // Printed to PDF, the child's words are there verbatim.
  const pdf = test.info().outputPath('summary.pdf');
  await file.pdf({ path: pdf, format: 'A4' });
  const { execFileSync } = await import('node:child_process');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const words of [DAD, 'I love Oma\'s cat', 'and her garden', MARKUP]) expect(text).toContain(words);
  expect(text).toContain('Mia was calm. Next visit in two weeks.');
  await offline.close();
});

test('o) "share everything with …" asks first, then gives its choice to every entry not decided yet', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Noah', age: 11 });
  await openThreeHouses(page);
  await openHouse(page, 'House of Good Things');
  await addWords(page, 'Football with Dad');
  await addWords(page, 'My dog Rex');
  await addWords(page, 'My secret den');
  await backToHouses(page);
  await openSessionFolds(page);
  await button(page, 'Who may see what').click();
  // The child already decided about one entry: that choice stays.
  const den = await sharingFor(page, 'My secret den');
  await den.getByRole('button', { name: 'Nobody else', exact: true }).click();
  // "Share everything with …" is at the start of the walk.
  for (let step = 3; step > 0; step--) await button(page, 'Previous').click();
  await expect(button(page, 'Previous')).toBeHidden();
  const everything = page.getByRole('group', { name: 'Share everything with …' });
  const apply = button(page, 'Share everything with these');
  await expect(apply).toBeDisabled();
  await everything.getByRole('button', { name: 'Dad', exact: true }).click();
  await everything.getByRole('button', { name: 'My family', exact: true }).click();
  await apply.click();
  const dialog = page.getByRole('dialog', { name: 'Give this choice to everything not decided yet?' });
  await expect(dialog).toContainText('what the child already decided stays');
  await dialog.getByRole('button', { name: 'Keep' }).click();
  await expect(dialog).toBeHidden();
  expect((await houseEntries(page, 'Noah', 'good_things')).map((entry) => entry.sharing?.decision ?? null))
    .toEqual([null, null, 'private']);
  await apply.click();
  await dialog.getByRole('button', { name: 'Share everything with these' }).click();
  await expect.poll(async () => (await houseEntries(page, 'Noah', 'good_things'))[0].sharing?.decision ?? null)
    .toEqual({ shared_with: ['dad', 'family'] });
  const entries = await houseEntries(page, 'Noah', 'good_things');
  expect(entries.map((entry) => entry.sharing.decision)).toEqual([
    { shared_with: ['dad', 'family'] },
    { shared_with: ['dad', 'family'] },
    'private',
  ]);
  expect(entries[2].sharing.history, 'the decided entry was not touched again').toHaveLength(1);
  // Each entry can still differ afterwards.
  const dog = await sharingFor(page, 'My dog Rex');
  await dog.getByRole('button', { name: 'Dad', exact: true }).click();
  await expect.poll(async () => (await houseEntries(page, 'Noah', 'good_things'))[1].sharing.decision)
    .toEqual({ shared_with: ['family'] });
});

test('a dialog keeps the keyboard inside: Tab and Shift+Tab go round its buttons, Escape keeps', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Ada', age: 7 });
  await backToAllSessions(page);
  await button(page, 'Ada: all visits').click();
  await button(page, 'Delete this child').click();
  const dialog = page.getByRole('dialog', { name: 'Delete Ada and every visit?' });
  await expect(dialog.getByRole('button', { name: 'Keep', exact: true })).toBeFocused();
  const focusInside = () => dialog.evaluate((box) => box.contains(document.activeElement));
  for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    expect(await focusInside(), `focus stays in the dialog after ${key}`).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await button(page, 'All children').click();
  await expect(sessionItems(page)).toHaveCount(1);
});
