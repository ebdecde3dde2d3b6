// The main flows of Hear Me in WebKit (the engine of every browser on an iPad), driven with
// Selenium through Debian's WebKitWebDriver and its MiniBrowser, in one browser window:
//
//   set-up.mjs               set-up, a session sealed in IndexedDB, Settings without a quota, reload and unlock
//   three-houses.mjs         words and a stroke in the House of Worries, stored and back after a reload
//   wizards-and-fairies.mjs  a helper and its colours, a wish, one model under both tools
//   summary.mjs              the full record shown and downloaded, the file checked
//   child-mode.mjs           "Give to the child"; the browser's back asks for the worker PIN
//   offline.mjs              the static server stopped: a reload opens from the service worker's cache
//   children.mjs             the list of children, the child's page, a new visit, over time
//
// Usage: node tests/webkit/smoke.mjs <dist folder> <app port> <WebDriver url> [<download folder>]
// (see scripts/webkit-smoke.sh, which starts WebKitWebDriver and tells MiniBrowser where to
// download). This script serves <dist folder> itself, so that it can take the network away.

import { Browser, StaticServer } from './browser.mjs';
import setUp from './set-up.mjs';
import threeHouses from './three-houses.mjs';
import wizardsAndFairies from './wizards-and-fairies.mjs';
import summary from './summary.mjs';
import childMode from './child-mode.mjs';
import offline from './offline.mjs';
import children from './children.mjs';

const FLOWS = [
  ['set-up and unlock', setUp],
  ['the Three Houses', threeHouses],
  ['Wizards and Fairies', wizardsAndFairies],
  ['the summary', summary],
  ['child mode', childMode],
  ['the offline reload', offline],
  ['children over months', children],
];

const [dist = 'dist', port = '4176', driverUrl = 'http://127.0.0.1:4446', downloads] = process.argv.slice(2);
const server = new StaticServer(dist, Number(port));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`stopped by ${signal}`);
    server.kill();
    process.exit(1);
  });
}

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
let browser = null;
let failed = false;
try {
  await server.start();
  browser = await Browser.open(driverUrl);
  for (const [name, flow] of FLOWS) {
    console.log(`--- ${name}`);
    await flow(browser, { appUrl: server.url, server, downloads });
    await browser.checkNoErrors(name);
  }
  console.log(`WebKit: every flow passed in ${seconds()} s`);
} catch (error) {
  failed = true;
  console.error(`FAILED after ${seconds()} s: ${error instanceof Error ? error.message : error}`);
  if (!error?.constructor?.name?.startsWith('Failure')) console.error(error?.stack ?? '');
} finally {
  await browser?.quit().catch(() => {});
  await server.stop();
}
process.exit(failed ? 1 : 0);
