// End-to-end contract for a shared tablet: encrypted at rest, locked when idle, a child who
// cannot leave their own tool, quick hide, wipe, migration of old plain records, and a strict
// Content-Security-Policy. Stored data is opened in Node with Node's own AES-256-GCM and an
// independent Argon2id (hash-wasm), so the tests also show the format is standard.
import fs from 'node:fs';
import {
  storedSessionEntries,
  vaultKeyFor,
  openSealed,
  everythingStored,
  storedVault,
  PASSPHRASE,
  PIN,
  VAULT_KEY,
} from './helpers.mjs';
import {
  test,
  expect,
  button,
  heading,
  startSession,
  addWords,
  backToAllSessions,
  openApp,
  setUpVault,
  unlock,
  appBar,
  lockedHeading,
  setUpHeading,
  passphraseField,
  entriesList,
  openSessionFolds,
  givePassphraseWhenAsked,
} from './flows.mjs';


async function openHouse(page, name) {
  await button(page, 'Three Houses').click();
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
}

test('s) set up once: the passphrase rules, then nothing the child said or is called is stored readable', async ({ page }) => {
  await page.goto('/');
  await expect(setUpHeading(page)).toBeVisible();
  await expect(page.getByText(/cannot be recovered/)).toBeVisible();
  await page.getByText('How Hear Me keeps data safe').click();
  await expect(page.getByText(/AES-256-GCM/)).toBeVisible();

  const fill = async (passphrase, again, pin, pinAgain) => {
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('The passphrase again', { exact: true }).fill(again);
    await page.getByLabel('Worker PIN', { exact: true }).fill(pin);
    await page.getByLabel('The PIN again', { exact: true }).fill(pinAgain);
    await button(page, 'Protect and start').click();
  };
  await fill('short', 'short', PIN, PIN);
  await expect(page.getByRole('alert')).toHaveText('The passphrase needs at least 8 characters.');
  await fill(PASSPHRASE, `${PASSPHRASE}!`, PIN, PIN);
  await expect(page.getByRole('alert')).toHaveText('The two passphrases are not the same.');
  await fill(PASSPHRASE, PASSPHRASE, '12ab', '12ab');
  await expect(page.getByRole('alert')).toHaveText('The PIN needs 4 to 8 digits, and only digits.');
  expect(Object.keys(await everythingStored(page))).not.toContain(VAULT_KEY);
  await fill(PASSPHRASE, PASSPHRASE, PIN, PIN);
  await expect(appBar(page)).toBeVisible({ timeout: 15_000 });

  await startSession(page, { name: 'Zephyrine', age: 6, worker: 'Sam' });
  await openHouse(page, 'House of Worries');
  await addWords(page, 'Marmaladequest under the bed');
  // Stored (sealed), so what is checked below is the record with the words in it.
  await expect.poll(async () => JSON.stringify(await storedSessionEntries(page))).toContain('Marmaladequest');

  const stored = await everythingStored(page);
  const all = JSON.stringify(stored);
  // The device record may name the screen (a question's slug), never the child's data.
  for (const secret of ['Zephyrine', 'Marmaladequest', 'under the bed', 'child_said', 'own_names', 'created_at']) {
    expect(all, `"${secret}" must not be readable in localStorage`).not.toContain(secret);
  }
  for (const [key, value] of Object.entries(stored)) {
    if (key.startsWith('hear-me/session/') || key === 'hear-me/index') expect(value).toMatch(/^hm1\./);
  }
  // The key's parameters are stored with the data, at least OWASP's minimum for Argon2id.
  const { kdf } = await storedVault(page);
  expect(kdf.algorithm).toBe('argon2id');
  expect(kdf.memory_kib).toBeGreaterThanOrEqual(19 * 1024);
  expect(kdf.iterations).toBeGreaterThanOrEqual(2);
  expect(Buffer.from(kdf.salt, 'base64')).toHaveLength(16);
  expect(JSON.stringify(await storedVault(page))).not.toContain(PASSPHRASE);
  expect(JSON.stringify(await storedVault(page))).not.toContain(PIN);

  // Opened with the passphrase, the words are there exactly; a fresh nonce for every write.
  const sessionKey = Object.keys(stored).find((key) => key.startsWith('hear-me/session/'));
  const opened = (await storedSessionEntries(page)).find((entry) => entry.key === sessionKey);
  expect(opened.record.session.questions.worries.entries[0].text).toBe('Marmaladequest under the bed');
  await addWords(page, 'A second worry');
  const again = (await everythingStored(page))[sessionKey];
  const nonce = (sealed) => Buffer.from(sealed.slice(4), 'base64').subarray(0, 12).toString('hex');
  expect(nonce(again)).not.toBe(nonce(stored[sessionKey]));
  // A wrong passphrase's key opens nothing.
  const wrongKey = await vaultKeyFor(stored[VAULT_KEY], 'not the passphrase');
  expect(() => openSealed(wrongKey, sessionKey, again)).toThrow();
});

test('t) lock: nothing decrypted stays in the page; a wrong passphrase is refused, with a growing wait', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Quintessa', age: 9 });
  await openHouse(page, 'House of Dreams');
  await addWords(page, 'Snowglobewish');
  // Words still being typed when the worker locks are saved first.
  await button(page, 'Write words').click();
  await page.getByRole('textbox', { name: /The child.s words/ }).fill('Halfwaytyped');

  await button(page, 'Lock').click();
  await expect(lockedHeading(page)).toBeVisible();
  const html = await page.content();
  for (const secret of ['Snowglobewish', 'Halfwaytyped', 'Quintessa']) expect(html).not.toContain(secret);

  for (const wrong of ['wrong guess one', 'wrong guess two']) {
    await passphraseField(page).fill(wrong);
    await button(page, 'Unlock').click();
    await expect(page.getByRole('alert')).toHaveText('That passphrase is not right. Please try again.');
  }
  await passphraseField(page).fill('wrong guess three');
  await button(page, 'Unlock').click();
  await expect(page.getByRole('alert')).toContainText('Too many wrong tries. Please wait');
  await expect(button(page, 'Unlock')).toBeDisabled();
  expect((await storedVault(page)).failed_unlocks).toBe(3);
  // The wait is over after two seconds; the right passphrase opens everything again.
  await expect(button(page, 'Unlock')).toBeEnabled({ timeout: 5_000 });
  await passphraseField(page).fill(PASSPHRASE);
  await button(page, 'Unlock').click();
  await expect(appBar(page)).toBeVisible({ timeout: 15_000 });
  // Back where the worker was, with the words typed before the lock.
  await expect(page.getByRole('textbox', { name: /The child.s words/ })).toHaveValue('Halfwaytyped');
  await button(page, 'Done').click();
  await expect(page.getByText('Snowglobewish', { exact: true })).toBeVisible();
  await expect(page.getByText('Halfwaytyped', { exact: true })).toBeVisible();
  expect((await storedVault(page)).failed_unlocks).toBe(0);
});

test('u) the app locks itself after the chosen idle time, and after being put away that long', async ({ page }) => {
  await page.clock.install();
  await openApp(page);
  await startSession(page, { name: 'Idris', age: 10 });
  await backToAllSessions(page);
  await button(page, 'Settings').click();
  await page.getByRole('combobox', { name: 'Lock by itself after' }).selectOption({ label: '1 min' });
  await expect.poll(async () => (await storedVault(page)).auto_lock_minutes).toBe(1);

  await page.clock.fastForward('00:50');
  await expect(appBar(page)).toBeVisible();
  await page.clock.fastForward('00:20');
  await expect(lockedHeading(page)).toBeVisible();
  await unlock(page);

  // Put away: hidden for longer than the auto-lock time, then shown again.
  const setVisibility = (state) =>
    page.evaluate((visibility) => {
      Object.defineProperty(document, 'visibilityState', { value: visibility, configurable: true });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    }, state);
  await setVisibility('hidden');
  await page.clock.fastForward('01:05');
  await setVisibility('visible');
  await expect(lockedHeading(page)).toBeVisible();
});

test('v) in child mode only the child\'s tool shows; leaving needs the worker PIN; quick hide', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Bea', age: 7 });
  await backToAllSessions(page);
  await startSession(page, { name: 'Noor', age: 5 });
  await button(page, 'Wizards and Fairies').click();
  await page.getByRole('list', { name: 'Choose your helper' }).getByRole('button', { name: 'Dragon', exact: true }).click();
  await button(page, 'Meet my helpers').click();
  await button(page, 'Give to the child').click();
  await expect(page.getByRole('group', { name: 'Stop, break or pass' })).toBeVisible();
  await expect(button(page, 'Give to the child')).toHaveCount(0);

  // Inside the tool the child goes anywhere.
  await page.getByRole('button', { name: /^Wishes dragon/ }).click();
  await addWords(page, 'A red kite');
  // Nothing leaves the store from the child's hands: no "Save picture" while drawing.
  await button(page, 'Draw').click();
  await expect(page.locator('canvas[aria-label="Drawing area"]')).toBeVisible();
  await expect(button(page, 'Save picture')).toBeHidden();
  await button(page, 'Done').click();
  await button(page, 'Back to the helpers').click();
  await expect(heading(page, 'Your magical helpers')).toBeVisible();

  // Out of it, the PIN is asked; cancel stays.
  await button(page, 'Back to the session').click();
  const dialog = page.getByRole('dialog', { name: 'Worker PIN, please' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(heading(page, 'Your magical helpers')).toBeVisible();
  await button(page, 'Worker').click();
  await dialog.getByLabel('Worker PIN').fill('0000');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog.getByRole('alert')).toContainText('That PIN is not right');
  await expect(heading(page, 'Your magical helpers')).toBeVisible();
  await dialog.getByLabel('Worker PIN').fill(PIN);
  await dialog.getByRole('button', { name: 'Continue' }).click();
  // The worker holds the tablet where the child left it, and leaves without a PIN.
  await expect(heading(page, 'Your magical helpers')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Stop, break or pass' })).toHaveCount(0);
  await button(page, 'Back to the session').click();
  await expect(heading(page, 'Session with Noor')).toBeVisible();

  // Quick hide: a neutral screen at once, that shows nothing of the session; back with the PIN.
  await button(page, 'Wizards and Fairies').click();
  await button(page, 'Hide').click();
  await expect(page.locator('.neutral-screen')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Noor');
  await expect(page.locator('body')).not.toContainText('dragon');
  await button(page, 'Back').click();
  await page.getByRole('dialog', { name: 'Worker PIN, please' }).getByLabel('Worker PIN').fill(PIN);
  await button(page, 'Continue').click();
  await expect(heading(page, 'Your magical helpers')).toBeVisible();

  // Three wrong PINs lock the app: only the passphrase opens it again.
  await button(page, 'Give to the child').click();
  await button(page, 'Back to the session').click();
  for (const wrong of ['1111', '2222', '3333']) {
    await page.getByRole('dialog', { name: 'Worker PIN, please' }).getByLabel('Worker PIN').fill(wrong);
    await button(page, 'Continue').click();
  }
  await expect(lockedHeading(page)).toBeVisible();
  await unlock(page);
  await expect(page.getByRole('group', { name: 'Stop, break or pass' })).toHaveCount(0);
});

test('w) wipe this device removes everything after saying what will be lost', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Olek', age: 8 });
  await backToAllSessions(page);
  await startSession(page, { name: 'Pia', age: 4 });
  await backToAllSessions(page);
  await button(page, 'Settings').click();
  // The privacy page says what is kept where, for how long, and how to delete it.
  await button(page, 'Read how data is kept').click();
  for (const part of ['What is stored', 'Where', 'How it is protected', 'For how long', 'How to delete', 'What leaves the tablet']) {
    await expect(heading(page, part)).toBeVisible();
  }
  await button(page, 'All children').click();
  await button(page, 'Settings').click();
  // The tablet's passphrase first: an unlocked tablet left alone is not enough to wipe it.
  await button(page, 'Wipe this device').click();
  await givePassphraseWhenAsked(page);
  const dialog = page.getByRole('dialog', { name: 'Wipe everything Hear Me keeps on this tablet?' });
  await expect(dialog).toContainText('2 sessions');
  await expect(dialog).toContainText('Olek');
  await expect(dialog).toContainText('Pia');
  await dialog.getByRole('button', { name: 'Keep' }).click();
  expect(Object.keys(await everythingStored(page)).filter((key) => key.startsWith('hear-me/session/'))).toHaveLength(2);

  await button(page, 'Wipe this device').click();
  await givePassphraseWhenAsked(page);
  // Two taps are not enough: the worker types the word first.
  const wipe = dialog.getByRole('button', { name: 'Wipe this device' });
  await expect(wipe).toBeDisabled();
  await dialog.getByRole('textbox', { name: /To confirm, type the word/ }).fill('wipe');
  await wipe.click();
  await expect(setUpHeading(page)).toBeVisible();
  const left = await everythingStored(page);
  // Only the screen and language may be remembered again; nothing of a child or a key.
  expect(Object.keys(left).filter((key) => key !== 'hear-me/device')).toEqual([]);
  expect(JSON.stringify(left)).not.toMatch(/Olek|Pia|session\//);
});

test('x) sessions stored before encryption are encrypted at set-up, without loss', async ({ page }) => {
  const fixture = fs.readFileSync('tests/fixtures/session-v4.json', 'utf8');
  const { session } = JSON.parse(fixture);
  await page.goto('/');
  await expect(setUpHeading(page)).toBeVisible();
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [`hear-me/session/${session.id}`, fixture]);
  await page.reload();
  await expect(page.getByText('Sessions already on this tablet, which will be encrypted now: 1.')).toBeVisible();
  await setUpVault(page);

  const stored = await everythingStored(page);
  expect(stored[`hear-me/session/${session.id}`]).toMatch(/^hm1\./);
  expect(JSON.stringify(stored)).not.toContain('Dass Papa wieder lacht');
  const [opened] = await storedSessionEntries(page);
  expect(opened.raw).toBe(fixture);

  await button(page, `Open the session with ${session.child.name}`).click();
  await button(page, 'Wizards and Fairies').click();
  await page.getByRole('button', { name: /^Sternchen/ }).click();
  await expect(entriesList(page).getByText('Dass Papa wieder lacht', { exact: true })).toBeVisible();

  // Version 4's notes went into every summary; now they are the worker's reflection, in the
  // full record only, and Dad's summary holds only the wish shared with him.
  await button(page, 'Back to the helpers').click();
  await button(page, 'Back to the session').click();
  await openSessionFolds(page);
  await button(page, 'Summary').click();
  const summaryFor = page.getByRole('combobox', { name: 'Summary for' });
  const summary = page.frameLocator('iframe.summary-frame');
  await summaryFor.selectOption({ label: 'Dad' });
  await expect(summary.getByText('Dass Papa wieder lacht')).toBeVisible();
  await expect(summary.getByText(/Mia sprach ruhig|Grundschule am Park/)).toHaveCount(0);
  await summaryFor.selectOption({ label: "Everything: the worker's full record" });
  await expect(summary.locator('.worker-notes')).toContainText('Mia sprach ruhig.');
  await expect(page.getByRole('textbox', { name: /Worker's reflection/ })).toHaveValue(/^Mia sprach ruhig\./);
});

test('y) a strict Content-Security-Policy: no inline or eval script, nothing from another origin', async ({ page }) => {
  await openApp(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  expect(directives['script-src']).toContain("'wasm-unsafe-eval'");
  expect(directives['script-src']).not.toContain("'unsafe-inline'");
  expect(directives['script-src']).not.toContain("'unsafe-eval'");
  expect(directives['script-src'].filter((source) => source.startsWith("'sha256-"))).toHaveLength(1);
  expect(directives['connect-src']).toEqual(["'self'"]);
  expect(directives['default-src']).toEqual(["'self'"]);
  expect(directives['worker-src']).toEqual(["'self'"]);
  expect(directives['manifest-src']).toEqual(["'self'"]);
  expect(csp).not.toMatch(/https?:|\*/);

  const blocked = await page.evaluate(
    () =>
      new Promise((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve({ directive: event.violatedDirective, ran: window.__injected === true }), { once: true });
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true';
        document.body.append(script);
      }),
  );
  expect(blocked.directive).toMatch(/^script-src/);
  expect(await page.evaluate(() => window.__injected)).toBeUndefined();
});

test('z) the worker changes the passphrase and the PIN; the sessions stay readable, the old ones stop working', async ({ page }) => {
  await openApp(page);
  await startSession(page, { name: 'Rumi', age: 9 });
  await openHouse(page, 'House of Good Things');
  await addWords(page, 'Kiteflying with Grandad');
  await button(page, 'Back to the houses').click();
  await button(page, 'Back to the session').click();
  await backToAllSessions(page);
  await button(page, 'Settings').click();
  const sealedBefore = Object.entries(await everythingStored(page)).filter(([key]) => key.startsWith('hear-me/session/'));

  const form = page.locator('form').filter({ has: page.getByLabel('The current passphrase') });
  const NEW = 'a brand new passphrase';
  await page.getByLabel('The current passphrase').fill('not the passphrase');
  await page.getByLabel('The new passphrase', { exact: true }).fill(NEW);
  await page.getByLabel('The new passphrase again').fill(NEW);
  await button(page, 'Change the passphrase').click();
  await expect(form.getByRole('alert')).toHaveText('The current passphrase is not right.');
  await page.getByLabel('The current passphrase').fill(PASSPHRASE);
  await page.getByLabel('The new passphrase', { exact: true }).fill(NEW);
  await page.getByLabel('The new passphrase again').fill(NEW);
  await button(page, 'Change the passphrase').click();
  await expect(page.getByRole('status')).toHaveText('The passphrase is changed. Use the new one from now on.');
  // One write: the sealed sessions are untouched, and open under the new passphrase.
  const after = await everythingStored(page);
  for (const [key, value] of sealedBefore) expect(after[key]).toBe(value);
  const opened = await storedSessionEntries(page, NEW);
  expect(opened[0].record.session.questions.good_things.entries[0].text).toBe('Kiteflying with Grandad');

  await page.getByLabel('The new PIN').fill('97531');
  await page.getByLabel('The PIN again').fill('97531');
  await button(page, 'Change the PIN').click();
  await givePassphraseWhenAsked(page, NEW);
  await expect(page.getByText('The PIN is changed.')).toBeVisible();

  await button(page, 'Lock').click();
  await passphraseField(page).fill(PASSPHRASE);
  await button(page, 'Unlock').click();
  await expect(page.getByRole('alert')).toHaveText('That passphrase is not right. Please try again.');
  await unlock(page, NEW);
  await expect(heading(page, 'Settings')).toBeVisible();

  // The new PIN leaves child mode; the old one does not.
  await button(page, 'All children').click();
  await button(page, 'Open the session with Rumi').click();
  await button(page, 'Three Houses').click();
  await button(page, 'Give to the child').click();
  await button(page, 'Back to the session').click();
  const dialog = page.getByRole('dialog', { name: 'Worker PIN, please' });
  await dialog.getByLabel('Worker PIN').fill(PIN);
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog.getByRole('alert')).toContainText('That PIN is not right');
  await dialog.getByLabel('Worker PIN').fill('97531');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(heading(page, 'Session with Rumi')).toBeVisible();
});
