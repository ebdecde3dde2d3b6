// `make bench`: numbers about drawing, printed and written to bench-results.txt.
// Measured in headless Chromium against the release build in dist/. Not a test: nothing here
// passes or fails; compare the numbers with the targets in the README.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { chromium } from '@playwright/test';

const PORT = 4175;
const ORIGIN = `http://127.0.0.1:${PORT}`;

// A seeded random walk, so every run draws the same "child's drawing".
function rng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function drawing(strokeCount, seed = 7) {
  const random = rng(seed);
  const strokes = [];
  for (let s = 0; s < strokeCount; s++) {
    let x = 300 + random() * 3400;
    let y = 300 + random() * 2400;
    let angle = random() * Math.PI * 2;
    const pen = s % 2 === 0;
    const points = [];
    const length = 20 + Math.floor(random() * 80);
    for (let i = 0; i < length; i++) {
      angle += (random() - 0.5) * 0.6;
      const step = 8 + random() * 30;
      x = Math.min(4000, Math.max(0, x + Math.cos(angle) * step));
      y = Math.min(3000, Math.max(0, y + Math.sin(angle) * step));
      points.push([Math.round(x), Math.round(y), pen ? 80 + Math.floor(random() * 150) : 128]);
    }
    strokes.push({ colour: '#222222', width: 40, points, ...(pen ? { pen: true } : {}) });
  }
  return strokes;
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

async function openDrawing(page, strokes) {
  const record = sessionRecord(strokes);
  await page.goto(ORIGIN);
  await page.evaluate(({ key, value, device }) => {
    localStorage.clear();
    localStorage.setItem(key, value);
    localStorage.setItem('hear-me/device', device);
  }, record);
  await page.reload();
  await page.locator('canvas[aria-label="Drawing area"]').waitFor();
  await page.waitForTimeout(300);
}

const server = spawn('node', ['tests/e2e/serve.mjs', 'dist', String(PORT)], { stdio: 'ignore' });
const lines = [];
const say = (line) => {
  console.log(line);
  lines.push(line);
};
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
  say(`Hear Me drawing bench, ${new Date().toISOString()}, headless Chromium, 1024x768`);

  // Storage: bytes per point of the stored drawing (JSON point arrays today).
  const sample = drawing(500);
  const points = sample.reduce((sum, stroke) => sum + stroke.points.length, 0);
  const jsonBytes = Buffer.byteLength(JSON.stringify(sample));
  say(`stored drawing: ${sample.length} strokes, ${points} points, JSON ${jsonBytes} B = ${(jsonBytes / points).toFixed(2)} B/point`);

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

  // Full redraw: a resize repaints every stroke.
  for (const count of [100, 500, 2000]) {
    await openDrawing(page, drawing(count));
    const redraws = await page.evaluate(() => {
      const times = [];
      for (let i = 0; i < 15; i++) {
        const start = performance.now();
        window.dispatchEvent(new Event('resize'));
        times.push(performance.now() - start);
      }
      return times;
    });
    const redraw = stats(redraws);
    say(`full redraw of ${count} strokes: median ${ms(redraw.median)}, p99 ${ms(redraw.p99)}`);
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
  await browser.close();
} finally {
  server.kill();
}
fs.writeFileSync('bench-results.txt', `${lines.join('\n')}\n`);
console.log('written to bench-results.txt');
