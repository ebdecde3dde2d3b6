// The summary: the worker's full record shown in its frame with the child's words, downloaded
// by MiniBrowser as the same self-contained HTML file (no script, a Content-Security-Policy),
// and the download noted under "What left the tablet".
import fs from 'node:fs';
import path from 'node:path';
import { check, filesIn } from './browser.mjs';

const WORDS = ['I worry when Dad shouts at night', 'A red kite and a day at the sea'];

export default async function summary(browser, { downloads }) {
  await browser.waitForText('Session with Mia');
  // The summary is in the session screen's fold after the conversation, closed at first.
  await (await browser.findCss('details.after-fold > summary', 'the fold after the conversation')).click();
  await browser.click('Summary');
  const download = await browser.button('Download summary');
  check(!(await download.isEnabled()), 'Download waits until the worker chooses who the summary is for');
  await browser.choose('Summary for', "Everything: the worker's full record");
  const frame = await browser.findCss('iframe.summary-frame', 'the summary frame');
  const shown = await frame.getAttribute('srcdoc');
  await browser.driver.switchTo().frame(frame);
  try {
    const text = await browser.until(async () => {
      const text = await browser.text();
      return WORDS.every((words) => text.includes(words)) ? text : null;
    }, "the child's words showing in the summary frame");
    check(text.includes('Three Houses') && text.includes('Wizards and Fairies'), "the full record shows the child's words from both tools");
  } finally {
    await browser.driver.switchTo().defaultContent();
  }

  const before = filesIn(downloads);
  await browser.click('Download summary');
  const given = await browser.find("//section[@aria-labelledby='exports-heading']//li", 'a line under "What left the tablet"');
  const line = await given.getText();
  check(/^The full record — downloaded /.test(line), 'the download is noted under "What left the tablet"', line);
  await browser.checkNoErrors('showing and downloading the summary');

  if (!downloads) {
    console.log('note: no download folder given (see scripts/webkit-smoke.sh): the downloaded file is not checked');
    return;
  }
  const fileName = (await (await given.findElement({ css: '.file-name' })).getText()).trim();
  check(/^hear-me-summary-Mia-\d{4}-\d{2}-\d{2}-full-record\.html$/.test(fileName), 'the file is named for the session and its reader', fileName);
  const saved = await browser.downloaded(downloads, before, fileName);
  check(saved.length === 1 && saved[0] === fileName, 'MiniBrowser saved one file, under the name the app gave', saved.join(', '));
  const html = fs.readFileSync(path.join(downloads, fileName), 'utf8');
  check(html === shown, 'the saved file is the summary the screen shows, byte for byte', `${html.length} bytes saved, ${shown?.length} shown`);
  check(!/<script/i.test(html) && /http-equiv="Content-Security-Policy"/.test(html), 'the downloaded summary has no script and a Content-Security-Policy');
  check(WORDS.every((words) => html.includes(words)), "the downloaded summary holds the child's words verbatim");
  await browser.click('Back to the session');
}

