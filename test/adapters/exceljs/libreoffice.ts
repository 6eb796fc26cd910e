import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';


export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else if (ch !== '\r') field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}


/**
 * Open .xlsx bytes in LibreOffice (`soffice` on the PATH: suites ask for it with requireTools),
 * recalculate every formula, and give the first sheet as CSV rows.
 */
export function recalculatedCsv(bytes: Uint8Array): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-lo-'));
  try {
    // Always recalculate on load (OOXMLRecalcMode 0), in a profile of our own.
    const user = join(dir, 'profile', 'user');
    mkdirSync(user, { recursive: true });
    writeFileSync(join(user, 'registrymodifications.xcu'), `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`);
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, bytes);
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, file], { timeout: 120_000, stdio: 'pipe' });
    return parseCsv(readFileSync(join(dir, 'book.csv'), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
