/* eslint-disable @typescript-eslint/no-require-imports */
// Accessibility checks the pane e2e runs on every view: axe-core (serious and critical), no
// sideways scrolling in a narrow pane, and a keyboard walk that records the tab order.
'use strict';

const AXE = require.resolve('axe-core/axe.min.js');
// Tabster's focus-trap sentinels (Fluent's arrow-key navigation) are aria-hidden and tabbable by
// design (they pass focus straight on), so they are left out of the check.
const AXE_CONTEXT = { include: [['body']], exclude: [['[data-tabster-dummy]']] };

/** Runs axe on the page as it is; returns every violation, the serious and critical ones first. */
async function axeScan(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (c) => (await window.axe.run(c, { resultTypes: ['violations'] })).violations
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0] ? v.nodes[0].target.join(' ') : '' })), AXE_CONTEXT);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return { serious, other: violations.filter((v) => !serious.includes(v)) };
}

/** What a screen reader and a sighted keyboard user get from the focused element. */
function describeFocus() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const name = (el.getAttribute('aria-label') || (el.labels && el.labels[0] ? el.labels[0].textContent : '')
    || el.textContent || el.getAttribute('title') || '').trim().replace(/\s+/g, ' ').slice(0, 60);
  const role = el.getAttribute('role') || el.tagName.toLowerCase() + (el.type ? `[${el.type}]` : '');
  // A focus indicator: Fluent draws it as an outline, a box-shadow, or a border on ::after.
  // Inputs underline on focus (a bottom border on the wrapper's ::after, scaled from 0 to full width).
  const sides = ['Top', 'Bottom'];
  const border = (s) => sides.some((side) => s[`border${side}Style`] !== 'none' && parseFloat(s[`border${side}Width`]) > 0);
  const shown = (s) => s.content !== 'none' && s.content !== 'normal' && !/matrix\(0,/.test(s.transform);
  const visible = (s) => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none')
    || (border(s) && shown(s));
  const own = getComputedStyle(el);
  const after = getComputedStyle(el, '::after');
  const parentAfter = el.parentElement ? getComputedStyle(el.parentElement, '::after') : undefined;
  const r = el.getBoundingClientRect();
  return {
    role, name,
    focusVisible: visible(own) || visible(after) || (parentAfter ? visible(parentAfter) : false),
    onScreen: r.width > 0 && r.height > 0,
  };
}

/** Presses Tab from the top of the page up to `max` times, returning each stop. */
async function tabWalk(page, max) {
  await page.evaluate(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); });
  await page.locator('h1').first().click();
  // Fluent animates some focus indicators in (an input's underline grows from nothing): read the end state.
  const still = await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
  const stops = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(describeFocus);
    if (!stop) break;
    stops.push(stop);
  }
  await still.evaluate((el) => el.remove());
  return stops;
}

/** True when nothing sticks out sideways (text clipped or a horizontal scrollbar in the pane). */
async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('main *')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.right > width + 1 && getComputedStyle(el).position !== 'absolute';
    }).slice(0, 3).map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} (${Math.round(el.getBoundingClientRect().right)} px)`);
    return { scrolls: document.documentElement.scrollWidth > width, wide };
  });
}

module.exports = { axeScan, tabWalk, describeFocus, overflow };
