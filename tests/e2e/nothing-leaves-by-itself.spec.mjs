// End-to-end: nothing typed leaves the tablet by itself, nothing in the summary's frame runs,
// and the console never quotes a child's record (issue 24, "Fields that leave by themselves"
// and "Console warnings").
//
// Every field that holds a child's words, a name, a note, a reason, a response or a passphrase
// says spellcheck="false", autocorrect="off" and autocomplete="off" (Chrome's enhanced spell
// check sends what is typed to Google; form history offers it to the next person), and an
// autocapitalize of its own (src/ui/fields.rs). Checked two ways: on every screen of the
// accessibility walk (walk.mjs) and of a walk through the worker's forms, every field shown;
// and, throughout both, every field that appears at all, even in a dialog opened and closed
// within one step (a MutationObserver put in before the app starts).
import { createCipheriv, randomBytes } from 'node:crypto';
import {
  test,
  expect,
  button,
  heading,
  texts,
  filled,
  openApp,
  givePassphraseWhenAsked,
  startSession,
  addWords,
  openDrawing,
  openSessionFolds,
  reloadAndUnlock,
  sharingFor,
  walkToWhoWillSee,
} from './flows.mjs';
import { WALK, door } from './walk.mjs';
import { drawWithTouch, everythingStored, plantInIndexedDb, storedSessionEntries, vaultKeyFor, VAULT_KEY } from './helpers.mjs';

const EN = texts('en');
// A step that cannot find its way fails in seconds, not at the end of the whole walk.
test.use({ actionTimeout: 10_000 });

/**
 * Runs in the page before the app: watches every field that appears and keeps those that
 * would let their text leave, and gives `hearMeFields.now()` for the fields on screen.
 */
function watchFields() {
  // Fields that hold typed text; a checkbox, a radio, a slider or a file chooser holds none.
  const FIELD =
    'input:not([type=checkbox]):not([type=radio]):not([type=range]):not([type=file]):not([type=button])' +
    ':not([type=submit]):not([type=reset]):not([type=color]):not([type=hidden]), textarea, [contenteditable]:not([contenteditable=false])';
  const describe = (el) => {
    const label = (el.labels?.[0]?.innerText || el.getAttribute('aria-label') || el.id || el.name || '').trim().replace(/\s+/g, ' ').slice(0, 60);
    const type = el.tagName === 'INPUT' ? ` type=${el.type}` : '';
    return `<${el.tagName.toLowerCase()}${type}> "${label}"`;
  };
  const wrongIn = (el) => {
    const wrong = [];
    const has = (name, ...values) => {
      if (!values.includes(el.getAttribute(name))) wrong.push(`${name}=${JSON.stringify(el.getAttribute(name))}`);
    };
    has('spellcheck', 'false');
    has('autocorrect', 'off');
    has('autocomplete', 'off');
    // What is kept as typed (a passphrase above all) gets no capital from the keyboard.
    if (el.type === 'password') has('autocapitalize', 'off');
    else has('autocapitalize', 'off', 'sentences');
    return wrong;
  };
  const seen = new Set();
  const faults = new Map();
  const check = (el) => {
    const name = describe(el);
    seen.add(name);
    const wrong = wrongIn(el);
    if (wrong.length) faults.set(name, wrong.join(', '));
  };
  const scan = (node) => {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    if (node.matches(FIELD)) check(node);
    node.querySelectorAll(FIELD).forEach(check);
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') scan(record.target);
      else record.addedNodes.forEach(scan);
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['spellcheck', 'autocorrect', 'autocomplete', 'autocapitalize', 'type', 'contenteditable'],
  });
  window.hearMeFields = {
    /** Every field that appeared without its attributes, since the page loaded. */
    faults: () => [...faults].map(([name, wrong]) => `${name}: ${wrong}`),
    /** Every field that appeared. */
    seen: () => [...seen],
    /** The fields on screen now (and in the summary's frame) without their attributes. */
    now: () => {
      const documents = [document, ...[...document.querySelectorAll('iframe')].map((frame) => frame.contentDocument).filter(Boolean)];
      return documents.flatMap((doc) =>
        [...doc.querySelectorAll(FIELD)].flatMap((el) => {
          const wrong = wrongIn(el);
          return wrong.length ? [`${describe(el)}: ${wrong.join(', ')}`] : [];
        }),
      );
    },
    /** What the check finds in a field made from `html`: the check's own test. */
    wrongIn: (html) => {
      const holder = document.createElement('div');
      holder.innerHTML = html;
      return wrongIn(holder.firstElementChild);
    },
  };
}

/**
 * Goes through `steps`, checking the fields on each screen, and after each step every field
 * that appeared since the page loaded (a reload starts a new list); gives every fault found.
 */
async function walkChecking(page, steps) {
  const problems = new Set();
  const appearedBy = new Map();
  for (const step of steps) {
    await test.step(step.name, async () => {
      await step.go(page);
      const { now, appeared } = await page.evaluate(() => ({ now: window.hearMeFields.now(), appeared: window.hearMeFields.faults() }));
      for (const line of now) problems.add(`${step.name}: ${line}`);
      for (const line of appeared) if (!appearedBy.has(line)) appearedBy.set(line, step.name);
    });
  }
  return [...problems, ...[...appearedBy].map(([line, step]) => `appeared by ${step}: ${line}`)];
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(watchFields);
});

test('every field on every screen of the walk keeps its text on the tablet', async ({ page }) => {
  // The walk of the accessibility spec without axe: a minute or two on a busy machine.
  test.setTimeout(240_000);
  const problems = await walkChecking(page, WALK);
  expect(problems, problems.join('\n')).toEqual([]);
  // The check itself finds a field that lacks one of them.
  expect(await page.evaluate(() => window.hearMeFields.wrongIn('<input type="text" spellcheck="false" autocomplete="off" autocapitalize="off">'))).toEqual([
    'autocorrect=null',
  ]);
  expect(await page.evaluate(() => window.hearMeFields.wrongIn('<textarea spellcheck="false" autocorrect="off" autocomplete="off"></textarea>'))).toEqual([
    'autocapitalize=null',
  ]);
  expect(await page.evaluate(() => window.hearMeFields.wrongIn('<input type="password" spellcheck="false" autocorrect="off" autocomplete="current-password" autocapitalize="off">'))).toEqual([
    'autocomplete="current-password"',
  ]);
});

/** The worker's forms the accessibility walk does not open, in English. */
const FORMS = [
  {
    name: 'a session, its details: people, interpreter, consent not sought',
    go: async (page) => {
      await openApp(page);
      await startSession(page, { name: 'Mia', age: 8, worker: 'Sam' });
      await openSessionFolds(page);
      await button(page, EN.details_heading).click();
      const details = page.getByRole('dialog', { name: EN.details_heading });
      await details.getByRole('button', { name: EN.add_person, exact: true }).click();
      await details.getByRole('radio', { name: EN.consent_not_sought }).check();
      await expect(details.getByRole('textbox', { name: /^Why not sought/ })).toBeVisible();
      await expect(details.getByRole('textbox', { name: EN.interpreter_name_label })).toBeVisible();
    },
  },
  {
    name: 'words, a drawing with its caption, and the question asked',
    go: async (page) => {
      await page.getByRole('dialog', { name: EN.details_heading }).getByRole('button', { name: EN.done, exact: true }).click();
      await button(page, EN.three_houses).click();
      await door(page, 'House of Worries').click();
      await addWords(page, 'Dad shouts');
      await drawWithTouch(page, await openDrawing(page), [[0.2, 0.4], [0.6, 0.5]]);
      await button(page, EN.done).click();
      await expect(page.getByRole('textbox', { name: EN.caption_label })).toBeVisible();
      await expect(page.getByRole('textbox', { name: EN.worker_question_label }).first()).toBeVisible();
    },
  },
  {
    name: 'a house given its own name',
    go: async (page) => {
      await button(page, EN.back_to_houses).click();
      await page.getByRole('button', { name: new RegExp(`^${filled(EN.rename_house, { house: 'House of Worries' })}`) }).click();
      await expect(page.getByRole('dialog', { name: EN.rename_title })).toBeVisible();
    },
  },
  {
    name: 'the child shares with Mum',
    go: async (page) => {
      await page.getByRole('dialog', { name: EN.rename_title }).getByRole('button', { name: EN.cancel }).click();
      await button(page, EN.sharing_tool).click();
      const choices = await sharingFor(page, 'Dad shouts');
      await choices.getByRole('button', { name: 'Mum', exact: true }).click();
      await walkToWhoWillSee(page);
    },
  },
  {
    name: 'a summary for Mum, with a note for its readers',
    go: async (page) => {
      await button(page, EN.done).click();
      await openSessionFolds(page);
      await button(page, EN.summary_tool).click();
      await page.getByRole('combobox', { name: EN.summary_for_label }).selectOption({ label: 'Mum' });
      await expect(page.getByRole('textbox', { name: new RegExp(`^${EN.note_for_readers}`) })).toBeVisible();
    },
  },
  {
    name: 'held back: the reason, who decided, the day',
    go: async (page) => {
      await button(page, EN.worker_decisions_open).click();
      await expect(heading(page, EN.worker_decisions_heading)).toBeVisible();
      await page.getByRole('listitem').filter({ hasText: 'Dad shouts' }).getByRole('button', { name: EN.hold_back }).click();
      await expect(page.getByRole('dialog').getByRole('textbox', { name: EN.summary_reason })).toBeVisible();
    },
  },
  {
    name: 'passed on: to someone else, the reason',
    go: async (page) => {
      await page.getByRole('dialog').getByRole('button', { name: EN.cancel }).click();
      await page.getByRole('listitem').filter({ hasText: 'Dad shouts' }).getByRole('button', { name: EN.pass_on }).click();
      await expect(page.getByRole('dialog').getByRole('textbox', { name: EN.passed_to_other })).toBeVisible();
    },
  },
  {
    name: 'finished, a response added, and the words amended',
    go: async (page) => {
      await page.getByRole('dialog').getByRole('button', { name: EN.cancel }).click();
      await button(page, EN.summary_tool).click();
      await button(page, EN.back_to_session).click();
      await openSessionFolds(page);
      await button(page, EN.finish_button).click();
      await page.getByRole('dialog').getByRole('button', { name: EN.finish_button, exact: true }).click();
      const responses = page.getByRole('region', { name: EN.responses_heading });
      await responses.getByRole('textbox', { name: EN.response_who_label }).last().fill('Mum');
      await responses.getByRole('textbox', { name: EN.response_text_label }).last().fill('She will come to the meeting');
      await responses.getByRole('button', { name: EN.add_response }).click();
      await expect(responses.getByRole('textbox', { name: EN.response_who_label })).toHaveCount(2);
      await button(page, EN.three_houses).click();
      await door(page, 'House of Worries').click();
      await button(page, 'Open entry 1').click();
      await button(page, EN.amend_button).click();
      await expect(page.getByRole('dialog', { name: EN.amend_button }).getByRole('textbox', { name: EN.amend_reason_label })).toBeVisible();
    },
  },
  {
    name: 'settings: backup, restore, passphrase, PIN, and the wipe\'s typed word',
    go: async (page) => {
      await page.getByRole('dialog', { name: EN.amend_button }).getByRole('button', { name: EN.cancel }).click();
      await button(page, EN.done).click();
      await button(page, EN.back_to_houses).click();
      await button(page, EN.back_to_session).click();
      await button(page, EN.all_children).click();
      await button(page, 'Settings').click();
      await button(page, EN.wipe_device).click();
      // The tablet's passphrase is asked first (its field is checked too), then the wipe's word.
      await givePassphraseWhenAsked(page);
      await expect(page.getByRole('dialog').getByRole('textbox')).toBeVisible();
    },
  },
];

test('every field of the worker\'s forms and dialogs keeps its text on the tablet', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = await walkChecking(page, FORMS);
  expect(problems, problems.join('\n')).toEqual([]);
  // The walk met the fields it is about.
  const seen = (await page.evaluate(() => window.hearMeFields.seen())).join('\n');
  for (const label of [
    EN.passphrase_label, EN.backup_passphrase_label, EN.current_passphrase_label, EN.new_pin_label, EN.words_label,
    EN.caption_label, EN.worker_question_label, EN.rename_field, EN.summary_reason, EN.passed_to_other,
    EN.note_for_readers, EN.response_text_label, EN.amend_reason_label, EN.interpreter_name_label,
    filled(EN.wipe_type_word, { word: EN.wipe_word }),
  ]) {
    expect(seen, `a field labelled "${label}" was checked`).toContain(label);
  }
});

test('the summary\'s frame is sandboxed: nothing in it runs, and Print still prints', async ({ page }) => {
  const consoleLines = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  await openApp(page);
  await startSession(page, { name: 'Mia', age: 8 });
  await button(page, EN.three_houses).click();
  await door(page, 'House of Good Things').click();
  await addWords(page, '<script>parent.ranInTheFrame = 1</script><img src=x onerror="parent.ranInTheFrame = 2">');
  await button(page, EN.back_to_houses).click();
  await button(page, EN.back_to_session).click();
  await openSessionFolds(page);
  await button(page, EN.summary_tool).click();
  await page.getByRole('combobox', { name: EN.summary_for_label }).selectOption({ label: EN.summary_full_record });
  const frame = page.locator('iframe.summary-frame');
  await expect(page.frameLocator('iframe.summary-frame').locator('main')).toBeVisible();
  // Scripts never, nor forms, pop-ups, downloads or the tab's navigation: only the app's own
  // Print reaches in (same origin) and opens the print dialog (modals).
  await expect(frame).toHaveAttribute('sandbox', 'allow-same-origin allow-modals');
  const tokens = await frame.evaluate((el) => [...el.sandbox]);
  expect(tokens.sort()).toEqual(['allow-modals', 'allow-same-origin']);

  // A document with a script put into the frame as the app puts the summary: the sandbox
  // stops it (the child's words above are escaped anyway, and ran nothing either).
  await frame.evaluate((el) => {
    el.srcdoc = '<!doctype html><main>planted</main><script>parent.ranInTheFrame = 3</script>';
  });
  await expect(page.frameLocator('iframe.summary-frame').locator('main')).toHaveText('planted');
  expect(await page.evaluate(() => window.ranInTheFrame ?? null)).toBeNull();
  expect(consoleLines.join('\n')).toMatch(/Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/);

  // Print, with the browser's own print(): not ignored for want of allow-modals, and noted.
  await page.getByRole('combobox', { name: EN.summary_for_label }).selectOption({ label: 'Mum' });
  await page.getByRole('combobox', { name: EN.summary_for_label }).selectOption({ label: EN.summary_full_record });
  await expect(page.frameLocator('iframe.summary-frame').locator('main')).toContainText('parent.ranInTheFrame');
  await button(page, EN.print_summary).click();
  const exports = page.getByRole('region', { name: EN.exports_heading });
  await expect(exports.getByRole('listitem').first()).toContainText(EN.summary_printed);
  expect(consoleLines.join('\n')).not.toMatch(/Ignored call to 'print\(\)'/);
  expect(await page.evaluate(() => window.ranInTheFrame ?? null)).toBeNull();
});

/** Seals `text` for `storageKey` as the app does: `hm1.` + base64(nonce | ciphertext | tag). */
function seal(key, storageKey, text) {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(storageKey, 'utf8'));
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return `hm1.${Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64')}`;
}

test('a damaged record holding a child\'s name is reported in the console without the name', async ({ page }) => {
  const consoleLines = [];
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  const NAME = 'Hildegard';
  await openApp(page);
  await startSession(page, { name: NAME, age: 9 });
  await expect.poll(async () => (await storedSessionEntries(page)).length).toBe(1);
  const [{ key, record }] = await storedSessionEntries(page);
  // Sealed properly, so it opens, but the age holds the child's name: not the expected shape.
  record.session.child.age = `${NAME} Rosenthal`;
  const key256 = await vaultKeyFor((await everythingStored(page))[VAULT_KEY]);
  await plantInIndexedDb(page, key, seal(key256, key, JSON.stringify(record)));
  consoleLines.length = 0;
  await reloadAndUnlock(page);

  // Reported on screen, to the worker, under the name the index keeps.
  await expect(page.getByText(/could not be opened/).first()).toBeVisible();
  // And in the console: which record, and what kind of fault, but not what it holds.
  await expect.poll(() => consoleLines.find((line) => line.includes(key)) ?? '').toContain('not the expected shape (invalid type)');
  const quoting = consoleLines.filter((line) => line.includes(NAME) || line.includes('Rosenthal'));
  expect(quoting, 'no console message quotes the record').toEqual([]);
});
