// The page's longest task while a key is derived (issue 24): during unlock, during the
// restore of a backup of 50 typical sessions, and while making a backup of them. Numbers,
// not assertions (the assertions are in tests/e2e/page-answers.spec.mjs).
//
//   cargo run --release --example backup_speed -- --write /tmp/fifty.hearme
//   node tests/bench/main-thread.mjs [dist] [/tmp/fifty.hearme]
//
// (tests/fixtures/fifty-sessions.hearme is such a backup.)
//
// Measured in headless Chromium with the Long Tasks API (every task over 50 ms) and a 20 ms
// timer on the page (the longest time between two of its ticks). Give another build's folder
// (e.g. one made before the Web Worker) to compare.
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

const DIST = process.argv[2] ?? 'dist';
const BACKUP = process.argv[3] ?? '/tmp/fifty.hearme';
const PORT = Number(process.env.HEAR_ME_BENCH_PORT ?? 4177);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const PASSPHRASE = 'a safe passphrase for tests';
const BACKUP_PASSPHRASE = 'a bench backup passphrase';

/** Starts noting long tasks and the page's longest pause (runs in the page). */
function startWatching() {
  const watch = { tasks: [], longestGap: 0, last: performance.now() };
  watch.observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) watch.tasks.push(entry.duration);
  });
  watch.observer.observe({ type: 'longtask' });
  watch.timer = setInterval(() => {
    const now = performance.now();
    watch.longestGap = Math.max(watch.longestGap, now - watch.last);
    watch.last = now;
  }, 20);
  window.__watch = watch;
}

/** Stops; the longest task and the longest pause, in ms (runs in the page). */
async function stopWatching() {
  // Long tasks are reported after they end: give the observer a moment.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const watch = window.__watch;
  clearInterval(watch.timer);
  watch.observer.disconnect();
  return { longestTask: Math.max(0, ...watch.tasks), tasks: watch.tasks.length, longestGap: watch.longestGap };
}

const show = (what, m) =>
  console.log(`${what.padEnd(34)} longest task ${m.longestTask.toFixed(0).padStart(5)} ms (${m.tasks} over 50 ms), longest pause of a 20 ms timer ${m.longestGap.toFixed(0).padStart(5)} ms`);

const server = spawn('node', ['tests/e2e/serve.mjs', DIST, String(PORT)], { stdio: 'ignore' });
try {
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(ORIGIN);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 }, hasTouch: true, baseURL: ORIGIN });
  console.log(`Hear Me main-thread bench, ${new Date().toISOString()}, headless Chromium, ${DIST}`);
  await page.goto('/');
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('The passphrase again', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Worker PIN', { exact: true }).fill('2468');
  await page.getByLabel('The PIN again', { exact: true }).fill('2468');
  await page.evaluate(startWatching);
  await page.getByRole('button', { name: 'Protect and start' }).click();
  const bar = page.getByRole('navigation', { name: 'Hear Me' });
  await bar.waitFor({ timeout: 60_000 });
  show('set-up', await page.evaluate(stopWatching));

  for (let round = 1; round <= 3; round++) {
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.getByLabel(/^Passphrase$/).fill(PASSPHRASE);
    await page.evaluate(startWatching);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await bar.waitFor({ timeout: 60_000 });
    show(`unlock (${round})`, await page.evaluate(stopWatching));
  }

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const form = page.locator('form').filter({ has: page.getByLabel('Backup file') });
  await form.getByLabel('Backup file').setInputFiles(BACKUP);
  await form.getByLabel('Backup passphrase').fill(BACKUP_PASSPHRASE);
  await page.evaluate(startWatching);
  await form.getByRole('button', { name: 'Restore' }).click();
  await form.getByRole('status').waitFor({ timeout: 120_000 });
  show('restore of 50 sessions', await page.evaluate(stopWatching));
  console.log(`  ${(await form.getByRole('status').innerText()).split('\n').slice(0, 2).join(' / ')}`);

  // A backup of the 50 sessions now on the tablet: the key in the worker, then the sessions
  // encoded and sealed on the page.
  const making = page.locator('form').filter({ has: page.getByLabel('The backup passphrase again') });
  await making.getByLabel('Backup passphrase', { exact: true }).fill(BACKUP_PASSPHRASE);
  await making.getByLabel('The backup passphrase again').fill(BACKUP_PASSPHRASE);
  await page.evaluate(startWatching);
  await Promise.all([page.waitForEvent('download'), making.getByRole('button', { name: 'Make a backup' }).click()]);
  show('backup of 50 sessions', await page.evaluate(stopWatching));
  await browser.close();
} finally {
  server.kill();
}
