// End-to-end contract for reading aloud (issue 15): the speaker beside every prompt the child
// sees and beside the child's words in read-back. Headless Chromium has no voices, so the
// browser's speech synthesis is replaced by a recorder with a fake list of voices.
import fs from 'node:fs';
import { test, expect, button, heading, startSession, addWords, openApp } from './flows.mjs';

const locale = (lang) => JSON.parse(fs.readFileSync(new URL(`../../locales/${lang}.json`, import.meta.url), 'utf8'));
const EN = locale('en');
const DE = locale('de');
const PL = locale('pl');

const LOCAL_ENGLISH = { lang: 'en-US', name: 'Local English', localService: true, default: false };
const NETWORK_ENGLISH = { lang: 'en-GB', name: 'Network English', localService: false, default: true };
const GERMAN = { lang: 'de-DE', name: 'German', localService: true, default: false };
const VOICES = [NETWORK_ENGLISH, LOCAL_ENGLISH, GERMAN];

/**
 * Replaces speechSynthesis and SpeechSynthesisUtterance before the app loads. Every `speak`
 * is kept in window.__spoken as { text, lang, voice }; window.__setVoices(list) changes the
 * voices later and fires `voiceschanged`, as a browser does when its voices arrive late.
 */
async function stubSpeech(page, voices) {
  await page.addInitScript((initial) => {
    let voices = initial;
    const listeners = [];
    window.__spoken = [];
    window.__cancelled = 0;
    class FakeUtterance {
      constructor(text = '') {
        this.text = text;
        this.lang = '';
        this.voice = null;
      }
    }
    const synthesis = {
      speaking: false,
      pending: false,
      paused: false,
      onvoiceschanged: null,
      getVoices: () => voices.map((voice) => ({ voiceURI: voice.name, ...voice })),
      speak(utterance) {
        window.__spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice?.name ?? null });
      },
      cancel() {
        window.__cancelled += 1;
      },
      pause() {},
      resume() {},
      addEventListener(type, listener) {
        if (type === 'voiceschanged') listeners.push(listener);
      },
      removeEventListener() {},
    };
    window.__setVoices = (list) => {
      voices = list;
      for (const listener of listeners) listener(new Event('voiceschanged'));
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
    window.SpeechSynthesisUtterance = FakeUtterance;
  }, voices);
}

const spoken = (page) => page.evaluate(() => window.__spoken);

/** Starts a session on the start screen in the language whose texts are `t`. */
async function startIn(page, t, name) {
  await page.getByRole('textbox', { name: t.child_name_label.replace('{{ name }}', name) }).fill(name);
  await button(page, t.start_button).click();
  await expect(heading(page, t.session_heading.replace('{{ name }}', name))).toBeVisible();
}

async function openGoodThings(page, t) {
  await button(page, t.three_houses).click();
  await button(page, t.house_good_things).click();
  await expect(button(page, t.write_words)).toBeVisible();
}

/** The two sentences of the Good Things prompt, as the core splits them. */
const sentencesOf = (text) => text.match(/[^.!?…؟。]+[.!?…؟。]+|[^.!?…؟。]+$/g).map((s) => s.trim());

test('r1) the speaker beside a prompt reads it sentence by sentence with the offline English voice', async ({ page }) => {
  await stubSpeech(page, VOICES);
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 6 });
  await openGoodThings(page, EN);
  const prompt = page.locator('.prompt');
  await expect(prompt).toHaveText(EN.prompt_good_things);

  const speaker = button(page, 'Read aloud');
  await expect(speaker).toHaveCount(1);
  const box = await speaker.boundingBox();
  expect(box.width).toBeGreaterThanOrEqual(48);
  expect(box.height).toBeGreaterThanOrEqual(48);

  await speaker.click();
  const said = await spoken(page);
  expect(said.map((s) => s.text)).toEqual(sentencesOf(EN.prompt_good_things));
  expect(said.length).toBe(2);
  for (const utterance of said) {
    expect(utterance.voice).toBe('Local English');
    expect(utterance.lang).toMatch(/^en/);
  }
  // Anything still being read is stopped first.
  expect(await page.evaluate(() => window.__cancelled)).toBeGreaterThanOrEqual(1);
  await expect(page.getByRole('status').filter({ hasText: EN.no_voice_here })).toHaveCount(0);

  // Leaving the screen stops the reading, so it is not heard over the next screen.
  const cancelledBefore = await page.evaluate(() => window.__cancelled);
  await button(page, EN.back_to_houses).click();
  await expect.poll(() => page.evaluate(() => window.__cancelled)).toBe(cancelledBefore + 1);
  await button(page, EN.house_good_things).click();

  // The words screen has the speaker beside its prompt too.
  await button(page, EN.write_words).click();
  await button(page, 'Read aloud').click();
  expect((await spoken(page)).slice(2).map((s) => s.text)).toEqual(sentencesOf(EN.prompt_good_things));
});

test('r2) in German the German voice reads the German prompt', async ({ page }) => {
  await stubSpeech(page, VOICES);
  await openApp(page);
  await button(page, 'Deutsch').click();
  await startIn(page, DE, 'Lena');
  await openGoodThings(page, DE);
  await button(page, DE.read_aloud).click();
  const said = await spoken(page);
  expect(said.map((s) => s.text)).toEqual(sentencesOf(DE.prompt_good_things));
  expect(said.every((s) => s.voice === 'German' && s.lang === 'de-DE')).toBe(true);
});

test('r3) with no voice for the language the button says so, and a voice that arrives late is used', async ({ page }) => {
  await stubSpeech(page, VOICES);
  await openApp(page);
  await button(page, 'Polski').click();
  await startIn(page, PL, 'Ola');
  await openGoodThings(page, PL);
  await button(page, PL.read_aloud).click();
  await expect(page.getByRole('status').filter({ hasText: PL.no_voice_here })).toBeVisible();
  expect(await spoken(page), 'nothing is read in a wrong voice').toEqual([]);

  // The tablet's voices change (Chrome loads them late): a Polish voice appears.
  await page.evaluate((voices) => window.__setVoices(voices), [
    ...VOICES,
    { lang: 'pl-PL', name: 'Polish', localService: true, default: false },
  ]);
  await expect(page.getByRole('status').filter({ hasText: PL.no_voice_here })).toHaveCount(0);
  await button(page, PL.read_aloud).click();
  const said = await spoken(page);
  expect(said.map((s) => s.text)).toEqual(sentencesOf(PL.prompt_good_things));
  expect(said.every((s) => s.voice === 'Polish')).toBe(true);
});

test('r4) read-back reads the child\'s own words exactly as written', async ({ page }) => {
  await stubSpeech(page, VOICES);
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 6 });
  await openGoodThings(page, EN);
  const words = 'mein hund heißt Bello!! und er ist lieb ... Oma kommt';
  await addWords(page, words);
  await addWords(page, 'I like school');
  await button(page, EN.read_back).click();
  await expect(heading(page, /Read back/)).toBeVisible();
  const entries = page.locator('.read-back-entry');
  await expect(entries).toHaveCount(2);
  await entries.nth(0).getByRole('button', { name: 'Read aloud', exact: true }).click();
  let said = await spoken(page);
  expect(said.map((s) => s.text)).toEqual(['mein hund heißt Bello!!', 'und er ist lieb ...', 'Oma kommt']);
  expect(said.map((s) => s.text).join(' ')).toBe(words);
  expect(said.every((s) => s.voice === 'Local English')).toBe(true);
  await entries.nth(1).getByRole('button', { name: 'Read aloud', exact: true }).click();
  said = await spoken(page);
  expect(said.slice(3).map((s) => s.text)).toEqual(['I like school']);
});

test('r5) the helper choice has the speaker beside its question', async ({ page }) => {
  await stubSpeech(page, VOICES);
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 5 });
  await button(page, EN.wizards_and_fairies).click();
  await expect(heading(page, 'Choose your helper')).toBeVisible();
  await button(page, 'Read aloud').click();
  const said = await spoken(page);
  expect(said.map((s) => s.text).join(' ')).toBe(EN.choose_helper_hint);
  expect(said.length).toBe(3);
});


test("r6) with no voice for the child's language, reading in the worker's is offered", async ({ page }) => {
  await stubSpeech(page, VOICES);
  await openApp(page);
  // The worker works in English; the child speaks Polish, for which the tablet has no voice.
  await page.getByRole('textbox', { name: EN.child_name_label }).fill('Ola');
  await page.getByRole('combobox', { name: EN.child_language_label }).selectOption('pl');
  await button(page, EN.start_button).click();
  await expect(heading(page, EN.session_heading.replace('{{ name }}', 'Ola'))).toBeVisible();
  // The session screen is the worker's; the houses are the child's.
  await button(page, EN.three_houses).click();
  await button(page, PL.house_good_things).click();
  const inEnglish = button(page, PL.read_in_language.replace('{{ language }}', 'English'));
  await expect(inEnglish).toHaveCount(0);
  await button(page, PL.read_aloud).click();
  await expect(page.getByRole('status').filter({ hasText: PL.no_voice_here })).toBeVisible();
  expect(await spoken(page)).toEqual([]);
  await inEnglish.click();
  const said = await spoken(page);
  expect(said.map((s) => s.text)).toEqual(sentencesOf(EN.prompt_good_things));
  expect(said.every((s) => s.voice === 'Local English')).toBe(true);
  // Leaving the screen stops that reading too.
  const cancelledBefore = await page.evaluate(() => window.__cancelled);
  await button(page, PL.back_to_houses).click();
  await expect.poll(() => page.evaluate(() => window.__cancelled)).toBe(cancelledBefore + 1);
});
