// The walk through the app's screens, shared by the specs that check every screen: the
// accessibility walk (axe-core, target sizes) and the fields walk (nothing typed leaves the
// tablet by itself). One walk through the app, as a worker and as a child ("Give to the
// child"), and in Arabic.
//
// To check a new screen, add a step to WALK: a name, `child: true` when the child holds the
// tablet there, and `go`, which gets there from the step before.
import { PIN, drawWithTouch } from './helpers.mjs';
import {
  expect,
  button,
  heading,
  drawingArea,
  wordsBox,
  startForm,
  setUpHeading,
  lockedHeading,
  setUpVault,
  unlock,
  texts,
  filled,
  openSessionFolds,
  inConversationDetails,
  sharingFor,
  walkToWhoWillSee,
} from './flows.mjs';

const EN = texts('en');
const AR = texts('ar');

/**
 * A worker's control beside a child whose language is Arabic: in the worker's language
 * (issue 23), or in the child's, as before.
 */
export const workersControl = (page, key) =>
  page.getByRole('button', { name: new RegExp(`^(${EN[key]}|${AR[key]})$`) });
export const door = (page, name) => page.getByRole('button', { name: new RegExp(`^${name}`) });
export const pace = (page, t = EN) => page.getByRole('group', { name: t.childs_pace });
export const pinDialog = (page) => page.getByRole('dialog', { name: EN.pin_title });

export async function givePin(page) {
  await pinDialog(page).getByLabel('Worker PIN').fill(PIN);
  await pinDialog(page).getByRole('button', { name: EN.pin_continue }).click();
  await expect(pinDialog(page)).toHaveCount(0);
}

/**
 * The walk: each step gets from the step before to one screen, which is then checked.
 * `child`: the child holds the tablet here (child mode), so its targets are measured too.
 */
export const WALK = [
  {
    name: 'set-up',
    go: async (page) => {
      await page.goto('/');
      await expect(setUpHeading(page)).toBeVisible();
    },
  },
  {
    name: 'start, no sessions yet',
    go: async (page) => {
      await setUpVault(page);
      await expect(startForm(page).start).toBeVisible();
    },
  },
  {
    name: 'settings',
    go: async (page) => {
      await button(page, 'Settings').click();
      await expect(heading(page, EN.settings_heading)).toBeVisible();
    },
  },
  {
    name: 'privacy',
    go: async (page) => {
      await button(page, EN.privacy_open).click();
      await expect(heading(page, EN.privacy_heading)).toBeVisible();
    },
  },
  {
    name: 'session',
    go: async (page) => {
      await button(page, EN.all_children).click();
      const form = startForm(page);
      await form.name.fill('Ada');
      await form.age.fill('7');
      await form.start.click();
      await expect(heading(page, 'Session with Ada')).toBeVisible();
    },
  },
  {
    name: 'the session, its folds open',
    go: async (page) => {
      await openSessionFolds(page);
      await expect(page.locator('details.session-fold[open]')).toHaveCount(2);
    },
  },
  {
    name: 'about this conversation',
    go: async (page) => {
      await button(page, EN.details_heading).click();
      await expect(page.getByRole('dialog', { name: EN.details_heading })).toBeVisible();
    },
  },
  {
    name: 'people the child can choose',
    go: async (page) => {
      await page.getByRole('dialog', { name: EN.details_heading }).getByRole('button', { name: EN.done, exact: true }).click();
      await button(page, EN.choose_audiences).click();
      await expect(page.getByRole('dialog', { name: EN.choose_audiences })).toBeVisible();
    },
  },
  {
    name: 'before we start',
    go: async (page) => {
      await page.getByRole('dialog', { name: EN.choose_audiences }).getByRole('button', { name: EN.done, exact: true }).click();
      await page.getByRole('button', { name: new RegExp(`^${EN.before_open}`) }).click();
      await expect(heading(page, EN.before_heading)).toBeVisible();
    },
  },
  {
    name: 'Three Houses',
    go: async (page) => {
      await button(page, EN.before_done).click();
      await button(page, 'Three Houses').click();
      await expect(door(page, 'House of Worries')).toBeVisible();
    },
  },
  {
    name: 'a house, empty',
    go: async (page) => {
      await door(page, 'House of Worries').click();
      await expect(heading(page, 'House of Worries')).toBeVisible();
    },
  },
  {
    name: 'drawing',
    go: async (page) => {
      await button(page, EN.draw).click();
      await drawWithTouch(page, drawingArea(page), [[0.2, 0.4], [0.5, 0.6], [0.8, 0.4]]);
    },
  },
  {
    name: 'words',
    go: async (page) => {
      await button(page, EN.done).click();
      await button(page, EN.write_words).click();
      await wordsBox(page).fill('When Dad shouts at night');
    },
  },
  {
    name: 'a house with a drawing and words',
    go: async (page) => {
      await button(page, EN.done).click();
      await expect(page.getByText('When Dad shouts at night', { exact: true })).toBeVisible();
    },
  },
  {
    name: 'read-back',
    go: async (page) => {
      await button(page, EN.read_back).click();
      await expect(heading(page, /^Read back/)).toBeVisible();
    },
  },
  {
    name: 'who may see what',
    go: async (page) => {
      await button(page, EN.done).click();
      await button(page, EN.back_to_houses).click();
      await button(page, EN.back_to_session).click();
      await openSessionFolds(page);
      await page.getByRole('button', { name: new RegExp(`^${EN.sharing_tool}`) }).click();
      await expect(heading(page, 'Who may see what?')).toBeVisible();
    },
  },
  {
    name: 'who may see what: one entry',
    go: async (page) => {
      const choices = await sharingFor(page, 'When Dad shouts at night');
      await choices.getByRole('button', { name: 'Mum', exact: true }).click();
    },
  },
  {
    name: 'who will see what',
    go: async (page) => {
      await walkToWhoWillSee(page);
    },
  },
  {
    name: 'summary',
    go: async (page) => {
      await button(page, EN.done).click();
      await openSessionFolds(page);
      await button(page, 'Summary').click();
      await page.getByRole('combobox', { name: EN.summary_for_label }).selectOption({ label: EN.summary_full_record });
      // The file inside is checked too, once it is there.
      await expect(page.frameLocator('iframe.summary-frame').locator('main')).toBeVisible();
    },
  },
  {
    name: 'held back and passed on',
    go: async (page) => {
      await button(page, EN.worker_decisions_open).click();
      await expect(heading(page, EN.worker_decisions_heading)).toBeVisible();
    },
  },
  {
    name: 'Wizards and Fairies: choose your helper',
    go: async (page) => {
      await button(page, EN.summary_tool).click();
      await button(page, EN.back_to_session).click();
      await button(page, 'Wizards and Fairies').click();
      await expect(heading(page, EN.choose_helper_heading)).toBeVisible();
    },
  },
  {
    name: 'Wizards and Fairies: a helper chosen',
    go: async (page) => {
      await page.getByRole('list', { name: EN.choose_helper_heading }).getByRole('button', { name: 'Dragon', exact: true }).click();
      await expect(button(page, EN.go_to_helpers)).toBeVisible();
    },
  },
  {
    name: 'Wizards and Fairies: the helpers',
    go: async (page) => {
      await button(page, EN.go_to_helpers).click();
      await expect(heading(page, EN.helpers_heading)).toBeVisible();
    },
  },
  // The child holds the tablet.
  {
    name: 'the helpers, the child\'s',
    child: true,
    go: async (page) => {
      await button(page, EN.hand_to_child).click();
      await expect(pace(page)).toBeVisible();
    },
  },
  {
    name: 'a helper, the child\'s',
    child: true,
    go: async (page) => {
      await door(page, 'Good Things dragon').click();
      await expect(heading(page, 'Good Things dragon')).toBeVisible();
    },
  },
  {
    name: 'drawing, the child\'s',
    child: true,
    go: async (page) => {
      await button(page, EN.draw).click();
      await drawWithTouch(page, drawingArea(page), [[0.3, 0.3], [0.6, 0.7]]);
    },
  },
  {
    name: 'words, the child\'s',
    child: true,
    go: async (page) => {
      await button(page, EN.done).click();
      await button(page, EN.write_words).click();
      await wordsBox(page).fill('My dog Max');
    },
  },
  {
    name: 'a helper with a drawing and words, the child\'s',
    child: true,
    go: async (page) => {
      await button(page, EN.done).click();
      await expect(page.getByText('My dog Max', { exact: true })).toBeVisible();
    },
  },
  {
    name: 'taking out, asked first',
    child: true,
    go: async (page) => {
      await button(page, filled(EN.take_out_entry, { number: 2 })).click();
      await expect(page.getByRole('dialog', { name: EN.confirm_take_out_title })).toBeVisible();
    },
  },
  {
    name: 'read-back, the child\'s',
    child: true,
    go: async (page) => {
      await page.getByRole('dialog', { name: EN.confirm_take_out_title }).getByRole('button', { name: EN.take_out }).click();
      await button(page, EN.read_back).click();
      await expect(heading(page, /^Read back/)).toBeVisible();
    },
  },
  {
    name: 'a break',
    child: true,
    go: async (page) => {
      await button(page, EN.done).click();
      await pace(page).getByRole('button', { name: EN.pace_break }).click();
      await expect(page.getByRole('dialog', { name: EN.break_heading })).toBeVisible();
    },
  },
  {
    name: 'quick hide',
    child: true,
    go: async (page) => {
      await page.getByRole('dialog', { name: EN.break_heading }).getByRole('button', { name: EN.break_back }).click();
      await button(page, EN.quick_hide).click();
      await expect(page.locator('.neutral-screen')).toBeVisible();
    },
  },
  {
    name: 'the PIN',
    child: true,
    go: async (page) => {
      await button(page, EN.unhide).click();
      await expect(pinDialog(page)).toBeVisible();
    },
  },
  {
    name: 'the child wanted to stop',
    child: true,
    go: async (page) => {
      await givePin(page);
      if (await button(page, EN.hand_to_child).isVisible()) await button(page, EN.hand_to_child).click();
      await pace(page).getByRole('button', { name: EN.pace_stop }).click();
      await expect(page.getByRole('dialog', { name: EN.stopped_heading })).toBeVisible();
    },
  },
  {
    name: 'a helper with an entry the child took out',
    go: async (page) => {
      await page.getByRole('dialog', { name: EN.stopped_heading }).getByRole('button', { name: EN.worker_takes_over }).click();
      await givePin(page);
      await button(page, EN.wizards_and_fairies).click();
      await door(page, 'Good Things dragon').click();
      await expect(page.getByText(/^Taken out by the child at /)).toBeVisible();
    },
  },
  {
    name: 'the houses, the child\'s',
    child: true,
    go: async (page) => {
      await button(page, EN.back_to_helpers).click();
      await button(page, EN.back_to_session).click();
      await button(page, EN.three_houses).click();
      await button(page, EN.hand_to_child).click();
      await expect(pace(page)).toBeVisible();
    },
  },
  {
    name: 'a house with a drawing and words, the child\'s',
    child: true,
    go: async (page) => {
      await door(page, 'House of Worries').click();
      await expect(page.getByText('When Dad shouts at night', { exact: true })).toBeVisible();
    },
  },
  {
    name: 'who may see what, the child\'s',
    child: true,
    go: async (page) => {
      await button(page, EN.back_to_houses).click();
      await button(page, EN.sharing_tool).click();
      await expect(heading(page, 'Who may see what?')).toBeVisible();
    },
  },
  {
    name: 'who may see what: one entry, the child\'s',
    child: true,
    go: async (page) => {
      await sharingFor(page, 'When Dad shouts at night');
    },
  },
  {
    name: 'who will see what, the child\'s',
    child: true,
    go: async (page) => {
      await walkToWhoWillSee(page);
    },
  },
  {
    name: 'locked',
    go: async (page) => {
      // Back in the house first: unlocked, the app opens where it was left.
      await button(page, EN.done).click();
      await door(page, 'House of Worries').click();
      await page.reload();
      await expect(lockedHeading(page)).toBeVisible();
    },
  },
  {
    name: 'start, with a session',
    go: async (page) => {
      await unlock(page);
      // Unlocked, the app opens where it was left (the house), in the worker's hands.
      await button(page, EN.back_to_houses).click();
      await button(page, EN.back_to_session).click();
      await button(page, EN.all_children).click();
      await expect(startForm(page).start).toBeVisible();
    },
  },
  // A child whose language is Arabic: the child's screens run right to left.
  {
    name: 'the houses, the child\'s, in Arabic',
    child: true,
    go: async (page) => {
      await button(page, filled(EN.open_session, { name: 'Ada' })).click();
      await inConversationDetails(page, (details) => details.getByRole('combobox', { name: EN.child_language_label, exact: true }).selectOption('ar'));
      await button(page, EN.three_houses).click();
      await workersControl(page, 'hand_to_child').click();
      await expect(pace(page, AR)).toBeVisible();
    },
  },
  {
    name: 'a house with a drawing and words, the child\'s, in Arabic',
    child: true,
    go: async (page) => {
      await door(page, AR.house_worries).click();
      await expect(page.getByText('When Dad shouts at night', { exact: true })).toBeVisible();
    },
  },
  // The worker's language, Arabic: the whole page runs right to left.
  {
    name: 'start, in Arabic',
    go: async (page) => {
      await pace(page, AR).getByRole('button', { name: AR.pace_stop }).click();
      await workersControl(page.getByRole('dialog'), 'worker_takes_over').click();
      await givePin(page);
      await button(page, EN.all_children).click();
      await button(page, 'العربية').click();
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    },
  },
  {
    name: 'session, in Arabic',
    go: async (page) => {
      await button(page, filled(AR.open_session, { name: 'Ada' })).click();
      await expect(heading(page, filled(AR.session_heading, { name: 'Ada' }))).toBeVisible();
    },
  },
];
