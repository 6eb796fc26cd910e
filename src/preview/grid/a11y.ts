/**
 * Univer 0.25.1's chrome fails axe in a few places (icon-only buttons with no name, the name box
 * with no label, canvases with tabindex="1", an anchor used as a button carrying aria attributes
 * an anchor may not have). The preview page must pass axe with 0 serious or critical (issue 16.5),
 * so these are named and fixed here, and again whenever Univer re-renders them.
 */
function words(icon: string): string {
  return icon.replace(/^univerjs-icon-/, '').replace(/-(icon|double|single)$/g, '').replace(/-/g, ' ').trim();
}

function nameOf(button: Element): string {
  const title = button.getAttribute('title') ?? button.closest('[title]')?.getAttribute('title');
  if (title) return title;
  const icon = [...(button.querySelector('svg')?.classList ?? [])].find((c) => c.startsWith('univerjs-icon-'));
  return icon ? words(icon) || 'Spreadsheet control' : 'Spreadsheet control';
}

export function fixAccessibility(root: Element): void {
  for (const b of root.querySelectorAll('button, [role=button]')) {
    if (!b.getAttribute('aria-label') && !(b.textContent ?? '').trim()) b.setAttribute('aria-label', nameOf(b));
  }
  for (const input of root.querySelectorAll('input:not([type=hidden]), textarea')) {
    if (!input.getAttribute('aria-label') && !input.id) input.setAttribute('aria-label', input.tagName === 'INPUT' ? 'Name box: the selected cell' : 'Cell editor');
  }
  // Radix popover triggers Univer renders as plain elements carry aria-expanded/aria-controls.
  for (const a of root.querySelectorAll('a:not([href]), [aria-expanded]:not(button):not([role]), [aria-haspopup]:not(button):not([role])')) {
    if (a.querySelector('button, input, a, [tabindex]')) {
      // A wrapper around its own controls: a role would nest interactive elements, so it loses the stray state instead.
      for (const attr of ['aria-expanded', 'aria-haspopup', 'aria-controls']) a.removeAttribute(attr);
      continue;
    }
    if (a.getAttribute('role') !== 'button') {
      a.setAttribute('role', 'button');
      if (!a.getAttribute('aria-label') && !(a.textContent ?? '').trim()) a.setAttribute('aria-label', nameOf(a));
    }
  }
  for (const el of root.querySelectorAll('[tabindex]')) {
    if (Number(el.getAttribute('tabindex')) > 0) el.setAttribute('tabindex', '0');
  }
}

/** Keep fixing as Univer adds or changes its elements; returns the stop. */
export function keepAccessible(root: Element): () => void {
  fixAccessibility(root);
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => { queued = false; fixAccessibility(root); });
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['tabindex', 'aria-label', 'role'] });
  return () => observer.disconnect();
}
