// Offline: once the service worker controls the page, the static server is stopped; a reload
// still opens the lock screen from the cache, unlocking works, the session is there, and a new
// entry is saved as ever.
import { check } from './browser.mjs';

const OFFLINE_WORDS = 'Our cat Pepper sleeps on my bed';

export default async function offline(browser, { server }) {
  const controlled = await browser.inPage(`
    if (!('serviceWorker' in navigator)) return 'no service worker support';
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    return navigator.serviceWorker.controller.scriptURL;`);
  check(/\/sw\.js$/.test(controlled), 'the service worker controls the page', controlled);

  await server.stop();
  check(!(await server.answers()), 'the static server is stopped: no network for the app');
  try {
    await browser.reload();
    await browser.waitForText('Hear Me is locked');
    check(true, 'with no server a reload opens the lock screen from the cache');
    await browser.unlock();
    if (!(await browser.text()).includes('Session with Mia')) {
      if (!(await browser.text()).includes('Children on this tablet')) await browser.click('All children');
      await browser.click('Open the session with Mia');
    }
    await browser.waitForText('Session with Mia');
    check(true, 'offline, the passphrase unlocks and the session is there');

    await browser.click('Three Houses');
    await browser.click('House of Good Things', { start: true });
    await browser.click('Write words');
    await browser.fill("The child's words", OFFLINE_WORDS);
    await browser.click('Done');
    await browser.waitForText(OFFLINE_WORDS);
    const stored = await browser.until(async () => {
      const entries = (await browser.session('Mia'))?.session?.questions?.good_things?.entries ?? [];
      return entries.find((entry) => entry.text === OFFLINE_WORDS);
    }, 'the words told offline being stored');
    check(Boolean(stored), 'offline, new words are saved, sealed, as ever');
  } finally {
    await server.start();
  }
}
