/** @jest-environment jsdom */
import { fixAccessibility } from '../../../src/preview/grid/a11y';

// The axe failures Univer 0.25.1's chrome had on the preview page (test/e2e, step "axe and layout: preview page").
it('names icon buttons and the name box, turns anchor buttons into buttons, and drops positive tabindex', () => {
  document.body.innerHTML = `<div id="g">
    <button type="button"><svg class="univerjs-icon univerjs-icon-increase-icon"></svg></button>
    <button type="button">Sheet1</button>
    <input class="univer-pl-1.5">
    <a aria-expanded="false"><svg class="univerjs-icon univerjs-icon-more-down-icon"></svg></a>
    <canvas tabindex="1"></canvas><span id="t" aria-expanded="false" aria-controls="x">Sheet1</span>
    <div id="w" aria-expanded="false"><button>Menu</button></div></div>`;
  const root = document.getElementById('g') as HTMLElement;
  fixAccessibility(root);
  const [icon, named] = [...root.querySelectorAll('button')];
  expect(icon?.getAttribute('aria-label')).toBe('increase');
  expect(named?.hasAttribute('aria-label')).toBe(false);
  expect(root.querySelector('input')?.getAttribute('aria-label')).toBe('Name box: the selected cell');
  expect(root.querySelector('a')?.getAttribute('role')).toBe('button');
  expect(root.querySelector('a')?.getAttribute('aria-label')).toBe('more down');
  expect(document.getElementById('t')?.getAttribute('role')).toBe('button');
  expect(document.getElementById('w')?.hasAttribute('aria-expanded')).toBe(false);
  expect(document.getElementById('w')?.hasAttribute('role')).toBe(false);
  expect(root.querySelector('canvas')?.getAttribute('tabindex')).toBe('0');
});
