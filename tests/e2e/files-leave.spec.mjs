// End-to-end: what leaves the tablet in files (issue 24). A saved picture is noted under
// "What left the tablet" like every summary; a file for a person the child named is named by
// kind, never by the name the child gave; the privacy page says how to delete downloads.
import {
  test,
  expect,
  button,
  heading,
  startSession,
  openApp,
  openDrawing,
  openSessionFolds,
  downloadWith,
  texts,
} from './flows.mjs';
import { drawWithTouch } from './helpers.mjs';

const EN = texts('en');

async function localToday(page) {
  return page.evaluate(() => {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });
}

test('a saved picture is listed under what left the tablet, and a file for a person the child named does not name them', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 8 });
  await button(page, 'Three Houses').click();
  await page.getByRole('button', { name: /^House of Worries/ }).click();
  const canvas = await openDrawing(page);
  await drawWithTouch(page, canvas, [[0.2, 0.3], [0.5, 0.6], [0.8, 0.4]]);
  const picture = await Promise.all([page.waitForEvent('download'), button(page, 'Save picture').click()]).then(([d]) => d.suggestedFilename());
  expect(picture).toMatch(/^hear-me-\d{4}-\d{2}-\d{2}-worries-\d+\.png$/);
  await button(page, 'Done').click();
  await button(page, 'Back to the houses').click();

  // The child names a person who may see things: "Oma Hildegard".
  await openSessionFolds(page);
  await button(page, EN.sharing_tool).click();
  await page.getByRole('textbox', { name: EN.add_person_label }).fill('Oma Hildegard');
  await button(page, EN.add_person).click();
  await button(page, EN.back_to_session).click();

  await openSessionFolds(page);
  await button(page, EN.summary_tool).click();
  const given = page.getByRole('region', { name: EN.exports_heading });
  await expect(given.getByRole('listitem')).toHaveCount(1);
  await expect(given.getByRole('listitem')).toContainText(new RegExp(`^A drawing, as a picture — downloaded .+${picture.replace(/\./g, '\\.')}$`));

  const summaryFor = page.getByRole('combobox', { name: EN.summary_for_label });
  await summaryFor.selectOption({ label: 'Oma Hildegard' });
  const today = await localToday(page);
  const forOma = await downloadWith(page, EN.download_summary);
  expect(forOma.name).toBe(`hear-me-summary-Mia-${today}-for-named-person-1.html`);
  // The document itself is for her by name: only its file name, read outside Hear Me, is not.
  expect(forOma.html).toContain('Oma Hildegard');
  await expect(given.getByRole('listitem')).toHaveCount(2);
  await expect(given.getByRole('listitem').first()).toContainText(`for-named-person-1.html`);

  // The full record lists the picture with every other file that left.
  await summaryFor.selectOption({ label: "Everything: the worker's full record" });
  const full = await downloadWith(page, EN.download_summary);
  expect(full.html).toContain(`<bdi>A drawing, as a picture</bdi> — downloaded`);
  expect(full.html).toContain(`<bdi>${picture}</bdi>`);
  expect(full.html).toContain('<bdi>Oma Hildegard</bdi> — downloaded');
  expect(full.html).not.toMatch(/Oma-Hildegard|for-Oma/);
});

test('the privacy page says downloaded files are outside Hear Me and how to delete them', async ({ page }) => {
  await openApp(page);
  await button(page, 'Settings').click();
  await button(page, EN.privacy_open).click();
  await expect(heading(page, EN.privacy_heading)).toBeVisible();
  await expect(heading(page, 'Downloaded files')).toBeVisible();
  const said = page.getByText(/^A downloaded summary, picture or backup is a file of its own, outside Hear Me's protection/);
  await expect(said).toContainText('never a name the child gave');
  await expect(said).toContainText('on an iPad in the Files app (Downloads, or On My iPad), on Android in Files (Downloads)');
});
