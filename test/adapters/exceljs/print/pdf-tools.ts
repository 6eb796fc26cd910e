import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Helpers for the print test: LibreOffice and poppler run as the BI team would run them. Installs nothing. */

function run(cmd: string, args: readonly string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** `soffice --headless --convert-to pdf` with its own profile in `dir`, so a running LibreOffice is not disturbed. */
export function xlsxToPdf(xlsx: string, dir: string): string {
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], dir);
  const pdf = path.join(dir, `${path.basename(xlsx, path.extname(xlsx))}.pdf`);
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${xlsx}`);
  return pdf;
}

export interface PdfInfo {
  readonly pages: number;
  readonly width: number;
  readonly height: number;
}

export function pdfInfo(pdf: string): PdfInfo {
  const out = run('pdfinfo', [pdf], path.dirname(pdf));
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** The text of each page, laid out as printed (`pdftotext -layout`). */
export function pdfPages(pdf: string): string[] {
  const text = run('pdftotext', ['-layout', pdf, '-'], path.dirname(pdf));
  const pages = text.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

/** Height in points of every word's box, per page (`pdftotext -bbox`): a measure of the printed text size. */
export function wordHeights(pdf: string): number[][] {
  const html = run('pdftotext', ['-bbox', pdf, '-'], path.dirname(pdf));
  return html.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g)].map((m) => Number(m[4]) - Number(m[2])));
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.floor((s.length - 1) / 2)] ?? 0);
}

export interface WordBox {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** Every word's box and text, per page (`pdftotext -bbox`), in the order poppler reads them. */
export function wordBoxes(pdf: string): WordBox[][] {
  const html = run('pdftotext', ['-bbox', pdf, '-'], path.dirname(pdf));
  const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return html.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: unescape(m[5] ?? ''),
    })));
}

/**
 * Pairs of words on a page printed over each other: their boxes overlap across by more than half a
 * point and down by more than a third of the shorter box (a word's box is about 1.3 times its type
 * size, so the boxes of neighbouring lines touch; text run into the next row overlaps far more).
 */
export function overlappingWords(words: readonly WordBox[]): [WordBox, WordBox][] {
  const out: [WordBox, WordBox][] = [];
  words.forEach((a, i) => {
    for (const b of words.slice(i + 1)) {
      const across = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const down = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (across > 0.5 && down > Math.min(a.yMax - a.yMin, b.yMax - b.yMin) / 3) out.push([a, b]);
    }
  });
  return out;
}
