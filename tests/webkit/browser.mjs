// What the WebKit flows share: the static server (started and stopped here, for the offline
// check), one WebKitGTK MiniBrowser driven by Selenium through Debian's WebKitWebDriver, and
// small steps that find controls by their visible label or name, as a person would.
//
// Selenium only talks to the WebKitWebDriver that scripts/webkit-smoke.sh started
// (`usingServer`): with a server URL, Selenium Manager never runs and nothing is downloaded.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { Builder, By } from 'selenium-webdriver';
import { Pointer } from 'selenium-webdriver/lib/input.js';
import {
  decodeInk,
  openSealed,
  readIndexedDbInPage,
  vaultKeyFor,
  DATABASE,
  PASSPHRASE,
  PIN,
  RECORDS,
  VAULT_KEY,
} from '../e2e/helpers.mjs';

export { PASSPHRASE, PIN };

const MINI_BROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
/** Long enough for Argon2id (32 MiB, 3 passes) in WebKit's wasm on a slow machine. */
const PATIENCE = 20_000;

export class Failure extends Error {}

/** Prints `ok: what` when `condition` holds, fails with `what` and `detail` when not. */
export function check(condition, what, detail = '') {
  if (!condition) throw new Failure(`WebKit: ${what}${detail ? `: ${detail}` : ''}`);
  console.log(`ok: ${what}`);
}

/** The files in `folder` (none without one) and when each was last written. */
export function filesIn(folder) {
  if (!folder) return new Map();
  return new Map(fs.readdirSync(folder).map((name) => [name, fs.statSync(path.join(folder, name)).mtimeMs]));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** An XPath string literal for any text (the app's labels hold apostrophes). */
function literal(text) {
  if (!text.includes("'")) return `'${text}'`;
  if (!text.includes('"')) return `"${text}"`;
  return `concat(${text.split("'").map((part) => `'${part}'`).join(`, "'", `)})`;
}

/** `node tests/e2e/serve.mjs <dist> <port>`, which the offline check stops and starts again. */
export class StaticServer {
  constructor(dist, port) {
    this.dist = dist;
    this.port = port;
    this.url = `http://127.0.0.1:${port}/`;
    this.child = null;
  }

  async start() {
    if (this.child) return;
    this.child = spawn(process.execPath, ['tests/e2e/serve.mjs', this.dist, String(this.port)], { stdio: 'ignore' });
    for (let tries = 0; tries < 100; tries++) {
      if (await this.answers()) return;
      await sleep(50);
    }
    throw new Failure(`the static server did not start on ${this.url}`);
  }

  async stop() {
    if (!this.child) return;
    const child = this.child;
    this.child = null;
    if (child.exitCode === null) {
      child.kill();
      await once(child, 'exit');
    }
  }

  /** Stops it at once, for a process that is on its way out. */
  kill() {
    this.child?.kill();
    this.child = null;
  }

  async answers() {
    try {
      return (await fetch(this.url, { signal: AbortSignal.timeout(1000) })).ok;
    } catch {
      return false;
    }
  }
}

/** One MiniBrowser window, and the steps the flows take in it. */
export class Browser {
  static async open(driverUrl) {
    const driver = await new Builder()
      .usingServer(driverUrl)
      .withCapabilities({
        // WebKitWebDriver matches browserName against the browser it starts; an empty name
        // fails to match, and Selenium needs a name.
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINI_BROWSER, args: ['--automation'] },
      })
      .build();
    return new Browser(driver);
  }

  constructor(driver) {
    this.driver = driver;
    /** Uncaught errors and Rust panics seen in pages already left. */
    this.errors = [];
  }

  quit() {
    return this.driver.quit();
  }

  // --- loading, and errors in the page ----------------------------------------------

  async load(url) {
    await this.collectErrors();
    await this.driver.get(url);
    await this.watchErrors();
  }

  async reload() {
    await this.collectErrors();
    await this.driver.navigate().refresh();
    await this.watchErrors();
  }

  async back() {
    await this.driver.navigate().back();
    await this.watchErrors();
  }

  /**
   * Records, in the page, every uncaught error, unhandled rejection and Rust panic (the app
   * logs a panic through console.error). Classic WebDriver cannot run a script before the
   * page's own, so this starts as soon as the page has loaded.
   */
  watchErrors() {
    return this.driver.executeScript(`
      if (window.__webkitErrors) return;
      const seen = (window.__webkitErrors = []);
      addEventListener('error', (e) => seen.push('uncaught: ' + e.message));
      addEventListener('unhandledrejection', (e) => seen.push('unhandled rejection: ' + e.reason));
      const log = console.error.bind(console);
      console.error = (...args) => {
        const text = args.map(String).join(' ');
        if (/panicked at/.test(text)) seen.push(text.slice(0, 300));
        log(...args);
      };`);
  }

  async collectErrors() {
    const seen = await this.driver.executeScript('return window.__webkitErrors || []').catch(() => []);
    this.errors.push(...seen);
    await this.driver.executeScript('if (window.__webkitErrors) window.__webkitErrors.length = 0').catch(() => {});
  }

  /** Fails if any page so far had an uncaught error or a Rust panic. */
  async checkNoErrors(what) {
    await this.collectErrors();
    const errors = this.errors.splice(0);
    check(errors.length === 0, `no uncaught error or Rust panic in ${what}`, errors.join(' | '));
  }

  // --- what the page shows ---------------------------------------------------

  text() {
    return this.driver.executeScript('return document.body ? document.body.innerText : ""');
  }

  /** Runs `script` in the page and gives what it passes to `done` (the last argument). */
  async inPage(script, ...args) {
    return this.driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       Promise.resolve().then(async () => { ${script} }).then(done, (error) => done({ pageError: String(error) }));`,
      ...args,
    ).then((value) => {
      if (value && value.pageError) throw new Failure(`a script in the page failed: ${value.pageError}`);
      return value;
    });
  }

  /** Waits until `probe()` gives something truthy and returns it; fails naming `what`. */
  async until(probe, what, timeout = PATIENCE) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        const value = await probe();
        if (value) return value;
      } catch (error) {
        last = error;
      }
      if (Date.now() > end) break;
      await sleep(100);
    }
    const page = (await this.text().catch(() => '(no page)')).replace(/\s+/g, ' ').slice(0, 500);
    throw new Failure(`WebKit: ${what} never happened${last ? ` (${last.message})` : ''}; the page says: ${page}`);
  }

  /** Waits until the page shows `text`. */
  waitForText(text, timeout) {
    return this.until(async () => (await this.text()).includes(text), `"${text}" showing`, timeout);
  }

  /** Waits until the page no longer shows `text`. */
  waitForNoText(text, timeout) {
    return this.until(async () => !(await this.text()).includes(text), `"${text}" going away`, timeout);
  }

  /** Waits for a visible element at `xpath` and gives the first; `what` names it in a failure. */
  async find(xpath, what = xpath) {
    return this.until(async () => {
      for (const element of await this.driver.findElements(By.xpath(xpath))) {
        if (await element.isDisplayed()) return element;
      }
      return null;
    }, `finding ${what}`);
  }

  async findCss(css, what = css) {
    return this.until(async () => {
      for (const element of await this.driver.findElements(By.css(css))) {
        if (await element.isDisplayed()) return element;
      }
      return null;
    }, `finding ${what}`);
  }

  /** How many elements match `css`. */
  async count(css) {
    return (await this.driver.findElements(By.css(css))).length;
  }

  // --- controls, by the words on them ---------------------------------------------

  /**
   * The visible button whose accessible name is `name` (or starts with it, with
   * `{ start: true }`), inside the element matching the CSS selector `within` if given. The
   * name is worked out as a screen reader would, roughly: aria-label, or the text of what is
   * not aria-hidden, with images' alt text.
   */
  button(name, { start = false, within = 'body' } = {}) {
    return this.until(
      () =>
        this.driver.executeScript(
          `const [name, start, within] = arguments;
           const nameOf = (node) => {
             if (node.nodeType === Node.TEXT_NODE) return node.textContent;
             if (node.nodeType !== Node.ELEMENT_NODE || node.getAttribute('aria-hidden') === 'true') return '';
             if (node.getAttribute('aria-label')) return node.getAttribute('aria-label');
             if (node.tagName === 'IMG') return node.getAttribute('alt') || '';
             return Array.from(node.childNodes, nameOf).join('');
           };
           const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
           for (const root of document.querySelectorAll(within)) {
             for (const button of root.querySelectorAll('button, [role=button]')) {
               const own = nameOf(button).replace(/\\s+/g, ' ').trim();
               if ((start ? own.startsWith(name) : own === name) && visible(button)) return button;
             }
           }
           return null;`,
          name,
          start,
          within,
        ),
      `finding the button "${name}"${within === 'body' ? '' : ` in ${within}`}`,
    );
  }

  async click(name, options) {
    await (await this.button(name, options)).click();
  }

  /** The field inside the label whose own text is `label`. */
  field(label, { within = '' } = {}) {
    return this.find(
      `${within}//label[.//text()[normalize-space() = ${literal(label)}]]//*[self::input or self::textarea or self::select]`,
      `the field "${label}"`,
    );
  }

  async fill(label, value, options) {
    const field = await this.field(label, options);
    await field.clear();
    await field.sendKeys(value);
  }

  /** Chooses `option` in the <select> labelled `label`. */
  async choose(label, option) {
    const select = await this.field(label);
    await (await select.findElement(By.xpath(`.//option[normalize-space() = ${literal(option)}]`))).click();
  }

  /**
   * Waits for MiniBrowser to finish saving files in `folder` that were not there, or were
   * older, in `before` (from filesIn); gives their names. `what` names the wait in a failure.
   * WebKit writes to a `.wkdownload` file and renames it when done; it overwrites a file of
   * the same name.
   */
  downloaded(folder, before, what) {
    return this.until(() => {
      const names = [...filesIn(folder)].filter(([name, at]) => before.get(name) !== at).map(([name]) => name);
      return names.length && !names.some((name) => name.endsWith('.wkdownload')) ? names : null;
    }, `MiniBrowser saving ${what} in ${folder}`, 10_000);
  }

  // --- ink -----------------------------------------------------------------

  /**
   * Draws one stroke on `element` with a pointer of `type` ('touch', 'pen' or 'mouse'):
   * through `points`, fractions 0..1 of the element, with `steps` moves between points.
   *
   * WebKitGTK (2.50) has no touch input under WebDriver: a 'touch' pointer reaches the page as
   * pointerType "mouse". A 'pen' pointer reaches it as "pen", but once the page cancels its
   * pointerdown (as the drawing area must) no pointermove or pointerup follows, so a pen
   * stroke cannot be drawn here.
   */
  async draw(element, type, points, { pressure = 0.5, steps = 8 } = {}) {
    // Viewport coordinates, as pointer actions take them.
    const rect = await this.driver.executeScript(
      `arguments[0].scrollIntoView({ block: 'nearest' });
       const { x, y, width, height } = arguments[0].getBoundingClientRect();
       return { x, y, width, height };`,
      element,
    );
    const at = ([fx, fy]) => ({ x: Math.round(rect.x + fx * rect.width), y: Math.round(rect.y + fy * rect.height) });
    const pointer = new Pointer(`webkit-${type}`, type);
    const actions = [pointer.move({ ...at(points[0]), duration: 0 }), pointer.press(0, 1, 1, pressure)];
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1];
      const [bx, by] = points[i];
      for (let s = 1; s <= steps; s++) {
        const t = s / steps;
        actions.push(pointer.move({ ...at([ax + (bx - ax) * t, ay + (by - ay) * t]), duration: 16, pressure, width: 1, height: 1 }));
      }
    }
    actions.push(pointer.release(0));
    await this.driver.actions({ async: true }).insert(pointer, ...actions).perform();
    await this.driver.actions().clear();
  }

  // --- what Hear Me stored ---------------------------------------------------------------

  /**
   * What Hear Me stored: `records`, its IndexedDB by key ({ bytes } in base64 for a
   * Uint8Array, { other } as JSON for anything else), and `vault`, the vault record (text)
   * from localStorage.
   */
  async stored() {
    return this.inPage(`
      const vault = localStorage.getItem(${JSON.stringify(VAULT_KEY)});
      const records = await (${readIndexedDbInPage.toString()})(${JSON.stringify([DATABASE, RECORDS])});
      return { vault, records };
    `);
  }

  /**
   * The session records, opened here in Node with the passphrase (Node's AES-256-GCM and
   * hash-wasm's Argon2id, as the end-to-end tests do), drawings decoded.
   */
  async sessions() {
    const { vault, records } = await this.stored();
    const out = [];
    for (const [key, value] of Object.entries(records)) {
      if (!key.startsWith('hear-me/session/')) continue;
      if (!value.bytes) throw new Failure(`WebKit: ${key} is stored as ${value.other}, not as bytes`);
      const bytes = Buffer.from(value.bytes, 'base64');
      if (bytes.subarray(0, 4).toString('latin1') !== 'hm1.') throw new Failure(`WebKit: ${key} is not sealed`);
      const sealed = `hm1.${bytes.subarray(4).toString('base64')}`;
      const record = JSON.parse(openSealed(await vaultKeyFor(vault, PASSPHRASE), key, sealed));
      for (const answers of Object.values(record?.session?.questions ?? {})) {
        for (const entry of answers?.entries ?? []) {
          if (entry?.kind === 'drawing' && typeof entry.ink === 'string') Object.assign(entry, decodeInk(entry.ink));
        }
      }
      out.push(record);
    }
    return out;
  }

  /** The stored session of the child called `name`, or null. */
  async session(name) {
    return (await this.sessions()).find((record) => record?.session?.child?.name === name) ?? null;
  }

  // --- the lock ------------------------------------------------------------------

  async unlock() {
    await this.waitForText('Hear Me is locked');
    await this.fill('Passphrase', PASSPHRASE);
    await this.click('Unlock');
    await this.waitForNoText('Hear Me is locked');
    await this.find("//nav[@aria-label='Hear Me']", 'the app bar');
  }

  async reloadAndUnlock() {
    await this.reload();
    await this.unlock();
  }
}
