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

import { createDecipheriv } from 'node:crypto';
import { argon2id } from 'hash-wasm';

/** The passphrase and PIN every test sets up with (see flows.mjs). */
export const PASSPHRASE = 'a safe passphrase for tests';
export const PIN = '2468';
export const VAULT_KEY = 'hear-me/vault';

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
export async function drawWithTouch(page, locator, points, { cancel = false, lift = true, finger = 1 } = {}) {
  const cdp = await cdpFor(page);
  const path = await toViewportPath(locator, points);
  const touch = ({ x, y }) => [{ x, y, radiusX: 5, radiusY: 5, force: 0.5, id: finger }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: touch(path[0]) });
  // A single point still gets one move so the app sees a "dot".
  const moves = path.length > 1 ? path.slice(1) : [path[0]];
  for (const p of moves) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: touch(p) });
  }
  // With `lift: false` the finger stays on the paper: a stroke still in progress.
  if (!lift) return;
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
/** Hear Me's IndexedDB database and its one object store of sealed records. */
export const DATABASE = 'hear-me';
export const RECORDS = 'records';

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

// --- stored drawings ----------------------------------------------------------
// Since schema version 2 a drawing entry keeps its strokes and stamps as one
// base64 `ink` string in the binary format described at the top of
// src/core/ink/codec.rs. decodeInk reads it back into the version 1 JSON shape,
// so tests can look at strokes and stamps as before.

/** StampKind::code() -> slug, as in src/core/ink/stamp.rs. Codes never change. */
const STAMP_SLUGS = [
  null, 'happy', 'sad', 'angry', 'scared', 'worried', 'calm', 'child', 'adult', 'older_person',
  'baby', 'home', 'school', 'heart', 'sun', 'cloud', 'rain', 'star', 'pet', 'bed', 'car',
  'speech_bubble', 'child_neutral', 'adult_neutral', 'older_person_neutral', 'baby_neutral',
];

function base64Bytes(text) {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    throw new Error(`ink is not base64: ${String(text).slice(0, 40)}`);
  }
  return new Uint8Array(Buffer.from(text, 'base64'));
}

/**
 * The drawing in a stored `ink` string, as
 * { strokes: [{ colour, width, points: [[x, y, pressure], ...], pen?, nib? }],
 *   stamps: [{ kind, x, y, size }] }.
 * Throws on anything the Rust decoder would refuse.
 */
export function decodeInk(ink) {
  const bytes = base64Bytes(ink);
  let at = 0;
  const fail = (why) => {
    throw new Error(`ink is damaged: ${why} (at byte ${at})`);
  };
  const byte = () => (at < bytes.length ? bytes[at++] : fail('it stops too soon'));
  const varint = () => {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = byte();
      value += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return value > 0xffffffff ? fail('a number too large') : value;
    }
    return fail('a number too long');
  };
  const u16 = () => {
    const value = varint();
    return value > 0xffff ? fail('a number too large') : value;
  };

  if (byte() !== 1) fail('an unknown format version');
  const strokes = [];
  for (let s = varint(); s > 0; s--) {
    const flags = byte();
    if (flags & 0xc0) fail('unknown stroke flags');
    const pressureForm = (flags >> 2) & 3;
    if (pressureForm === 3) fail('an unknown pressure form');
    let colour;
    if (flags & 0x10) {
      const length = varint();
      if (at + length > bytes.length) fail('it stops too soon');
      colour = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(at, at + length));
      at += length;
    } else {
      colour = '#' + [byte(), byte(), byte()].map((c) => c.toString(16).padStart(2, '0')).join('');
    }
    const width = u16();
    const count = varint();
    const onePressure = pressureForm === 1 ? byte() : 128;
    const coding = byte();
    if (coding & 0x80) fail('an unknown coding');
    const kx = coding & 0x0f;
    const kp = coding >> 4;
    const secondOrder = (flags & 0x20) !== 0;

    let bit = at * 8;
    const readBit = () => {
      if (bit >> 3 >= bytes.length) fail('it stops too soon');
      const value = (bytes[bit >> 3] >> (7 - (bit & 7))) & 1;
      bit += 1;
      return value;
    };
    const read = (n) => {
      let value = 0;
      for (let i = 0; i < n; i++) value = value * 2 + readBit();
      return value;
    };
    const rice = (k) => {
      let quotient = 0;
      while (quotient < 16 && readBit() === 1) quotient += 1;
      return quotient === 16 ? read(20) : quotient * 2 ** k + read(k);
    };
    const unzigzag = (v) => (v % 2 === 0 ? v / 2 : -(v + 1) / 2);

    const points = [];
    for (let i = 0; i < count; i++) {
      if (i === 0) {
        const x = read(16);
        const y = read(16);
        points.push([x, y, pressureForm === 2 ? read(8) : onePressure]);
        continue;
      }
      const last = points[i - 1];
      const before = secondOrder && i >= 2 ? points[i - 2] : null;
      const rx = unzigzag(rice(kx));
      const ry = unzigzag(rice(kx));
      let pressure = onePressure;
      if (pressureForm === 2) {
        pressure = last[2] + unzigzag(rice(kp));
        if (pressure < 0 || pressure > 255) fail('a pressure out of range');
      }
      const x = (before ? 2 * last[0] - before[0] : last[0]) + rx;
      const y = (before ? 2 * last[1] - before[1] : last[1]) + ry;
      if (x < 0 || x > 0xffff || y < 0 || y > 0xffff) fail('a point off every paper');
      points.push([x, y, pressure]);
    }
    at = Math.ceil(bit / 8);
    const stroke = { colour, width, points };
    if (flags & 1) stroke.pen = true;
    if (flags & 2) stroke.nib = 'highlighter';
    strokes.push(stroke);
  }
  const stamps = [];
  for (let s = varint(); s > 0; s--) {
    const kind = STAMP_SLUGS[byte()] ?? fail('a stamp of an unknown kind');
    stamps.push({ kind, x: u16(), y: u16(), size: u16() });
  }
  if (at !== bytes.length) fail('bytes after the end of the drawing');
  return { strokes, stamps };
}

/** The record with every drawing entry's `ink` also read out as `strokes` and `stamps`. */
export function withDecodedDrawings(record) {
  for (const answers of Object.values(record?.session?.questions ?? {})) {
    for (const entry of answers?.entries ?? []) {
      if (entry?.kind === 'drawing' && typeof entry.ink === 'string') {
        Object.assign(entry, decodeInk(entry.ink));
      }
    }
  }
  return record;
}

/**
 * Every record Hear Me keeps, as text: localStorage (the vault, the device state, the
 * journal, and records an earlier version kept there) and IndexedDB (the sessions and their
 * index). Sealed bytes from IndexedDB read as `hm1.` and base64, the text form an earlier
 * version stored, so both compare alike; other bytes read as UTF-8, so plain text stored
 * there would show. Where a key is in both, IndexedDB's value is given.
 */
export async function everythingStored(page) {
  const local = await page.evaluate(() =>
    Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key)])),
  );
  return { ...local, ...(await storedInIndexedDb(page)) };
}

/**
 * Runs in the page (Playwright's evaluate, or a WebDriver script from its source): every
 * record of `store` in `database`, by key, as { bytes } (base64 of a Uint8Array) or
 * { other } (anything else, as JSON). Never creates the database.
 */
export function readIndexedDbInPage([database, store]) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(database);
    // No database yet: do not create one (the app creates it with its object store).
    open.onupgradeneeded = () => open.transaction.abort();
    open.onerror = () => resolve({});
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(store)) {
        db.close();
        resolve({});
        return;
      }
      const records = db.transaction(store).objectStore(store);
      const keys = records.getAllKeys();
      const values = records.getAll();
      values.onerror = () => reject(values.error);
      values.onsuccess = () => {
        const out = {};
        keys.result.forEach((key, i) => {
          const value = values.result[i];
          out[key] =
            value instanceof Uint8Array
              ? { bytes: btoa(Array.from(value, (byte) => String.fromCharCode(byte)).join('')) }
              : { other: JSON.stringify(value) };
        });
        db.close();
        resolve(out);
      };
    };
  });
}

/** What Hear Me's IndexedDB holds, by key, as text (see everythingStored). */
export async function storedInIndexedDb(page) {
  const stored = await page.evaluate(readIndexedDbInPage, [DATABASE, RECORDS]);
  return Object.fromEntries(
    Object.entries(stored).map(([key, value]) => {
      if (value.other !== undefined) return [key, value.other];
      const bytes = Buffer.from(value.bytes, 'base64');
      const sealed = bytes.subarray(0, 4).toString('latin1') === 'hm1.';
      return [key, sealed ? `hm1.${bytes.subarray(4).toString('base64')}` : bytes.toString('utf8')];
    }),
  );
}

/**
 * Puts `value` under `key` in Hear Me's IndexedDB, as someone with the tablet could: a
 * sealed value given as `hm1.` and base64 is stored as the bytes the app writes, any other
 * text as its UTF-8 bytes. For tests of damaged, planted and put-back records.
 */
export async function plantInIndexedDb(page, key, value) {
  const sealed = value.startsWith('hm1.');
  const bytes = sealed
    ? Buffer.concat([Buffer.from('hm1.', 'latin1'), Buffer.from(value.slice(4), 'base64')])
    : Buffer.from(value, 'utf8');
  await changeIndexedDb(page, key, bytes.toString('base64'));
}

/** Removes `key` from Hear Me's IndexedDB. */
export const removeFromIndexedDb = (page, key) => changeIndexedDb(page, key, null);

/** Puts the bytes given in base64 under `key`, or with null deletes it, in one transaction. */
async function changeIndexedDb(page, key, base64) {
  await page.evaluate(
    ([database, store, key, base64]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(database);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const transaction = db.transaction(store, 'readwrite');
          const records = transaction.objectStore(store);
          if (base64 === null) records.delete(key);
          else records.put(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)), key);
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    [DATABASE, RECORDS, key, base64],
  );
}

/**
 * Raw view of every session record: [{ key, raw, record }] where record is the
 * parsed JSON or null when the value does not parse. Drawings in the record also
 * have their ink read out as `strokes` and `stamps` (see decodeInk). Sealed records
 * also give `sealed`, as stored (see everythingStored).
 */
const INK_PREFIX = 'hear-me/ink/';

export async function storedSessionEntries(page, passphrase = PASSPHRASE) {
  assertStillInApp(page);
  try {
    const stored = await everythingStored(page);
    const entries = Object.keys(stored)
      .filter((key) => key.startsWith(SESSION_PREFIX))
      .sort()
      .map((key) => {
        let record = null;
        try {
          record = JSON.parse(stored[key]);
        } catch {
          record = null;
        }
        return { key, raw: stored[key], record };
      });
    // Sealed records are opened here, in Node, with Node's own AES-256-GCM and an Argon2id
    // from hash-wasm: an independent check that the app stores standard encryption.
    for (const entry of entries) {
      if (!isSealed(entry.raw)) continue;
      entry.sealed = entry.raw;
      entry.raw = openSealed(await vaultKeyFor(stored[VAULT_KEY], passphrase), entry.key, entry.raw);
      try {
        entry.record = JSON.parse(entry.raw);
      } catch {
        entry.record = null;
      }
    }
    for (const entry of entries) if (entry.record !== null) withDecodedDrawings(entry.record);
    // Finished strokes saved as records of their own since the visit's last full save (the
    // ink log, src/store/ink_log.rs) are added as the app adds them at unlock: in order,
    // only those over the record's own revision. `logged` counts them.
    const logKeys = Object.keys(stored).filter((key) => key.startsWith(INK_PREFIX)).sort();
    for (const entry of entries) {
      entry.logged = 0;
      const session = entry.record?.session;
      if (!session || !isSealed(entry.sealed)) continue;
      const revision = entry.record.revision ?? 0;
      const own = `${INK_PREFIX}${entry.key.slice(SESSION_PREFIX.length)}/${String(revision).padStart(20, '0')}/`;
      for (const key of logKeys.filter((k) => k.startsWith(own))) {
        const logged = JSON.parse(openSealed(await vaultKeyFor(stored[VAULT_KEY], passphrase), key, stored[key]));
        const drawing = session.questions?.[logged.question]?.entries?.find((e) => e.id === logged.entry);
        if (!drawing || drawing.kind !== 'drawing' || session.finished_at) continue;
        drawing.strokes.push(...decodeInk(logged.stroke).strokes);
        entry.logged += 1;
      }
    }
    return entries;
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

// --- encryption at rest ----------------------------------------------------

export const isSealed = (raw) => typeof raw === 'string' && raw.startsWith('hm1.');

const derivedKeys = new Map();

/** The AES key for a stored vault record (its JSON text) and a passphrase, as the app derives it. */
export async function vaultKeyFor(vaultRaw, passphrase = PASSPHRASE) {
  if (!vaultRaw) throw new Error('no vault record: the app stored sealed data without one');
  const { kdf, wrapped_key: wrapped } = JSON.parse(vaultRaw).vault;
  expect_argon2id(kdf);
  const id = `${kdf.salt}:${kdf.memory_kib}:${kdf.iterations}:${wrapped ?? ''}:${passphrase}`;
  if (!derivedKeys.has(id)) {
    const key = await argon2id({
      password: passphrase,
      salt: Buffer.from(kdf.salt, 'base64'),
      parallelism: kdf.parallelism,
      iterations: kdf.iterations,
      memorySize: kdf.memory_kib,
      hashLength: 32,
      outputType: 'binary',
    });
    // After a change of passphrase, the passphrase's key only unwraps the records' key.
    const passphraseKey = Buffer.from(key);
    derivedKeys.set(id, wrapped ? openSealedBytes(passphraseKey, 'hear-me/vault#key', wrapped) : passphraseKey);
  }
  return derivedKeys.get(id);
}

function expect_argon2id(kdf) {
  if (kdf.algorithm !== 'argon2id') throw new Error(`unexpected KDF ${kdf.algorithm}`);
}

/** Opens `hm1.` + base64(nonce 12 | ciphertext | tag 16), bound to its storage key. Throws if it does not open. */
export function openSealed(key, storageKey, sealed) {
  return openSealedBytes(key, storageKey, sealed).toString('utf8');
}

export function openSealedBytes(key, storageKey, sealed) {
  const bytes = Buffer.from(sealed.slice(4), 'base64');
  const nonce = bytes.subarray(0, 12);
  const tag = bytes.subarray(bytes.length - 16);
  const ciphertext = bytes.subarray(12, bytes.length - 16);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(Buffer.from(storageKey, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

/** The vault record as stored (unsealed: it holds only the key's parameters and sealed values). */
export const storedVault = async (page) => JSON.parse((await everythingStored(page))[VAULT_KEY]).vault;

/** A browser that refuses storage altogether, as private modes and locked-down tablets can. */
export async function refuseStorage(page) {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The user has turned storage off.', 'SecurityError');
      },
    });
  });
}

/** What the browser says this site uses and may use. */
export const storageEstimate = (page) => page.evaluate(() => navigator.storage.estimate());
