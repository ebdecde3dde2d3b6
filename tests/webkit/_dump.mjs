import { Builder, By } from 'selenium-webdriver';
const MINI = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const d = await new Builder().usingServer('http://127.0.0.1:4447').withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINI, args: ['--automation'] } }).build();
const text = () => d.executeScript('return document.body.innerText');
async function waitText(s, ms = 20000) { await d.wait(async () => (await text()).includes(s), ms, `never: ${s}`); }
const field = (label) => By.xpath(`//label[.//text()[normalize-space()="${label}"]]//input`);
const button = (name) => By.xpath(`//button[normalize-space()="${name}"]`);
try {
  await d.get('http://127.0.0.1:4177/');
  await waitText("Keep this tablet's sessions safe");
  await d.findElement(field('Passphrase')).sendKeys('a safe passphrase for tests');
  await d.findElement(field('The passphrase again')).sendKeys('a safe passphrase for tests');
  await d.findElement(field('Worker PIN')).sendKeys('2468');
  await d.findElement(field('The PIN again')).sendKeys('2468');
  await d.findElement(button('Protect and start')).click();
  await waitText('Start a new session');
  console.log(await d.executeScript('return document.querySelector("main").outerHTML'));
} finally { await d.quit(); }
