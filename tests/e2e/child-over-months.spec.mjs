// End-to-end: the child is the unit (issue 25). The start screen lists children, a child's
// page lists their visits, a new visit carries over what is the child's, and joining,
// moving and deleting are asked first and kept in the child's history, through a reload.
import { everythingStored, isSealed, openSealed, storedSessions, vaultKeyFor, VAULT_KEY } from './helpers.mjs';
import {
  test,
  expect,
  button,
  heading,
  sessionItems,
  restoreTwoChildren,
  startSession,
  backToAllSessions,
  addWords,
  reloadAndUnlock,
} from './flows.mjs';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Today as the app writes a day in English ("7 December 2026"). */
function today() {
  const now = new Date();
  return `${now.getDate()} ${MONTHS[now.getMonth()]} ${now.getFullYear()}`;
}

/** The child records as stored: sealed, each under its own key, opened here in Node. */
async function storedChildren(page) {
  const stored = await everythingStored(page);
  const key = await vaultKeyFor(stored[VAULT_KEY]);
  return Object.keys(stored)
    .filter((k) => k.startsWith('hear-me/child/'))
    .map((k) => {
      expect(isSealed(stored[k]), `${k} is sealed`).toBe(true);
      return JSON.parse(openSealed(key, k, stored[k])).child;
    });
}

const childRow = (page, name) => sessionItems(page).filter({ has: page.getByRole('strong').or(page.locator('strong')).filter({ hasText: new RegExp(`^${name}$`) }) });
const visitsList = (page) => page.getByRole('list', { name: 'Visits' });
const visitItems = (page) => visitsList(page).getByRole('listitem');
const history = (page) => page.getByRole('region', { name: "This child's record" });

async function openChild(page, name) {
  await button(page, `${name}: all visits`).click();
  await expect(heading(page, name)).toBeVisible();
}

test('two children over months: their visits, a new visit that carries over, join, move and delete', async ({ page }) => {
  await restoreTwoChildren(page);

  // The start screen lists the two children, the one seen most recently first.
  await expect(sessionItems(page)).toHaveCount(2);
  await expect(sessionItems(page).nth(0)).toContainText('Mia');
  await expect(sessionItems(page).nth(0)).toContainText('Last visit: 1 September 2026');
  await expect(sessionItems(page).nth(0)).toContainText('Visits: 3');
  await expect(sessionItems(page).nth(0)).toContainText('A visit is not finished');
  await expect(sessionItems(page).nth(1)).toContainText('Jonas');
  await expect(sessionItems(page).nth(1)).toContainText('Last visit: 20 June 2026');
  // The backup made them: their records are stored, sealed, one per child.
  await expect.poll(async () => (await storedChildren(page)).map((c) => c.id).sort()).toEqual(['c-jonas', 'c-mia']);

  // Mia's page: her three visits, newest first.
  await openChild(page, 'Mia');
  await expect(visitItems(page)).toHaveCount(3);
  await expect(visitItems(page).nth(0)).toContainText('1 September 2026');
  await expect(visitItems(page).nth(0)).toContainText('Not finished');
  await expect(visitItems(page).nth(1)).toContainText('12 May 2026');
  await expect(visitItems(page).nth(1)).toContainText('Finished');
  await expect(visitItems(page).nth(2)).toContainText('3 March 2026');
  await expect(history(page)).toContainText('made from the visit of 1 September 2026');

  // A new visit carries over her dragon and her name for the House of Dreams, nothing else.
  await button(page, 'New visit').click();
  await expect(heading(page, 'Session with Mia')).toBeVisible();
  await button(page, 'Three Houses').click();
  await expect(heading(page, 'The Three Houses')).toBeVisible();
  await expect(page.getByText('Wish castle')).toBeVisible();
  await expect.poll(async () => {
    const mias = (await storedSessions(page)).filter((r) => r.session.child_id === 'c-mia');
    return mias.length;
  }).toBe(4);
  const newest = (await storedSessions(page))
    .filter((r) => r.session.child_id === 'c-mia')
    .sort((a, b) => b.session.created_at - a.session.created_at)[0].session;
  expect(newest.helper.kind).toBe('dragon');
  expect(newest.questions.dreams.own_names.three_houses).toBe('Wish castle');
  for (const question of ['worries', 'good_things', 'dreams']) expect(newest.questions[question].entries).toEqual([]);
  expect(newest.finished_at).toBeUndefined();

  // From the visit, her page is one tap away; from her page, her visits over time.
  await button(page, 'Back to the session').click();
  await button(page, 'Mia: all visits').click();
  await expect(heading(page, 'Mia')).toBeVisible();
  await expect(visitItems(page)).toHaveCount(4);
  await button(page, 'Over time').click();
  await expect(heading(page, 'Mia over time')).toBeVisible();
  await expect(page.getByRole('table').getByRole('columnheader')).toHaveCount(5);
  await button(page, 'Back to the session').click();

  // A second "Mia" made by mistake: two children until the worker joins them.
  await backToAllSessions(page);
  await startSession(page, { name: 'Mia S.', age: 8 });
  await backToAllSessions(page);
  await expect(sessionItems(page)).toHaveCount(3);
  await openChild(page, 'Mia');
  await button(page, 'Join with another child…').click();
  await page.getByLabel('Which child is the same child as Mia?').selectOption({ label: 'Mia S.' });
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  let dialog = page.getByRole('dialog', { name: 'Join Mia S. with Mia?' });
  await expect(dialog).toContainText('Mia (visits: 4) and Mia S. (visits: 1) are the same child');
  // Keep: nothing changes.
  await dialog.getByRole('button', { name: 'Keep', exact: true }).click();
  await expect(visitItems(page)).toHaveCount(4);
  await button(page, 'Join with another child…').click();
  await page.getByLabel('Which child is the same child as Mia?').selectOption({ label: 'Mia S.' });
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await page.getByRole('dialog', { name: 'Join Mia S. with Mia?' }).getByRole('button', { name: 'Join', exact: true }).click();
  await expect(visitItems(page)).toHaveCount(5);
  await expect(history(page)).toContainText('joined with Mia S. (visits: 1)');

  // Move today's visit of "Mia S." to Jonas, after the question.
  await button(page, `Move the visit of ${today()} to another child`).first().click();
  await page.getByLabel('To which child?').selectOption({ label: 'Jonas' });
  await page.getByRole('button', { name: 'Move', exact: true }).click();
  dialog = page.getByRole('dialog', { name: `Move the visit of ${today()} to Jonas?` });
  await dialog.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(visitItems(page)).toHaveCount(4);
  await expect(history(page)).toContainText(`went to Jonas`);

  await button(page, 'All children').click();
  await expect(sessionItems(page)).toHaveCount(2);
  await expect(childRow(page, 'Mia S.')).toHaveCount(0);
  await openChild(page, 'Jonas');
  await expect(visitItems(page)).toHaveCount(3);
  await expect(history(page)).toContainText('came from Mia');

  // Delete Jonas: the question names his visits and the last one; then every record goes.
  await button(page, 'Delete this child').click();
  dialog = page.getByRole('dialog', { name: 'Delete Jonas and every visit?' });
  await expect(dialog).toContainText(`Visits: 3, the last on ${today()}`);
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(sessionItems(page)).toHaveCount(1);
  await expect(sessionItems(page).nth(0)).toContainText('Mia');
  const nothingOfJonas = async () => {
    expect((await storedChildren(page)).map((c) => c.id)).toEqual(['c-mia']);
    const left = await storedSessions(page);
    expect(left).toHaveLength(4);
    expect(left.every((r) => r.session.child_id === 'c-mia')).toBe(true);
  };
  await expect(nothingOfJonas).toPass();

  // A reload and unlock keeps it all.
  await reloadAndUnlock(page);
  await expect(sessionItems(page)).toHaveCount(1);
  await expect(sessionItems(page).nth(0)).toContainText('Visits: 4');
  await openChild(page, 'Mia');
  await expect(visitItems(page)).toHaveCount(4);
  await expect(history(page)).toContainText('joined with Mia S. (visits: 1)');
  // Jonas and the visit that went to him are deleted since: the line keeps no name of his.
  await expect(history(page)).toContainText('the visit of — went to an unknown child');
  await nothingOfJonas();
});

test('a visit saves only its own record, not the other visits of the child', async ({ page }) => {
  await restoreTwoChildren(page);
  await expect.poll(async () => (await storedChildren(page)).length).toBe(2);
  const before = await everythingStored(page);
  const september = (await storedSessions(page)).find((r) => r.session.date === '2026-09-01').session.id;
  await openChild(page, 'Mia');
  await button(page, 'Open the visit of 1 September 2026').click();
  await expect(heading(page, 'Session with Mia')).toBeVisible();
  await button(page, 'Three Houses').click();
  await page.getByRole('button', { name: /House of Worries/ }).first().click();
  await addWords(page, 'Lunchtimes are still hard');
  const changed = async () => {
    const after = await everythingStored(page);
    return Object.keys(after).filter((k) => k !== 'hear-me/device' && after[k] !== before[k]).sort();
  };
  // The visit's own record and the index (which keeps each record's revision); no other
  // visit of Mia's, and no child record, is sealed again.
  await expect.poll(changed).toEqual(['hear-me/index', `hear-me/session/${september}`]);

  // Renaming the child writes the child's record, and no visit.
  await button(page, 'Back to the houses').click();
  await button(page, 'Back to the session').click();
  await backToAllSessions(page);
  const beforeRename = await everythingStored(page);
  await openChild(page, 'Mia');
  await button(page, 'Rename').click();
  await page.getByLabel('First name or alias').fill('Mia B.');
  await button(page, 'Use this name').click();
  await expect(heading(page, 'Mia B.')).toBeVisible();
  await expect(history(page)).toContainText('renamed from Mia to Mia B.');
  await expect.poll(async () => {
    const after = await everythingStored(page);
    return Object.keys(after).filter((k) => k !== 'hear-me/device' && after[k] !== beforeRename[k]).sort();
  }).toEqual(['hear-me/child/c-mia']);
});
