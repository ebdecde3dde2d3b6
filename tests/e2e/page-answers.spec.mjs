// End-to-end: the page never waits for Argon2id (issue 24). Every key (set-up, unlock, a
// backup made or restored) is derived in the app's Web Worker, so the page keeps answering:
// a 20 ms timer on the page is never held up for long, and Lock answers while a backup's key
// is being made, which then makes no file.
import fs from 'node:fs';
import { PASSPHRASE, storedSessionEntries } from './helpers.mjs';
import {
  test, expect, button, heading, appBar, lockedHeading, passphraseField, setUpVault, unlock,
  startSession, backToAllSessions, givePassphraseWhenAsked,
} from './flows.mjs';

// The longest the page may be held up while a key is derived and used. Argon2id on the page
// takes a second or more on a tablet (170 to 320 ms on a fast test machine, 500 ms at set-up);
// with the worker the longest pause measured is 26 to 135 ms (what follows the key: opening
// the sessions, painting), and the rest of this limit is room for a busy test machine. That
// the key was really made in the worker is checked apart (the worker started, no key was
// made on the page).
const LONGEST_GAP_MS = 200;
const BACKUP_PASSPHRASE = 'the backup passphrase for tests';
// A backup of 50 typical sessions (three houses, two drawings each of recorded strokes,
// eight entries of words), written by
// `cargo run --release --example backup_speed -- --write tests/fixtures/fifty-sessions.hearme`.
const FIFTY = new URL('../fixtures/fifty-sessions.hearme', import.meta.url).pathname;
const FIFTY_PASSPHRASE = 'a bench backup passphrase';
// The longest task the page may run while restoring those 50 sessions. In one task (open,
// decode, merge, seal and paint all at once) it took 180 to 270 ms on the test machine (0.65
// to 1.5 s elsewhere); with the seal opened in the worker and the sessions decoded and added
// a few at a time, the longest measured is 50 to 75 ms (the Long Tasks API reports every task
// over 50 ms), and the rest is room for a busy test machine.
const LONGEST_RESTORE_TASK_MS = 150;

/** Starts a 20 ms timer on the page that notes the longest time between two of its ticks. */
async function watchThePage(page) {
  await page.evaluate(() => {
    const watch = { longest: 0, last: performance.now() };
    watch.timer = setInterval(() => {
      const now = performance.now();
      watch.longest = Math.max(watch.longest, now - watch.last);
      watch.last = now;
    }, 20);
    window.__pageWatch = watch;
  });
}

/** Stops the timer; the longest time the page did not answer, in milliseconds. */
async function longestGap(page) {
  return page.evaluate(() => {
    const watch = window.__pageWatch;
    clearInterval(watch.timer);
    return Math.max(watch.longest, performance.now() - watch.last);
  });
}

/** Notes whether the app ever had to make a key on the page (no worker), and which workers it started. */
function watchForPageKeys(page) {
  const seen = { onThePage: [], workers: [] };
  page.on('console', (message) => {
    if (/no Web Worker here/.test(message.text())) seen.onThePage.push(message.text());
  });
  page.on('worker', (worker) => seen.workers.push(new URL(worker.url()).pathname));
  return seen;
}

async function openSettings(page) {
  // After an unlock the app reopens where it was left, maybe in Settings already.
  if (await heading(page, 'Settings').isVisible()) return;
  await button(page, 'Settings').click();
  await expect(heading(page, 'Settings')).toBeVisible();
}

const backupForm = (page) => page.locator('form').filter({ has: page.getByLabel('The backup passphrase again') });

test('set-up and unlock derive the key in the worker: the page keeps answering', async ({ page }) => {
  const seen = watchForPageKeys(page);
  await page.goto('/');
  await watchThePage(page);
  await setUpVault(page);
  const setUpGap = await longestGap(page);

  await button(page, 'Lock').click();
  await expect(lockedHeading(page)).toBeVisible();
  await passphraseField(page).fill(PASSPHRASE);
  await watchThePage(page);
  await page.getByRole('button', { name: 'Unlock' }).click();
  // While the key is made, the screen says so.
  await expect(page.getByRole('button', { name: 'Unlocking…' })).toBeDisabled();
  await expect(appBar(page)).toBeVisible({ timeout: 15_000 });
  const unlockGap = await longestGap(page);
  console.log(`longest gap on the page: set-up ${setUpGap.toFixed(0)} ms, unlock ${unlockGap.toFixed(0)} ms`);
  expect(unlockGap).toBeLessThan(LONGEST_GAP_MS);

  // A wrong passphrase is refused as before, after its key was made in the worker.
  await button(page, 'Lock').click();
  await passphraseField(page).fill('not the passphrase at all');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toBeVisible({ timeout: 15_000 });
  await unlock(page);
  expect(seen.onThePage, 'every key was made in the worker').toEqual([]);
  expect(seen.workers, 'one worker, started at the first key').toEqual(['/hear-me-worker_loader.js']);
});

test('Lock answers while a backup key is made, and the backup is then not made', async ({ page }) => {
  // The worker's answers reach the page 3 s late once asked, so the lock surely comes while
  // the backup's key is still being made, however fast this machine makes it.
  await page.addInitScript(() => {
    window.__answerDelayMs = 0;
    const Real = window.Worker;
    window.Worker = class extends Real {
      set onmessage(handler) {
        super.onmessage = handler && ((event) => setTimeout(() => handler(event), window.__answerDelayMs));
      }
      get onmessage() {
        return super.onmessage;
      }
    };
  });
  await page.goto('/');
  await setUpVault(page);
  await startSession(page, { name: 'Mia', age: '7' });
  await backToAllSessions(page);
  await openSettings(page);
  const form = backupForm(page);
  await form.getByLabel('Backup passphrase', { exact: true }).fill(BACKUP_PASSPHRASE);
  await form.getByLabel('The backup passphrase again').fill(BACKUP_PASSPHRASE);
  const downloads = [];
  page.on('download', (download) => downloads.push(download.suggestedFilename()));
  await page.evaluate(() => { window.__answerDelayMs = 3000; });
  await form.getByRole('button', { name: 'Make a backup' }).click();
  await givePassphraseWhenAsked(page);
  await expect(form.getByRole('button', { name: 'Making the backup…' })).toBeDisabled();
  const asked = Date.now();
  await button(page, 'Lock').click();
  await expect(lockedHeading(page)).toBeVisible();
  const answeredIn = Date.now() - asked;
  console.log(`Lock answered ${answeredIn} ms after it was pressed, while the key was made`);
  expect(answeredIn).toBeLessThan(1000);
  // The key's answer arrives locked: it is dropped, no file leaves the tablet.
  await page.waitForTimeout(4000);
  expect(downloads).toEqual([]);
  await unlock(page);
  await openSettings(page);
  await expect(page.getByText('No backup has been made on this tablet yet.')).toBeVisible();
});

test('restoring a backup derives its key in the worker: the page keeps answering', async ({ page }, info) => {
  const seen = watchForPageKeys(page);
  await page.goto('/');
  await setUpVault(page);
  await startSession(page, { name: 'Mia', age: '7' });
  await backToAllSessions(page);
  await openSettings(page);
  const form = backupForm(page);
  await form.getByLabel('Backup passphrase', { exact: true }).fill(BACKUP_PASSPHRASE);
  await form.getByLabel('The backup passphrase again').fill(BACKUP_PASSPHRASE);
  await watchThePage(page);
  const downloading = page.waitForEvent('download');
  await form.getByRole('button', { name: 'Make a backup' }).click();
  await givePassphraseWhenAsked(page);
  const download = await downloading;
  const makeGap = await longestGap(page);
  const folder = info.outputPath('backup');
  fs.mkdirSync(folder, { recursive: true });
  const file = `${folder}/${download.suggestedFilename()}`;
  await download.saveAs(file);

  const restoring = page.locator('form').filter({ has: page.getByLabel('Backup file') });
  await restoring.getByLabel('Backup file').setInputFiles(file);
  await restoring.getByLabel('Backup passphrase').fill(BACKUP_PASSPHRASE);
  await watchThePage(page);
  await restoring.getByRole('button', { name: 'Restore' }).click();
  await expect(restoring.getByRole('status')).toBeVisible({ timeout: 15_000 });
  const restoreGap = await longestGap(page);
  console.log(`longest gap on the page: making a backup ${makeGap.toFixed(0)} ms, restoring it ${restoreGap.toFixed(0)} ms`);
  // Making a backup ends with the download, which the test browser holds up at times: its
  // pause is reported, not judged; Lock answering meanwhile is the test above.
  expect(restoreGap).toBeLessThan(LONGEST_GAP_MS);
  // The same session is on the tablet already: skipped, nothing overwritten.
  await expect(restoring.getByRole('status')).toContainText('Already here and the same, so skipped: 1');
  expect(seen.onThePage, 'every key was made in the worker').toEqual([]);
});

/** Starts noting the page's long tasks (over 50 ms, the Long Tasks API). */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    const watch = { tasks: [] };
    watch.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) watch.tasks.push(entry.duration);
    });
    watch.observer.observe({ type: 'longtask' });
    window.__longTasks = watch;
  });
}

/** Stops; the longest task since the start, in milliseconds (0 if none was over 50 ms). */
async function longestTask(page) {
  return page.evaluate(async () => {
    // A long task is reported after it ends.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const watch = window.__longTasks;
    watch.observer.disconnect();
    return Math.max(0, ...watch.tasks);
  });
}

test('restoring 50 sessions never holds the page up: a few sessions at a time', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await setUpVault(page);
  await openSettings(page);
  const restoring = page.locator('form').filter({ has: page.getByLabel('Backup file') });
  await restoring.getByLabel('Backup file').setInputFiles(FIFTY);
  await restoring.getByLabel('Backup passphrase').fill(FIFTY_PASSPHRASE);
  await watchLongTasks(page);
  await restoring.getByRole('button', { name: 'Restore' }).click();
  await expect(restoring.getByRole('status')).toBeVisible({ timeout: 60_000 });
  const longest = await longestTask(page);
  console.log(`longest task on the page while restoring 50 sessions: ${longest.toFixed(0)} ms`);
  expect(longest).toBeLessThan(LONGEST_RESTORE_TASK_MS);
  // Every session came in, each marked as restored, and each was written.
  await expect(restoring.getByRole('status')).toContainText('Added: 50');
  await expect.poll(async () => (await storedSessionEntries(page)).length, { timeout: 15_000 }).toBe(50);
  await backToAllSessions(page);
  // Sessions from before children: each its own child, each visit marked as restored.
  await expect(page.getByRole('list', { name: 'Children on this tablet' }).getByRole('listitem')).toHaveCount(50);
  expect((await storedSessionEntries(page)).every((e) => e.record.session.restores?.length === 1)).toBe(true);
});

test('a lock in the middle of a restore adds no more; each session added is whole, and restoring again adds the rest', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await setUpVault(page);
  await openSettings(page);
  const restoring = page.locator('form').filter({ has: page.getByLabel('Backup file') });
  await restoring.getByLabel('Backup file').setInputFiles(FIFTY);
  await restoring.getByLabel('Backup passphrase').fill(FIFTY_PASSPHRASE);
  // Lock is pressed in the page itself as soon as five sessions are on the list of the
  // backup form, while the restore is adding them.
  await page.evaluate(() => {
    const list = document.querySelector('.backup-sessions');
    const observer = new MutationObserver(() => {
      if (list.querySelectorAll('input[type=checkbox]').length >= 5) {
        observer.disconnect();
        [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Lock').click();
      }
    });
    observer.observe(list, { childList: true, subtree: true });
  });
  await restoring.getByRole('button', { name: 'Restore' }).click();
  await expect(lockedHeading(page)).toBeVisible({ timeout: 60_000 });
  // What was added before the lock is sealed and stored, each session whole; the rest is not.
  await page.waitForTimeout(1000);
  const added = (await storedSessionEntries(page)).length;
  console.log(`sessions added before the lock: ${added}`);
  expect(added).toBeGreaterThanOrEqual(5);
  expect(added).toBeLessThan(50);

  await unlock(page);
  await openSettings(page);
  const again = page.locator('form').filter({ has: page.getByLabel('Backup file') });
  await again.getByLabel('Backup file').setInputFiles(FIFTY);
  await again.getByLabel('Backup passphrase').fill(FIFTY_PASSPHRASE);
  await again.getByRole('button', { name: 'Restore' }).click();
  await expect(again.getByRole('status')).toContainText(`Added: ${50 - added}`, { timeout: 60_000 });
  await expect(again.getByRole('status')).toContainText(`Already here and the same, so skipped: ${added}`);
  await expect.poll(async () => (await storedSessionEntries(page)).length, { timeout: 15_000 }).toBe(50);
});
