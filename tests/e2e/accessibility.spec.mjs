// End-to-end: accessibility, screen by screen (issue 23). One walk through the app, as a
// worker and as a child ("Give to the child"), and in Arabic; on every screen axe-core checks
// WCAG 2.2 A and AA and the AAA rules (above all `color-contrast-enhanced`: 7:1 for text,
// 4.5:1 for large text, because tablets are used in sunlight and by people with low vision).
// On the child's screens every button, link and field is also measured: at least 48×48 CSS
// px at both tablet sizes (a link inside running text excepted).
//
// The walk itself, WALK, is in walk.mjs: to check a new screen, add a step there.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './flows.mjs';
import { WALK } from './walk.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'wcag2aaa'];
// A step that cannot find its way fails in seconds, not at the end of the whole walk.
test.use({ actionTimeout: 10_000 });

const SIZES = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
];
/** The smallest target on the child's screens, in CSS px (WCAG 2.5.5 asks 44; we keep 48). */
const MIN_TARGET = 48;

/** Axe's findings on the page as it is, one readable line per node. */
async function axeFindings(page) {
  // Only violations are wanted: axe then keeps no list of what passed, which is quicker.
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).options({ resultTypes: ['violations'] }).analyze();
  return violations.flatMap((rule) =>
    rule.nodes.map((node) => {
      const data = [...node.any, ...node.all, ...node.none].map((check) => check.data).find((d) => d?.contrastRatio);
      const contrast = data
        ? ` ${data.fgColor} on ${data.bgColor} is ${data.contrastRatio}:1, needs ${data.expectedContrastRatio}` +
          ` (${data.fontSize}, ${data.fontWeight})`
        : '';
      return `${rule.id}: ${node.target.join(' ')}${contrast} | ${node.failureSummary?.split('\n').slice(1).join(' ').trim()}`;
    }),
  );
}

/**
 * Every button, link and field on the page smaller than MIN_TARGET either way. A radio or
 * checkbox is measured with its label, which takes the tap too; a link inside running text
 * is excepted (WCAG 2.5.5).
 */
function smallTargets(page, min = MIN_TARGET) {
  return page.evaluate((min) => {
    const found = [];
    const selector = 'button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [role="link"]';
    for (const el of document.querySelectorAll(selector)) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      if (el.tagName === 'A' && getComputedStyle(el).display === 'inline' && el.closest('p, li')) continue;
      const label = (el.type === 'radio' || el.type === 'checkbox') && el.closest('label');
      const box = (label || el).getBoundingClientRect();
      if (box.width + 0.5 < min || box.height + 0.5 < min) {
        const name = (el.getAttribute('aria-label') || el.textContent || el.labels?.[0]?.textContent || el.name || '').trim().slice(0, 40);
        found.push(`<${el.tagName.toLowerCase()} class="${el.className}"> "${name}": ${Math.round(box.width)}×${Math.round(box.height)} px`);
      }
    }
    return found;
  }, min);
}


test('every screen meets WCAG 2.2 AA and AAA contrast, and the child\'s targets are big enough', async ({ page }) => {
  // About a minute on an idle machine; a busy one (other builds on two cores) takes longer.
  test.setTimeout(240_000);
  const problems = [];
  for (const step of WALK) {
    await test.step(step.name, async () => {
      await step.go(page);
      // Let colours settle (transitions, a picture still loading) before they are measured.
      await page.waitForTimeout(150);
      for (const line of await axeFindings(page)) problems.push(`${step.name}: ${line}`);
      if (step.child) {
        for (const size of SIZES) {
          await page.setViewportSize(size);
          for (const line of await smallTargets(page)) problems.push(`${step.name} at ${size.width}x${size.height}: ${line}`);
        }
        await page.setViewportSize(SIZES[0]);
      }
    });
  }
  // The walk reached every screen; everything it found is listed at once.
  expect(problems, problems.join('\n')).toEqual([]);
});
