import * as fs from 'fs';
import * as path from 'path';

/**
 * Excel's dark and high-contrast themes only reach the pane through Fluent tokens: a colour written
 * into a component stays the same on every theme and can vanish against the background.
 */
const ROOT = path.join(__dirname, '..', '..', 'src', 'taskpane');
const COLOUR = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\s*\(/gi;

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsxFiles(p);
    return e.name.endsWith('.tsx') ? [p] : [];
  });
}

function colourLiterals(source: string): string[] {
  return source.split('\n').flatMap((line, i) => [...line.matchAll(COLOUR)].map((m) => `${i + 1}: ${m[0]}`));
}

describe('no hard-coded colours in the task pane', () => {
  it.each([
    ["color: '#FF0000'", ['1: #FF0000']],
    ["backgroundColor: 'rgb(0, 0, 0)'", ['1: rgb(']],
    ["border: '1px solid rgba(0,0,0,.2)'", ['1: rgba(']],
    ['fill: "#abc"', ['1: #abc']],
    ["color: 'hsl(0 0% 0%)'", ['1: hsl(']],
    ['color: tokens.colorNeutralForeground1', []],
    ["aria-controls={`panel-${view}`}", []],
  ])('the scan finds the colours in %s', (source, want) => {
    expect(colourLiterals(source)).toEqual(want);
  });

  const files = tsxFiles(ROOT);

  it('finds the components to scan', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [path.relative(ROOT, f), f]))('%s uses Fluent tokens, not colour literals', (_name, file) => {
    expect(colourLiterals(fs.readFileSync(file, 'utf8'))).toEqual([]);
  });
});
