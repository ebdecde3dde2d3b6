// Draws the PNG icons a tablet wants for the Home Screen from the app's own icon
// (public/icon.svg), with Debian's Chromium: 192 and 512 px, a maskable 512 px (the houses
// inside the safe circle, on the icon's own background) and Apple's 180 px touch icon (no
// transparency). Run it again after changing icon.svg: `node scripts/make-icons.mjs`.
import fs from 'node:fs';
import { chromium } from '@playwright/test';

const svg = fs.readFileSync('public/icon.svg', 'utf8');
const BACKGROUND = '#fff4e0';
const ICONS = [
  { file: 'icon-192.png', size: 192, inset: 0 },
  { file: 'icon-512.png', size: 512, inset: 0 },
  // Maskable: launchers may cut to any shape inside the middle 80 %.
  { file: 'icon-maskable-512.png', size: 512, inset: 0.16 },
  { file: 'apple-touch-icon-180.png', size: 180, inset: 0.06 },
];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (const { file, size, inset } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const pad = Math.round(size * inset);
    const inner = size - 2 * pad;
    await page.setContent(
      `<html><body style="margin:0;background:${inset ? BACKGROUND : 'transparent'}">` +
        `<div style="position:absolute;left:${pad}px;top:${pad}px;width:${inner}px;height:${inner}px">` +
        svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `) +
        '</div></body></html>',
    );
    await page.screenshot({ path: `public/icons/${file}`, omitBackground: !inset });
    await page.close();
    console.log(`public/icons/${file}`);
  }
} finally {
  await browser.close();
}
