// Wizards and Fairies: the child chooses a helper and its colours, and tells the Wishes helper
// a wish; the choice and the wish are stored, marked as made in this tool, and the Worries
// helper holds what the House of Worries holds.
import { check } from './browser.mjs';

const WISH = 'A red kite and a day at the sea';

export default async function wizardsAndFairies(browser) {
  await browser.waitForText('Session with Mia');
  await browser.click('Wizards and Fairies');
  await browser.waitForText('Choose your helper');
  const offered = [];
  for (const kind of ['Fairy', 'Wizard', 'Dragon', 'Unicorn']) {
    const choice = await browser.button(kind, { within: "[aria-label='Choose your helper']" });
    offered.push(await choice.getAttribute('aria-pressed'));
  }
  check(offered.every((pressed) => pressed === 'false'), 'all four helpers are offered and none is chosen for the child', offered.join());
  await browser.click('Dragon', { within: "[aria-label='Choose your helper']" });
  await browser.click('Teal', { within: "[aria-labelledby='helper-main-colour']" });
  await browser.click('Pink', { within: "[aria-labelledby='helper-accent-colour']" });
  const helper = await browser.until(async () => {
    const stored = (await browser.session('Mia'))?.session?.helper;
    return stored?.accent === 'pink' ? stored : null;
  }, 'the chosen helper being stored');
  check(helper.kind === 'dragon' && helper.main === 'teal', 'the chosen helper and its colours are stored', JSON.stringify(helper));

  await browser.click('Meet my helpers');
  await browser.waitForText('Your magical helpers');
  await browser.click('Wishes dragon', { start: true });
  await browser.waitForText('If you could wave my magic wand, what would be different?');
  await browser.click('Write words');
  await browser.fill("The child's words", WISH);
  await browser.click('Done');
  await browser.waitForText('Your wish is written down.');
  check(true, 'a wish told to the Wishes dragon makes the wand answer');
  const dreams = await browser.until(async () => {
    const entries = (await browser.session('Mia'))?.session?.questions?.dreams?.entries ?? [];
    return entries.length ? entries : null;
  }, 'the wish being stored');
  check(
    dreams.length === 1 && dreams[0].text === WISH && dreams[0].tool === 'wizards_and_fairies',
    'the wish is stored exactly, marked as told in Wizards and Fairies',
    JSON.stringify(dreams),
  );

  await browser.click('Back to the helpers');
  await browser.click('Worries dragon', { start: true });
  await browser.waitForText('I worry when Dad shouts at night');
  check(true, 'the Worries dragon holds what the child put in the House of Worries');
  await browser.click('Back to the helpers');
  await browser.click('Back to the session');
  await browser.waitForText('Session with Mia');
}
