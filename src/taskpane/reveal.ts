import * as React from 'react';

/** Whether the person asked the system for less motion (then scrolling jumps instead of gliding). */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Bring a result that just appeared to the person: focus its heading (tabIndex -1, so a screen reader
 * reads it and the next Tab continues from there) and scroll it into view, since in a 350 px pane
 * results appear below the fold. The focus does not scroll by itself so that the scroll can respect
 * prefers-reduced-motion.
 */
export function reveal(el: HTMLElement | null): void {
  if (!el) return;
  el.focus({ preventScroll: true });
  // jsdom has no scrollIntoView; a browser always has it.
  el.scrollIntoView?.({ behavior: prefersReducedMotion() ? 'auto' : 'smooth', block: 'start' });
}

/**
 * A ref for a result heading that is revealed each time `shown` changes to a new truthy value. Callers
 * pass a count of the person's own requests, so a result refreshed by a live re-validation (the person
 * typing in the sheet) never takes the focus away from them.
 */
export function useReveal<T extends HTMLElement>(shown: number): React.RefObject<T> {
  const ref = React.useRef<T>(null);
  React.useEffect(() => {
    if (shown > 0) reveal(ref.current);
  }, [shown]);
  return ref;
}
