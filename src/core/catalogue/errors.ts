/** One problem with a catalogue: where it is (`indicators[1].polarity`), why, and what was there. */
export interface CatalogueError {
  readonly path: string;
  readonly message: string;
  readonly value?: unknown;
}

/** A path into a catalogue (or a history file) as people read it: `indicators[1].targets["2023-24"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(root)';
}
