// Children over months: from the start screen's list of children to Mia's page, a new visit
// that carries over her helper, and the over-time screen with both visits side by side.
import { check } from './browser.mjs';

const WISH = 'A red kite and a day at the sea';

/** How many buttons carry an aria-label that starts with `start`. */
function labelled(browser, start) {
  return browser.inPage(
    `return Array.from(document.querySelectorAll('button[aria-label]'))
       .filter((b) => b.getAttribute('aria-label').startsWith(${JSON.stringify(start)})).length;`,
  );
}

export default async function children(browser) {
  // Wherever the flow before left off, back to the list of children.
  for (const back of ['Back to the houses', 'Back to the session']) {
    if ((await browser.text()).includes(back)) await browser.click(back);
  }
  await browser.click('All children');
  await browser.waitForText('Children on this tablet');
  const list = await browser.find("//ul[@aria-labelledby='children-heading']", 'the list of children');
  const row = await list.getText();
  check(row.includes('Mia') && row.includes('Visits: 1'), 'the start screen lists Mia with her one visit', row);

  await browser.click('Mia: all visits');
  await browser.waitForText('New visit');
  check((await labelled(browser, 'Open the visit of')) === 1, "Mia's page lists her one visit");

  await browser.click('New visit');
  await browser.waitForText('Session with Mia');
  const visits = await browser.until(async () => {
    const mias = (await browser.sessions()).filter((r) => r?.session?.child?.name === 'Mia');
    return mias.length === 2 ? mias : null;
  }, 'the new visit being stored');
  const newest = visits.find((r) => !(r.session.questions?.dreams?.entries ?? []).length);
  check(
    newest?.session?.helper?.kind === 'dragon' && newest.session.helper.main === 'teal' && newest.session.child_id === visits[0].session.child_id,
    'the new visit is Mia\'s and carries over her dragon and its colours, and none of her words',
    JSON.stringify(newest?.session?.helper),
  );

  await browser.click('Over time');
  await browser.waitForText('Mia over time');
  const columns = await browser.count('table thead th');
  check(columns === 3, 'over time shows the question and one column per visit', `${columns} column heads`);
  check((await browser.text()).includes(WISH), "over time shows Mia's wish from her first visit");
  await browser.click('Back to the session');
  await browser.waitForText('Session with Mia');
}
