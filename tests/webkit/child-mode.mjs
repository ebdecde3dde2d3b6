// Child mode: "Give to the child" keeps the tablet in the tool; the browser's back stays in
// Hear Me and asks for the worker PIN (Cancel stays with the child); the PIN lets the worker out.
import { check, PIN } from './browser.mjs';

const DIALOG = "[role='dialog']";

export default async function childMode(browser, { appUrl }) {
  await browser.waitForText('Session with Mia');
  await browser.click('Three Houses');
  await browser.waitForText('The Three Houses');
  await browser.click('Give to the child');
  await browser.findCss('.childs-pace', "the child's Stop, Break and Pass");
  check(!(await browser.text()).includes('Give to the child'), "given to the child, the Three Houses show the child's bar");

  for (const attempt of ['once', 'again']) {
    await browser.back();
    const title = await browser.find("//*[@role='dialog']//*[normalize-space() = 'Worker PIN, please']", 'the worker PIN dialog');
    const url = await browser.driver.getCurrentUrl();
    check(
      (await title.isDisplayed()) && new URL(url).origin === new URL(appUrl).origin && (await browser.text()).includes('The Three Houses'),
      `the browser's back (${attempt}) stays in the Three Houses and asks for the worker PIN`,
      url,
    );
    if (attempt === 'once') {
      await browser.click('Cancel', { within: DIALOG });
      await browser.until(async () => (await browser.count(DIALOG)) === 0, 'the PIN dialog closing on Cancel');
      check((await browser.count('.childs-pace')) === 1, 'Cancel leaves the tablet with the child');
    }
  }
  await browser.fill('Worker PIN', PIN, { within: "//*[@role='dialog']" });
  await browser.click('Continue', { within: DIALOG });
  await browser.waitForText('Session with Mia');
  await browser.until(async () => (await browser.count('.childs-pace')) === 0, "the child's bar going");
  check(true, 'the worker PIN takes the tablet back to the session');
}
