// End-to-end: the printed full record and the houses poster (issue 16). Every printed page
// carries the child's alias, "Page X of Y" and "Made with Hear Me"; the full record ends with
// a line to sign; the poster holds only what the chosen audience may see. The parents'
// leaflet comes in the family's language with the worker's name.
import fs from 'node:fs';
import { test, expect, button, heading, startSession, addWords, openApp, downloadWith, printedPages, sharingFor, openSessionFolds } from './flows.mjs';

const entry = (page, text) => page.getByRole('listitem').filter({ hasText: text });
const choice = (item, name) => item.getByRole('button', { name, exact: true });

test('the full record and the houses poster print with the alias, Page X of Y and Made with Hear Me on every page', async ({ page, browser }) => {
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 8, worker: 'Sam Kaya' });
  await button(page, 'Three Houses').click();
  await page.getByRole('button', { name: /^House of Worries/ }).click();
  await addWords(page, 'SHARED-WITH-MUM');
  await addWords(page, 'KEPT-PRIVATE');
  for (let n = 1; n <= 6; n++) await addWords(page, `MORE-WORDS-${n} so the record runs over several small pages`);
  await button(page, 'Back to the houses').click();
  await openSessionFolds(page);
  await button(page, 'Who may see what').click();
  await expect(heading(page, 'Who may see what?')).toBeVisible();
  await choice(await sharingFor(page, 'SHARED-WITH-MUM'), 'Mum').click();
  const kept = await sharingFor(page, 'KEPT-PRIVATE');
  await choice(kept, 'Nobody else').click();
  await expect(choice(kept, 'Nobody else')).toHaveAttribute('aria-pressed', 'true');
  await button(page, 'Back to the session').click();

  await openSessionFolds(page);
  await button(page, 'Summary').click();
  const summaryFor = page.getByRole('combobox', { name: 'Summary for' });
  await summaryFor.selectOption({ label: "Everything: the worker's full record" });
  await expect(button(page, 'Houses poster')).toBeDisabled();

  // The full record, printed on small pages so it runs over several.
  const full = await downloadWith(page, 'Download summary');
  expect(full.name).toMatch(/^hear-me-summary-Mia-\d{4}-\d{2}-\d{2}-full-record\.html$/);
  const pages = await printedPages(browser, full.html, test.info().outputPath('full-record.pdf'), 'A6');
  expect(pages.length).toBeGreaterThan(1);
  pages.forEach((text, at) => {
    expect(text, `page ${at + 1}`).toContain('Mia');
    expect(text, `page ${at + 1}`).toContain(`Page ${at + 1} of ${pages.length}`);
    expect(text.replace(/\s+/g, ' '), `page ${at + 1}`).toMatch(/Made with Hear Me \d+\.\d+\.\d+/);
  });
  const last = pages[pages.length - 1];
  expect(last).toContain('Signature');
  expect(last).toContain('Sam Kaya');
  expect(full.html).toContain('class="signature-rule"');
  expect(pages.join('\n')).toContain('KEPT-PRIVATE');

  // The poster for Mum: one landscape page with only what Mum may see.
  await summaryFor.selectOption({ label: 'Mum' });
  await expect(button(page, 'Houses poster')).toBeEnabled();
  await button(page, 'Houses poster').click();
  await expect(button(page, 'Houses poster')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.frameLocator('iframe.summary-frame').getByRole('heading', { name: "Mia's houses" })).toBeVisible();
  const poster = await downloadWith(page, 'Download summary', { confirmWorries: true });
  expect(poster.name).toMatch(/^hear-me-poster-Mia-\d{4}-\d{2}-\d{2}-for-mum\.html$/);
  expect(poster.html).not.toMatch(/<script/i);
  const posterPages = await printedPages(browser, poster.html, test.info().outputPath('poster.pdf'));
  expect(posterPages).toHaveLength(1);
  const [sheet] = posterPages;
  expect(sheet).toContain('SHARED-WITH-MUM');
  expect(sheet).not.toContain('KEPT-PRIVATE');
  expect(sheet).not.toContain('MORE-WORDS');
  expect(sheet).toContain('Mia');
  expect(sheet).toContain('Page 1 of 1');
  expect(sheet.replace(/\s+/g, ' ')).toMatch(/Made with Hear Me \d+\.\d+\.\d+/);
  for (const house of ['House of Worries', 'House of Good Things', 'House of Dreams']) expect(sheet).toContain(house);
  // Landscape: wider than high.
  const pdf = fs.readFileSync(test.info().outputPath('poster.pdf'), 'latin1');
  const [, width, height] = pdf.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
  expect(Number(width)).toBeGreaterThan(Number(height));

  // Both are noted among what left the tablet.
  const log = page.getByRole('region', { name: 'What left the tablet' }).or(page.locator('section.exports'));
  await expect(log.getByRole('listitem')).toHaveCount(2);
  await expect(log).toContainText('hear-me-poster-Mia');

  // The leaflet for the parents, with the worker's name; it holds nothing of the child's.
  await button(page, 'Leaflet for parents').click();
  const leaflet = await downloadWith(page, 'Download summary');
  expect(leaflet.html).toContain('<html lang="en" dir="ltr">');
  expect(leaflet.html).toContain('conversation with Sam Kaya');
  expect(leaflet.html).not.toContain('SHARED-WITH-MUM');
  expect(leaflet.html).toMatch(/src="data:image\/svg\+xml;base64,/);
  await expect(log.getByRole('listitem')).toHaveCount(2);
});
