import { Builder, By, until, Origin } from 'selenium-webdriver';
const MINI = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const d = await new Builder().usingServer('http://127.0.0.1:4447').withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINI, args: ['--automation'] } }).build();
const t0 = Date.now();
const lap = (w) => console.log(((Date.now() - t0) / 1000).toFixed(1), w);
const text = () => d.executeScript('return document.body.innerText');
async function waitText(s, ms = 20000) { await d.wait(async () => (await text()).includes(s), ms, `never: ${s}`); }
const field = (label) => By.xpath(`//label[.//text()[normalize-space()="${label}"]]//input`);
const button = (name) => By.xpath(`//button[normalize-space()="${name}"]`);
try {
  await d.get('http://127.0.0.1:4177/');
  await waitText("Keep this tablet's sessions safe");
  lap('loaded');
  await d.findElement(field('Passphrase')).sendKeys('a safe passphrase for tests');
  await d.findElement(field('The passphrase again')).sendKeys('a safe passphrase for tests');
  await d.findElement(field('Worker PIN')).sendKeys('2468');
  await d.findElement(field('The PIN again')).sendKeys('2468');
  await d.findElement(button('Protect and start')).click();
  await waitText('Start a new session');
  lap('set up');
  console.log(await d.executeScript('return [innerWidth, innerHeight, devicePixelRatio, navigator.userAgent, "serviceWorker" in navigator, !!navigator.serviceWorker && !!navigator.serviceWorker.controller]'));
  await d.findElement(By.xpath(`//label[contains(., "first name or alias")]//input`)).sendKeys('Mia');
  await d.findElement(button('Start session')).click();
  await waitText('Session with Mia');
  await d.findElement(button('Three Houses')).click();
  await waitText('The Three Houses');
  await d.findElement(By.xpath(`//button[starts-with(normalize-space(), "House of Worries")]`)).click();
  await d.findElement(button('Draw')).click();
  const canvas = await d.findElement(By.css('canvas[aria-label="Drawing area"]'));
  await d.executeScript(`window.__ev = []; for (const t of ['pointerdown','pointermove','pointerup','pointercancel','touchstart','mousedown']) document.addEventListener(t, e => window.__ev.push(t + ':' + (e.pointerType||'') + ':' + (e.pressure ?? '')), true);`);
  const rect = await canvas.getRect();
  console.log('rect', rect);
  for (const type of (process.argv[2] || 'touch,pen,mouse').split(',')) {
    try {
      const a = d.actions({ async: true });
      // pointer device by type
      const { Pointer } = await import('selenium-webdriver/lib/input.js');
      const p = new Pointer('p-' + type, type);
      const acts = d.actions({ async: true, bridge: false });
      await d.actions().clear();
      const seq = d.actions({ async: true });
      const ptr = seq.pointer?.('p-'+type) ;
      console.log('actions api', typeof seq.insert, Object.getOwnPropertyNames(Object.getPrototypeOf(seq)).join(','));
      break;
    } catch (e) { console.log(type, 'ERR', e.message); }
  }
} finally { await d.quit(); }
