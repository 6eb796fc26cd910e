/**
 * Duplicate keys in JSON text. `JSON.parse` keeps the last of two equal keys without a word, so a
 * catalogue saying `"suppressBelow": 5, "suppressBelow": null` would silently publish small
 * numbers. This scanner walks text that `JSON.parse` has already accepted and reports every key
 * given twice in one object, as a path (`["indicators", 3, "suppressBelow"]`). Keys are compared
 * after decoding their escapes (`"a"` and `"\u0061"` are the same key), as `JSON.parse` compares them.
 */

type Frame =
  | { readonly kind: 'object'; readonly keys: string[]; set: Set<string> | undefined; key: string | undefined; expectingKey: boolean }
  | { readonly kind: 'array'; index: number };

function pathOf(stack: readonly Frame[]): (string | number)[] {
  return stack.map((f) => (f.kind === 'array' ? f.index : (f.key ?? '')));
}

/**
 * The end (exclusive) of the string token starting with the quote at `start`: the next quote not
 * escaped (after an even run of backslashes). Found with indexOf, so a long string is not walked
 * character by character (most of a catalogue's 9 MB is its strings).
 */
function stringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length;
    let slash = quote - 1;
    while (slash > start && text.charCodeAt(slash) === 0x5c /* \ */) slash--;
    if ((quote - 1 - slash) % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** A few keys are looked through, more go in a Set: most objects have a handful (one Set each was a 30,000-indicator catalogue's garbage). */
const FEW = 24;

/** Whether an object has had this key already; remembers it if not. */
function seenBefore(frame: { readonly keys: string[]; set: Set<string> | undefined }, key: string): boolean {
  if (frame.set) {
    if (frame.set.has(key)) return true;
    frame.set.add(key);
    return false;
  }
  if (frame.keys.includes(key)) return true;
  frame.keys.push(key);
  if (frame.keys.length > FEW) frame.set = new Set(frame.keys);
  return false;
}

/** The key a string token stands for: its text as is unless it has an escape, which JSON.parse decodes. */
function keyAt(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end - 1);
  if (!inner.includes('\\')) return inner;
  try {
    return JSON.parse(text.slice(start, end)) as string;
  } catch {
    return inner;
  }
}

/**
 * Paths of the keys that appear more than once in the same object, in the order they are found
 * (each repeat once). Call it only on text `JSON.parse` accepts; on other text the result is
 * unspecified (but it always returns).
 */
export function duplicateKeys(text: string): (string | number)[][] {
  const found: (string | number)[][] = [];
  const stack: Frame[] = [];
  let top: Frame | undefined;
  let i = 0;
  // By character code, one switch per structural character: a 30,000-indicator catalogue is 9 MB.
  while (i < text.length) {
    switch (text.charCodeAt(i)) {
      case 0x7b /* { */:
        stack.push((top = { kind: 'object', keys: [], set: undefined, key: undefined, expectingKey: true }));
        i += 1;
        break;
      case 0x5b /* [ */:
        stack.push((top = { kind: 'array', index: 0 }));
        i += 1;
        break;
      case 0x7d /* } */:
      case 0x5d /* ] */:
        stack.pop();
        top = stack[stack.length - 1];
        i += 1;
        break;
      case 0x2c /* , */:
        if (top?.kind === 'array') top.index += 1;
        else if (top?.kind === 'object') top.expectingKey = true;
        i += 1;
        break;
      case 0x3a /* : */:
        if (top?.kind === 'object') top.expectingKey = false;
        i += 1;
        break;
      case 0x22 /* " */: {
        const end = stringEnd(text, i);
        if (top?.kind === 'object' && top.expectingKey) {
          const key = keyAt(text, i, end);
          top.key = key;
          if (seenBefore(top, key)) found.push(pathOf(stack));
        }
        i = end;
        break;
      }
      default:
        i += 1;
    }
  }
  return found;
}

/**
 * How deeply arrays and objects nest in JSON text (brackets inside strings not counted). A
 * catalogue nests a few levels; text nested thousands deep is refused before anything walks it
 * recursively (JSON.stringify, a schema), which would overflow the stack.
 */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length;) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) { i = stringEnd(text, i); continue; }
    if (ch === 0x5b /* [ */ || ch === 0x7b /* { */) { depth += 1; if (depth > deepest) deepest = depth; }
    else if (ch === 0x5d /* ] */ || ch === 0x7d /* } */) depth -= 1;
    i += 1;
  }
  return deepest;
}
