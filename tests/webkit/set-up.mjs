// Set-up and unlock: the passphrase and worker PIN are chosen, a session is sealed as bytes in
// IndexedDB with nothing readable, Settings cope without navigator.storage.estimate (WebKit
// has none), "Open tools in child mode" is on and can be turned off, and a reload locks;
// unlocking opens the session again.
import { check, PASSPHRASE, PIN } from './browser.mjs';

export default async function setUp(browser, { appUrl }) {
  await browser.load(appUrl);
  await browser.waitForText("Keep this tablet's sessions safe");
  await browser.fill('Passphrase', PASSPHRASE);
  await browser.fill('The passphrase again', PASSPHRASE);
  await browser.fill('Worker PIN', PIN);
  await browser.fill('The PIN again', PIN);
  await browser.click('Protect and start');
  await browser.waitForText('A new child');
  check(true, 'set-up with a passphrase and a worker PIN opens the app');

  await browser.fill("Child's first name or alias", 'Mia');
  await browser.fill('Age (optional)', '7');
  await browser.click('Start session');
  await browser.waitForText('Session with Mia');

  // Sealed bytes in IndexedDB, nothing readable.
  const { records } = await browser.until(async () => {
    const stored = await browser.stored();
    const keys = Object.keys(stored.records);
    return keys.includes('hear-me/index') && keys.some((key) => key.startsWith('hear-me/session/')) ? stored : null;
  }, 'the session and the index being stored in IndexedDB');
  const bytes = Object.fromEntries(
    Object.entries(records).map(([key, value]) => [key, value.bytes === undefined ? null : Buffer.from(value.bytes, 'base64')]),
  );
  const sealed = (key) => bytes[key] !== null && bytes[key].subarray(0, 4).toString('latin1') === 'hm1.';
  check(Object.keys(bytes).filter((key) => key.startsWith('hear-me/session/')).every(sealed), 'the session is sealed bytes in IndexedDB');
  check(sealed('hear-me/index'), 'the index is sealed bytes in IndexedDB');
  const readable = Object.entries(bytes).filter(([, value]) => value === null || value.toString('utf8').includes('Mia'));
  check(readable.length === 0, "the child's name is not readable in IndexedDB", readable.map(([key]) => key).join(', '));
  check((await browser.session('Mia'))?.session?.child?.age === 7, 'the sealed session opens with the passphrase, outside the browser');

  // Settings without navigator.storage.estimate or persist.
  await browser.click('All children');
  await browser.waitForText('Children on this tablet');
  await browser.click('Settings');
  await browser.waitForText('Storage on this tablet');
  const settings = await browser.text();
  const hasEstimate = await browser.inPage('return Boolean(navigator.storage && navigator.storage.estimate);');
  if (hasEstimate) console.log('note: this WebKit has navigator.storage.estimate; the no-quota wording is not checked');
  else check(settings.includes('This browser does not say how much room it gives.'), 'Settings say the browser does not tell its quota');
  check(/Hear Me uses [\d.,]+ [KMG]?B/.test(settings), 'Settings say how much Hear Me uses');
  // "Open tools in child mode" comes on; these flows work as a worker who turned it off, and
  // child-mode.mjs hands the tablet over with "Give to the child" (as the Playwright specs do).
  const toolsInChildMode = await browser.field('Open tools in child mode');
  check(await toolsInChildMode.isSelected(), '"Open tools in child mode" is on as the app comes');
  await toolsInChildMode.click();
  await browser.until(async () => !(await toolsInChildMode.isSelected()), '"Open tools in child mode" turning off');

  // A reload locks; unlocking opens the session again from IndexedDB.
  await browser.reloadAndUnlock();
  check(true, 'a reload locks the app, and the passphrase unlocks it');
  if (!(await browser.text()).includes('Children on this tablet')) await browser.click('All children');
  await browser.waitForText('Children on this tablet');
  const list = await browser.find("//ul[@aria-labelledby='children-heading']", 'the list of children');
  check((await list.getText()).includes('Mia'), 'after a reload and unlock the session is there');
}
