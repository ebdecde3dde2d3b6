// Shared helpers for the Hear Me end-to-end tests.
//
// Input is sent through the Chrome DevTools Protocol (CDP), not through
// page.mouse / page.touchscreen, because only CDP can produce real touch
// sequences (start, move, end) and pen pointers with pressure. In Chromium,
//   Input.dispatchTouchEvent  -> pointerdown/move/up with pointerType "touch"
//   Input.dispatchMouseEvent  with pointerType "pen"
//                             -> pointerdown/move/up with pointerType "pen",
//                                pressure = force (while a button is down).
// Coordinates are CSS pixels relative to the main frame's viewport, which is
// what locator.boundingBox() returns.

/** One CDP session per page, created on first use. */
const cdpSessions = new WeakMap();

async function cdpFor(page) {
  let cdp = cdpSessions.get(page);
  if (!cdp) {
    cdp = page.context().newCDPSession(page);
    cdpSessions.set(page, cdp);
  }
  return cdp;
}

/**
 * Turn fractional points ([[fx, fy], ...], 0..1 of the locator's bounding box)
 * into viewport coordinates, adding ~`steps` interpolated points between
 * consecutive points so the app sees a smooth run of move events.
 */
async function toViewportPath(locator, points, steps = 10) {
  if (!Array.isArray(points) || points.length === 0) {
    throw new Error('need at least one point');
  }
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible, cannot draw on it');
  const abs = points.map(([fx, fy]) => ({ x: box.x + fx * box.width, y: box.y + fy * box.height }));
  const path = [abs[0]];
  for (let i = 1; i < abs.length; i++) {
    const a = abs[i - 1];
    const b = abs[i];
    for (let s = 1; s <= steps; s++) {
      const t = s / steps;
      path.push({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
    }
  }
  return path;
}

/**
 * Draw one finger stroke over `locator`.
 * points: [[fx, fy], ...] fractions 0..1 of the locator's bounding box.
 */
export async function drawWithTouch(page, locator, points, { cancel = false } = {}) {
  const cdp = await cdpFor(page);
  const path = await toViewportPath(locator, points);
  const touch = ({ x, y }) => [{ x, y, radiusX: 5, radiusY: 5, force: 0.5, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: touch(path[0]) });
  // A single point still gets one move so the app sees a "dot".
  const moves = path.length > 1 ? path.slice(1) : [path[0]];
  for (const p of moves) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: touch(p) });
  }
  // touchCancel reaches the page as pointercancel, as when the system takes the touch away.
  await cdp.send('Input.dispatchTouchEvent', { type: cancel ? 'touchCancel' : 'touchEnd', touchPoints: [] });
}

/**
 * Draw one stylus stroke over `locator` with the given pressure (0..1).
 * points: [[fx, fy], ...] fractions 0..1 of the locator's bounding box.
 */
export async function drawWithPen(page, locator, points, force = 0.7) {
  const cdp = await cdpFor(page);
  const path = await toViewportPath(locator, points);
  const pen = { pointerType: 'pen', tiltX: 0, tiltY: 0 };
  const first = path[0];
  const last = path[path.length - 1];
  await cdp.send('Input.dispatchMouseEvent', {
    ...pen, type: 'mousePressed', x: first.x, y: first.y, button: 'left', buttons: 1, clickCount: 1, force,
  });
  const moves = path.length > 1 ? path.slice(1) : [first];
  for (const p of moves) {
    await cdp.send('Input.dispatchMouseEvent', {
      ...pen, type: 'mouseMoved', x: p.x, y: p.y, button: 'left', buttons: 1, force,
    });
  }
  await cdp.send('Input.dispatchMouseEvent', {
    ...pen, type: 'mouseReleased', x: last.x, y: last.y, button: 'left', buttons: 0, clickCount: 1, force: 0,
  });
}

/**
 * Start recording every request whose origin is not `allowedOrigin`
 * (data: and blob: URLs are ignored). Returns the array, which fills as the
 * page runs. Call before page.goto().
 */
export function collectForeignRequests(page, allowedOrigin) {
  const allowed = new URL(allowedOrigin).origin;
  const foreign = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    let origin;
    try {
      origin = new URL(url).origin;
    } catch {
      foreign.push(url);
      return;
    }
    if (origin !== allowed) foreign.push(url);
  });
  return foreign;
}

export const SESSION_PREFIX = 'hear-me/session/';
export const INDEX_KEY = 'hear-me/index';

/**
 * Fail with a clear message when the page is no longer the app. A horizontal
 * touch swipe on an element without `touch-action: none` makes Chromium's
 * overscroll history navigation go back (in a fresh test: to about:blank),
 * which otherwise surfaces as a puzzling localStorage SecurityError.
 */
export function assertStillInApp(page) {
  const url = page.url();
  if (!/^https?:/.test(url)) {
    throw new Error(
      `the page left the app and is now at ${url}; a touch swipe probably triggered ` +
        `browser back navigation (does the drawing area have touch-action: none?)`,
    );
  }
}

/**
 * Raw view of every session record: [{ key, raw, record }] where record is the
 * parsed JSON or null when the value does not parse.
 */
export async function storedSessionEntries(page) {
  assertStillInApp(page);
  const read = (prefix) => {
    const out = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key || !key.startsWith(prefix)) continue;
      const raw = localStorage.getItem(key);
      let record = null;
      try {
        record = JSON.parse(raw);
      } catch {
        record = null;
      }
      out.push({ key, raw, record });
    }
    out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return out;
  };
  try {
    return await page.evaluate(read, SESSION_PREFIX);
  } catch (error) {
    if (/SecurityError|context was destroyed|navigat/i.test(String(error))) assertStillInApp(page);
    throw error;
  }
}

/**
 * Parsed JSON of every localStorage value whose key starts with
 * 'hear-me/session/'. Values that do not parse are left out (see
 * storedSessionEntries for those).
 */
export async function storedSessions(page) {
  return (await storedSessionEntries(page)).filter((e) => e.record !== null).map((e) => e.record);
}

/**
 * True if the canvas shows ink near (fx, fy), fractions of the canvas bitmap:
 * any pixel within 3 px of (fx * canvas.width, fy * canvas.height) that is
 * neither white (255, 255, 255) nor fully transparent.
 */
export async function canvasHasInkAt(locator, fx, fy) {
  return locator.evaluate(
    (canvas, [fx, fy]) => {
      if (!(canvas instanceof HTMLCanvasElement)) throw new Error('canvasHasInkAt: not a <canvas>');
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('canvasHasInkAt: canvas has no 2d context');
      const R = 3;
      const cx = Math.round(fx * canvas.width);
      const cy = Math.round(fy * canvas.height);
      const x0 = Math.max(0, cx - R);
      const y0 = Math.max(0, cy - R);
      const x1 = Math.min(canvas.width - 1, cx + R);
      const y1 = Math.min(canvas.height - 1, cy + R);
      if (x1 < x0 || y1 < y0) return false;
      const { data } = ctx.getImageData(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        if (a === 0) continue;
        if (r === 255 && g === 255 && b === 255) continue;
        return true;
      }
      return false;
    },
    [fx, fy],
  );
}
