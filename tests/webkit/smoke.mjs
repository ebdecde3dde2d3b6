// A smoke test of Hear Me in WebKit (the engine of every browser on an iPad), through
// Debian's WebKitWebDriver and its MiniBrowser: set up, start a session, find it sealed in
// IndexedDB as bytes, see Settings cope without navigator.storage.estimate/persist (WebKit
// has neither), reload, unlock and find the session again.
//
// Usage: node tests/webkit/smoke.mjs <app url> <webdriver url>   (see `make test-webkit`)

const [appUrl = 'http://127.0.0.1:4176/', driverUrl = 'http://127.0.0.1:4444'] = process.argv.slice(2);
const PASSPHRASE = 'a safe passphrase for tests';
const PIN = '2468';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const MINI_BROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

async function call(method, path, body) {
  const response = await fetch(driverUrl + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const { value } = await response.json();
  if (value && value.error) throw new Error(`${method} ${path}: ${value.error}: ${value.message}`);
  return value;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function check(condition, what) {
  if (!condition) throw new Error(`WebKit smoke: ${what}`);
  console.log(`ok: ${what}`);
}

const { sessionId } = await call('POST', '/session', {
  capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINI_BROWSER, args: ['--automation'] } } },
});
const at = (path) => `/session/${sessionId}${path}`;
const pageText = () => call('POST', at('/execute/sync'), { script: 'return document.body.innerText', args: [] });
const inPage = (script) => call('POST', at('/execute/async'), { script, args: [] });

/** Waits until the page shows `text` (up to 20 s: Argon2id is slow in WebKit's wasm). */
async function waitForText(text) {
  for (let tries = 0; tries < 200; tries++) {
    if ((await pageText()).includes(text)) return;
    await sleep(100);
  }
  throw new Error(`WebKit smoke: "${text}" never showed; the page says: ${(await pageText()).slice(0, 400)}`);
}

async function element(xpath) {
  return (await call('POST', at('/element'), { using: 'xpath', value: xpath }))[ELEMENT];
}
const type = async (xpath, text) => call('POST', at(`/element/${await element(xpath)}/value`), { text });
const click = async (xpath) => call('POST', at(`/element/${await element(xpath)}/click`), {});
const button = (name) => `//button[normalize-space()='${name}']`;
const field = (label) => `//label[.//text()[normalize-space()="${label}"]]//input`;

try {
  await call('POST', at('/url'), { url: appUrl });
  await waitForText("Keep this tablet's sessions safe");
  await type(field('Passphrase'), PASSPHRASE);
  await type(field('The passphrase again'), PASSPHRASE);
  await type(field('Worker PIN'), PIN);
  await type(field('The PIN again'), PIN);
  await click(button('Protect and start'));
  await waitForText('Start a new session');
  await type(field("Child's first name or alias"), 'Mia');
  await click(button('Start session'));
  await waitForText('Session with Mia');

  // Sealed bytes in IndexedDB, nothing readable.
  let stored = [];
  for (let tries = 0; tries < 50 && stored.length < 2; tries++) {
    await sleep(100);
    stored = JSON.parse(
      await inPage(`const done = arguments[arguments.length - 1];
        const open = indexedDB.open('hear-me');
        open.onerror = () => done('[]');
        open.onsuccess = () => {
          const records = open.result.transaction('records').objectStore('records');
          const keys = records.getAllKeys();
          const values = records.getAll();
          values.onsuccess = () => {
            done(JSON.stringify(keys.result.map((key, i) => {
              const value = values.result[i];
              const bytes = value instanceof Uint8Array;
              return { key, bytes, sealed: bytes && String.fromCharCode(...value.slice(0, 4)) === 'hm1.',
                plain: bytes && new TextDecoder().decode(value).includes('Mia') };
            })));
            open.result.close();
          };
        };`),
    );
  }
  check(stored.some((record) => record.key.startsWith('hear-me/session/') && record.sealed), 'the session is sealed bytes in IndexedDB');
  check(stored.some((record) => record.key === 'hear-me/index' && record.sealed), 'the index is sealed bytes in IndexedDB');
  check(stored.every((record) => !record.plain), "the child's name is not readable in IndexedDB");

  // Settings without navigator.storage.estimate or persist.
  await click(button('All sessions'));
  await waitForText('Sessions on this tablet');
  await click("//button[contains(normalize-space(), 'Settings')]");
  await waitForText('Storage on this tablet');
  const settings = await pageText();
  const hasEstimate = await inPage('arguments[arguments.length - 1](Boolean(navigator.storage && navigator.storage.estimate))');
  if (!hasEstimate) check(settings.includes('This browser does not say how much room it gives.'), 'Settings say the browser does not tell its quota');
  check(/Hear Me uses [\d.,]+ [KMG]?B/.test(settings), 'Settings say how much Hear Me uses');

  // A reload locks; unlocking opens the session again from IndexedDB.
  await call('POST', at('/refresh'), {});
  await waitForText('Hear Me is locked');
  await type("//input[@type='password']", PASSPHRASE);
  await click(button('Unlock'));
  await waitForText('Lock');
  await click(button('All sessions')).catch(() => {});
  await waitForText('Sessions on this tablet');
  check((await pageText()).includes('Mia'), 'after a reload and unlock the session is there');
} finally {
  await call('DELETE', `/session/${sessionId}`).catch(() => {});
}
