// `make bench`: numbers about drawing (the Makefile also writes them to bench-results.txt).
// Measured in headless Chromium against the release build in dist/. Not a test: nothing here
// passes or fails; compare the numbers with the targets in the README.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { chromium } from '@playwright/test';

// HEAR_ME_BENCH_PORT lets benches of several checkouts run at once.
const PORT = Number(process.env.HEAR_ME_BENCH_PORT ?? 4175);
const ORIGIN = `http://127.0.0.1:${PORT}`;

// Real strokes (Quick Draw, see tests/fixtures/recorded-drawing.md), repeated to the size
// wanted. Each copy is shifted a little, so every stroke is a different stroke to the app.
const RECORDED = JSON.parse(fs.readFileSync('tests/fixtures/recorded-drawing.json', 'utf8')).strokes;

function drawing(strokeCount) {
  const strokes = [];
  for (let s = 0; s < strokeCount; s++) {
    const copy = Math.floor(s / RECORDED.length);
    const original = RECORDED[s % RECORDED.length];
    const shift = (copy * 7) % 120;
    const points = original.points.map(([x, y, p]) => [Math.min(4000, x + shift), Math.min(3000, y + shift), p]);
    strokes.push({ ...original, points });
  }
  return strokes;
}

/** The bytes Hear Me's IndexedDB holds under `key` (runs in the page); null when none. */
function readRecord(key) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('hear-me');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('records')) {
        db.close();
        resolve(null);
        return;
      }
      const get = db.transaction('records').objectStore('records').get(key);
      get.onsuccess = () => {
        db.close();
        resolve(get.result ?? null);
      };
      get.onerror = () => reject(get.error);
    };
  });
}

function sessionRecord(strokes) {
  const id = 'bench-session';
  const session = {
    id,
    child: { name: 'Bench', age: 7 },
    worker: '',
    date: '2026-11-26',
    created_at: 1,
    updated_at: 1,
    questions: {
      worries: { own_names: {}, entries: [{ id: 1, created_at: 1, kind: 'drawing', strokes }] },
      good_things: { own_names: {}, entries: [] },
      dreams: { own_names: {}, entries: [] },
    },
    next_entry: 2,
  };
  return {
    key: `hear-me/session/${id}`,
    value: JSON.stringify({ schema: 1, session }),
    device: JSON.stringify({
      schema: 1,
      place: { screen: 'drawing', session: id, question: 'worries', entry: 1 },
      language: 'en',
    }),
  };
}

const stats = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p99: at(0.99), n: sorted.length };
};
const ms = (value) => `${value.toFixed(3)} ms`;

const PASSPHRASE = 'a bench passphrase';

/**
 * Gets past the lock after seeding storage: sets up the passphrase (which seals the seeded
 * plain records, as for an update from before encryption). Gives the milliseconds from the
 * tap to the open app: deriving the key, sealing and opening everything.
 */
async function setUp(page) {
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('The passphrase again', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Worker PIN', { exact: true }).fill('2468');
  await page.getByLabel('The PIN again', { exact: true }).fill('2468');
  return tapUntilOpen(page, 'Protect and start');
}

/** Taps a button and waits, in the page, for the lock bar of the open app. */
async function tapUntilOpen(page, buttonName) {
  await page.getByRole('button', { name: buttonName }).waitFor();
  return page.evaluate(async (name) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
    const start = performance.now();
    button.click();
    while (!document.querySelector('nav.app-bar')) await new Promise((resolve) => setTimeout(resolve, 5));
    return performance.now() - start;
  }, buttonName);
}

/** In the page: a tablet Hear Me never ran on (both stores emptied). */
const FORGET_EVERYTHING = `window.forgetEverything = async () => {
  localStorage.clear();
  await new Promise((resolve) => {
    const deletion = indexedDB.deleteDatabase('hear-me');
    deletion.onsuccess = deletion.onerror = deletion.onblocked = resolve;
  });
};`;

async function openDrawing(page, strokes) {
  const record = sessionRecord(strokes);
  await page.goto(ORIGIN);
  await page.evaluate(async ({ key, value, device }) => {
    await forgetEverything();
    localStorage.setItem(key, value);
    localStorage.setItem('hear-me/device', device);
  }, record);
  await page.reload();
  await setUp(page);
  await page.locator('canvas[aria-label="Drawing area"]').waitFor();
  await page.waitForTimeout(300);
}

// HEAR_ME_BENCH_DIST: another build to measure (an earlier one, for before and after).
const server = spawn('node', ['tests/e2e/serve.mjs', process.env.HEAR_ME_BENCH_DIST ?? 'dist', String(PORT)], { stdio: 'ignore' });
const say = (line) => console.log(line);
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
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  await page.addInitScript(FORGET_EVERYTHING);
  say(`Hear Me drawing bench, ${new Date().toISOString()}, headless Chromium, 1024x768`);

  // Stored bytes per point come from `cargo run --example ink_size` (see the Makefile).

  // Pointer handling: one pointermove (new samples + painting the live stroke), synchronous time.
  await openDrawing(page, drawing(50));
  const moves = await page.evaluate(() => {
    const canvas = document.querySelector('canvas[aria-label="Drawing area"]');
    const box = canvas.getBoundingClientRect();
    const times = [];
    for (let stroke = 0; stroke < 10; stroke++) {
      const y = box.top + box.height * (0.1 + stroke * 0.08);
      const event = (type, i) =>
        new PointerEvent(type, {
          pointerId: 7, pointerType: 'pen', isPrimary: true, pressure: 0.6, bubbles: true, cancelable: true,
          clientX: box.left + 20 + i * 4, clientY: y + Math.sin(i / 5) * 20,
        });
      canvas.dispatchEvent(event('pointerdown', 0));
      for (let i = 1; i <= 150; i++) {
        const start = performance.now();
        canvas.dispatchEvent(event('pointermove', i));
        times.push(performance.now() - start);
      }
      canvas.dispatchEvent(event('pointerup', 150));
    }
    return times;
  });
  const move = stats(moves);
  say(`pointer move + paint: median ${ms(move.median)}, p99 ${ms(move.p99)} (${move.n} moves, strokes of 150 points)`);

  // A stroke's save: after the stroke is painted, the app saves in a task of its own
  // (src/state/sessions.rs, save_after_paint). Timed from a task queued just before that one
  // to a task queued just after it: sealing and handing the write to IndexedDB.
  for (const count of [5, 2000]) {
    await openDrawing(page, drawing(count));
    const saves = await page.evaluate(async () => {
      const canvas = document.querySelector('canvas[aria-label="Drawing area"]');
      const box = canvas.getBoundingClientRect();
      const times = [];
      for (let stroke = 0; stroke < 21; stroke++) {
        const y = box.top + box.height * (0.1 + (stroke % 10) * 0.08);
        const pointer = (type, i) => new PointerEvent(type, {
          pointerId: 11, pointerType: 'pen', isPrimary: true, pressure: 0.5, bubbles: true, cancelable: true,
          clientX: box.left + 30 + i * 5 + stroke, clientY: y + i,
        });
        canvas.dispatchEvent(pointer('pointerdown', 0));
        for (let i = 1; i < 40; i++) canvas.dispatchEvent(pointer('pointermove', i));
        const measured = new Promise((resolve) => {
          // Runs before the app's frame callback, so this task is queued before its save.
          requestAnimationFrame(() => setTimeout(() => {
            const start = performance.now();
            setTimeout(() => resolve(performance.now() - start), 0);
          }, 0));
        });
        canvas.dispatchEvent(pointer('pointerup', 40));
        times.push(await measured);
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      return times;
    });
    const save = stats(saves);
    say(`a stroke's save in a visit of ${count} strokes (the save task after paint): median ${ms(save.median)}, p99 ${ms(save.p99)}`);
  }

  // Full redraws. Finished ink is kept as bitmaps of runs of strokes (src/ui/ink_layer.rs):
  // - "from kept bitmaps": a resize to the same size repaints every stroke from the runs;
  // - "undo / redo": the last stroke goes and comes back, so one run is rendered again;
  // - "new size": a rotation makes every run's bitmap the wrong size, so all are rendered.
  // Undo repaints in a reactive effect, a microtask after the click; the time is also given
  // up to the next task, which includes the browser drawing the frame.
  for (const count of [100, 500, 2000]) {
    await openDrawing(page, drawing(count));
    const times = await page.evaluate(async () => {
      const nextTask = () => new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = resolve;
        channel.port2.postMessage(null);
      });
      const button = (name) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
      // One stroke drawn here, so there is something to undo.
      const canvas = document.querySelector('canvas[aria-label="Drawing area"]');
      const box = canvas.getBoundingClientRect();
      const pointer = (type, i) => new PointerEvent(type, {
        pointerId: 9, pointerType: 'pen', isPrimary: true, pressure: 0.5, bubbles: true, cancelable: true,
        clientX: box.left + 30 + i * 5, clientY: box.top + 40 + i * 2,
      });
      canvas.dispatchEvent(pointer('pointerdown', 0));
      for (let i = 1; i < 40; i++) canvas.dispatchEvent(pointer('pointermove', i));
      canvas.dispatchEvent(pointer('pointerup', 40));
      await nextTask();
      // Counts fills, to be sure the measured time includes the repaint.
      let fills = 0;
      const fill = CanvasRenderingContext2D.prototype.fill;
      CanvasRenderingContext2D.prototype.fill = function (...args) {
        fills += 1;
        return fill.apply(this, args);
      };
      const kept = [];
      const undoRedo = [];
      const withFrame = [];
      const newSize = [];
      for (let i = 0; i < 15; i++) {
        let start = performance.now();
        window.dispatchEvent(new Event('resize'));
        kept.push(performance.now() - start);
        for (const name of ['Undo', 'Redo']) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          fills = 0;
          start = performance.now();
          button(name).click();
          // The repaint runs in a reactive effect, a microtask after the click.
          for (let hop = 0; hop < 10; hop++) await Promise.resolve();
          undoRedo.push(performance.now() - start);
          if (fills === 0) throw new Error(`${name} did not repaint within the measured time`);
          await nextTask();
          withFrame.push(performance.now() - start);
        }
      }
      const frame = document.querySelector('.canvas-frame');
      for (let i = 0; i < 6; i++) {
        frame.style.maxWidth = i % 2 ? '' : '90%';
        const start = performance.now();
        window.dispatchEvent(new Event('resize'));
        newSize.push(performance.now() - start);
      }
      frame.style.maxWidth = '';
      return { kept, undoRedo, withFrame, newSize };
    });
    const points = drawing(count).reduce((sum, stroke) => sum + stroke.points.length, 0);
    const line = (what, values) => {
      const { median, p99 } = stats(values);
      return `${what} median ${ms(median)}, p99 ${ms(p99)}`;
    };
    say(`full redraw of ${count} strokes (${points} points):`);
    say(`  ${line('from kept bitmaps (resize to the same size):', times.kept)}`);
    say(`  ${line('undo / redo of the last stroke:', times.undoRedo)}`);
    say(`  ${line('undo / redo including the browser frame after it:', times.withFrame)}`);
    say(`  ${line('new size (a rotation; every stroke filled again):', times.newSize)}`);
  }

  // Picture out: "Save picture" renders a 2000x1500 PNG.
  await openDrawing(page, drawing(500));
  const pictures = await page.evaluate(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.includes('Save picture'));
    const times = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      button.click();
      times.push(performance.now() - start);
    }
    return times;
  });
  say(`PNG 2000x1500 of 500 strokes: median ${ms(stats(pictures).median)}`);

  // The summary of a heavy session: 3 houses x 3 drawings x 200 strokes, and words. Opening
  // the summary makes every drawing's print-sized PNG and the whole HTML file; the download
  // then hands that file to the browser.
  const heavy = { id: 'bench-heavy', child: { name: 'Bench', age: 7 }, worker: 'Sam', date: '2026-11-26',
    created_at: 1, updated_at: 1, questions: {}, next_entry: 1 };
  for (const house of ['worries', 'good_things', 'dreams']) {
    const entries = [];
    for (let i = 0; i < 3; i++) {
      entries.push({ id: heavy.next_entry, created_at: heavy.next_entry, kind: 'drawing', strokes: drawing(200 + heavy.next_entry).slice(heavy.next_entry) }); // 200 strokes, different in each drawing
      heavy.next_entry += 1;
      entries.push({ id: heavy.next_entry, created_at: heavy.next_entry, kind: 'words', text: `Words number ${heavy.next_entry}`, voice: 'child_wrote' });
      heavy.next_entry += 1;
    }
    heavy.questions[house] = { own_names: {}, entries };
  }
  await page.goto(ORIGIN);
  await page.evaluate(async (record) => {
    await forgetEverything();
    localStorage.setItem('hear-me/session/bench-heavy', record);
    localStorage.setItem('hear-me/device', JSON.stringify({ schema: 1, place: { screen: 'session', session: 'bench-heavy' }, language: 'en' }));
  }, JSON.stringify({ schema: 1, session: heavy }));
  await page.reload();
  // Encryption at rest: setting up seals the heavy session; unlocking derives the key and
  // opens it; a save seals it again.
  const setUpMs = await setUp(page);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  const unlockMs = await tapUntilOpen(page, 'Unlock');
  const storedHeavy = () => page.evaluate(readRecord, 'hear-me/session/bench-heavy');
  while (!(await storedHeavy())) await page.waitForTimeout(20);
  const sealedSize = (await storedHeavy()).length;
  // A save of the heavy session: renaming a house saves at once, inside the tap (sealing
  // and handing the record to IndexedDB); the write lands a moment later.
  await page.getByRole('button', { name: /^Three Houses/ }).click();
  await page.getByRole('button', { name: /^Give House of Dreams/ }).click();
  await page.getByRole('textbox', { name: 'House name' }).fill('Castle');
  const { saveMs, landedMs } = await page.evaluate(async (read) => {
    const readRecord = new Function(`return (${read})`)();
    const before = await readRecord('hear-me/session/bench-heavy');
    const same = (a, b) => a.length === b.length && a.every((byte, i) => byte === b[i]);
    const use = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Use this name');
    const start = performance.now();
    use.click();
    const saveMs = performance.now() - start;
    while (same(await readRecord('hear-me/session/bench-heavy'), before)) {
      // Another look at IndexedDB; each read takes about a millisecond.
    }
    return { saveMs, landedMs: performance.now() - start };
  }, readRecord.toString());
  // The same number of bytes through the browser's own AES-GCM (WebCrypto), for comparison.
  const webCrypto = await page.evaluate(async (bytes) => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
    const data = new Uint8Array(bytes);
    const times = [];
    for (let i = 0; i < 5; i++) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const start = performance.now();
      await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data);
      times.push(performance.now() - start);
    }
    return Math.min(...times);
  }, sealedSize);
  say(`encryption at rest (Argon2id ${'32 MiB, 3 passes'}): set-up with the heavy session ${ms(setUpMs)}; unlock ${ms(unlockMs)}; sealed record ${sealedSize} bytes`);
  say(`saving the heavy session sealed (encode + AES-256-GCM in wasm, handed to IndexedDB): ${ms(saveMs)}; landed in IndexedDB after ${ms(landedMs)}; WebCrypto AES-GCM of the same bytes alone: ${ms(webCrypto)}`);
  // The room in IndexedDB: the quota Chromium reports for this site, and how many sessions
  // of each size fit in it (the typical size from the session_size example, run just before).
  const quota = await page.evaluate(async () => (await navigator.storage.estimate()).quota ?? 0);
  const sizes = fs.existsSync('target/session-sizes.json') ? JSON.parse(fs.readFileSync('target/session-sizes.json', 'utf8')) : {};
  say(`quota Chromium reports for this site: ${quota} bytes; heavy sessions of ${sealedSize} B (as stored here) that fit: about ${Math.floor(quota / sealedSize)}`);
  if (sizes.typical) say(`typical sessions of ${sizes.typical} B that fit: about ${Math.floor(quota / sizes.typical)}; heavy of ${sizes.heavy} B: about ${Math.floor(quota / sizes.heavy)}`);
  await page.getByRole('button', { name: 'Back to the session' }).click();
  // Tools open in child mode (the Settings default): leaving one asks for the worker PIN.
  const pinDialog = page.getByRole('dialog', { name: 'Worker PIN, please' });
  if (await pinDialog.isVisible()) {
    await pinDialog.getByLabel('Worker PIN', { exact: true }).fill('2468');
    await pinDialog.getByRole('button', { name: 'Continue' }).click();
  }
  // The summary is in the session screen's fold after the conversation, closed at first.
  await page.locator('details.after-fold > summary').click();
  await page.getByRole('button', { name: /^Summary/ }).waitFor();
  const summary = await page.evaluate(async () => {
    const card = [...document.querySelectorAll('button')].find((b) => b.textContent.startsWith('Summary'));
    card.click();
    // The summary starts on no reader: choosing the full record builds it.
    let select = null;
    while (!(select = document.querySelector('.summary-audience select'))) {
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    let start = performance.now();
    select.value = 'full';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    let frame = null;
    while (!(frame = document.querySelector('iframe.summary-frame')) || !frame.srcdoc) {
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const open = performance.now() - start;
    const size = frame.srcdoc.length;
    const download = [...document.querySelectorAll('button')].find((b) => b.textContent.includes('Download summary'));
    start = performance.now();
    download.click();
    const save = performance.now() - start;
    return { open, save, size };
  });
  say(`summary of 3 houses x 3 drawings x 200 strokes: building (9 PNGs and the HTML) ${ms(summary.open)}, download ${ms(summary.save)}, file ${summary.size} characters`);
  await browser.close();
} finally {
  server.kill();
}
