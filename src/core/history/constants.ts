/** A suppressed count as reported (`<5`): the number itself is never known to the history. */
export const SUPPRESSED_RE = /^<\d+$/;
