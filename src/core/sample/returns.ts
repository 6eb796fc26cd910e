/**
 * Realistic sample returns for the demo: a deterministic, seeded generator of entries near the
 * catalogue's targets, with the faults a BI team meets every quarter planted on purpose, so a
 * newcomer sees each check fire once. Pure: the same catalogue, period and seed give the same returns.
 */
import { effectiveCatalogue } from '../catalogue/effective';
import type { Catalogue, Indicator, QualitativeStatus } from '../catalogue/schema';
import { excelRound } from '../excel-round';
import { periodEndDate, type Period } from '../period';
import { compareWithRule, ragRule, type RagStatus } from '../rag';
import type { ReturnEntry } from './fill';
import { commentaryFor, PEOPLE, ROLES } from './words';
import { isDue } from '../catalogue/accessors';
import { slug } from '../words';

export interface SampleReturn {
  /** `customer-services.xlsx` */
  readonly file: string;
  readonly service: string;
  readonly entries: readonly ReturnEntry[];
  readonly preparedBy: string;
  readonly ready: boolean;
  /** Present when a manager has signed it off (the fingerprint is added by whoever writes the file). */
  readonly signOff?: { readonly name: string; readonly role: string; readonly date: string };
  /** What was planted in this return, in words, for the demo's README. */
  readonly planted: readonly string[];
}

/** mulberry32: small, fast, and the same on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export { slug };

function clamp(ind: Indicator, v: number): number {
  const min = ind.range?.min ?? (ind.unit === 'percent' ? 0 : 0);
  const max = ind.range?.max ?? (ind.unit === 'percent' ? 100 : Infinity);
  return Math.min(max, Math.max(min, v));
}

type Aim = 'Green' | 'Amber' | 'Red';

/** A value that lands in the wanted band of the rule (or near it when the band is empty). */
function valueFor(ind: Indicator, cat: Catalogue, period: Period, aim: Aim, rnd: () => number): { value: number; status: RagStatus } {
  const rule = ragRule(ind, period.year, cat.defaults);
  const d = rule.decimals;
  const step = 10 ** -d;
  let v: number;
  if (rule.kind === 'higher' || rule.kind === 'lower') {
    const sign = rule.kind === 'higher' ? 1 : -1;
    const edge = rule.kind === 'higher' ? rule.amberFrom : rule.amberTo;
    const span = Math.max(Math.abs(rule.target - edge), Math.abs(rule.target) * 0.04, step * 2);
    if (aim === 'Green') v = rule.target + sign * rnd() * span * 0.6;
    else if (aim === 'Amber') v = rule.target - sign * (step + rnd() * Math.max(0, Math.abs(rule.target - edge) - step));
    else v = edge - sign * (step + span * (0.3 + rnd() * 0.8));
  } else if (rule.kind === 'range') {
    const { min, max } = rule.band;
    if (aim === 'Green') v = min + (max - min) * (0.2 + rnd() * 0.6);
    else if (aim === 'Amber') v = max + (rule.amberTo - max) * (0.2 + rnd() * 0.6);
    else v = rule.amberTo + (max - min) * (0.1 + rnd() * 0.2);
  } else {
    const base = ind.benchmark?.value ?? (ind.unit === 'percent' ? 60 : ind.unit === 'number' ? 800 : 50);
    v = base * (0.9 + rnd() * 0.2);
  }
  const value = excelRound(clamp(ind, v), d);
  return { value, status: compareWithRule(rule, value) };
}

function pickAim(rnd: () => number): Aim {
  const r = rnd();
  return r < 0.7 ? 'Green' : r < 0.9 ? 'Amber' : 'Red';
}

function qualitative(rnd: () => number): QualitativeStatus {
  const r = rnd();
  return r < 0.62 ? 'On track' : r < 0.8 ? 'Complete' : r < 0.97 ? 'At risk' : 'Off track';
}

const QUAL_RAG: Readonly<Record<QualitativeStatus, RagStatus>> = { 'On track': 'Green', 'At risk': 'Amber', 'Off track': 'Red', Complete: 'Complete' };

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

interface Plan {
  readonly forceRed?: boolean;
  readonly dropCommentary?: boolean;
  readonly leaveBlank?: boolean;
}

function entryFor(ind: Indicator, cat: Catalogue, period: Period, rnd: () => number, aim: Aim, leadingMinus: boolean): { entry: ReturnEntry; status: RagStatus } {
  if (ind.kind === 'qualitative') {
    const status = aim === 'Red' ? 'Off track' : qualitative(rnd);
    const rag = QUAL_RAG[status];
    return { entry: { ref: ind.id, status, ...commentaryFor(ind, rag, rnd, {}) }, status: rag };
  }
  const suppress = ind.suppressBelow ?? null;
  const { value, status } = valueFor(ind, cat, period, aim, rnd);
  const t = ind.targets?.[period.year];
  const target = typeof t === 'number' ? t : undefined;
  const words = commentaryFor(ind, status, rnd, { actual: value, target, leadingMinus });
  if (ind.unit === 'percent' && ind.title.startsWith('%') && suppress === null && rnd() < 0.5) {
    const denominator = 120 + Math.floor(rnd() * 2400);
    const numerator = Math.round((value / 100) * denominator);
    const rule = ragRule(ind, period.year, cat.defaults);
    const actual = excelRound((numerator / denominator) * 100, rule.decimals);
    const s = compareWithRule(rule, actual);
    return { entry: { ref: ind.id, actual, numerator, denominator, ...commentaryFor(ind, s, rnd, { actual, target, leadingMinus }) }, status: s };
  }
  return { entry: { ref: ind.id, actual: value, ...words }, status };
}

/**
 * One return per service (in catalogue order), for the indicators due in the period.
 * Planted, in order of the services: a Red with commentary and action (the first return, whose
 * commentary starts with "-" to show text is never a formula), a Red missing its commentary
 * (second), a due indicator left blank (third), a count below `suppressBelow` (wherever one is
 * due), and a conflict: the last return also reports the first return's first indicator, differently.
 * Returns alternate signed off / ready / not ready (the first of each kind says so in `planted`).
 * `clean`: nothing planted, every return ready, as a quarter the BI team has already closed.
 */
export function sampleReturns(full: Catalogue, period: Period, options: { seed?: number; services?: readonly string[]; clean?: boolean } = {}): SampleReturn[] {
  // As the period's validation sees it: a year-to-date measure aims at its quarter's profile step.
  const catalogue = effectiveCatalogue(full, period);
  const seed = options.seed ?? 2024;
  const due = catalogue.indicators.filter((i) => isDue(i, period));
  const all = [...new Set(due.map((i) => i.service))];
  const services = options.services ? all.filter((s) => options.services?.includes(s)) : all;
  const out: SampleReturn[] = [];
  let suppressedDone = false;
  services.forEach((service, s) => {
    const rnd = seededRandom(seed ^ hash(service));
    const mine = due.filter((i) => i.service === service);
    const plan: Plan = options.clean ? {} : { forceRed: s <= 1, dropCommentary: s === 1, leaveBlank: s === 2 };
    const planted: string[] = [];
    const entries: ReturnEntry[] = [];
    let redPlanted = false;
    mine.forEach((ind, k) => {
      const quant = ind.kind === 'quantitative' && ind.polarity !== 'none' && ind.polarity !== undefined;
      if (plan.leaveBlank && k === mine.length - 1) {
        planted.push(`${ind.id} left blank (a due indicator with no value: Missing, an error)`);
        return;
      }
      if (!options.clean && !suppressedDone && ind.suppressBelow && quant && ind.unit === 'number') {
        suppressedDone = true;
        const count = Math.max(1, ind.suppressBelow - 2);
        const status = compareWithRule(ragRule(ind, period.year, catalogue.defaults), count);
        entries.push({ ref: ind.id, actual: count, ...commentaryFor(ind, status, rnd, { actual: count }) });
        planted.push(`${ind.id} is a count of ${count}, below ${ind.suppressBelow}: the Cabinet sheet shows <${ind.suppressBelow}`);
        return;
      }
      const wantRed = Boolean(plan.forceRed) && !redPlanted && quant;
      const aim = wantRed ? 'Red' : pickAim(rnd);
      const { entry, status } = entryFor(ind, catalogue, period, rnd, aim, wantRed && s === 0);
      if (wantRed && status === 'Red') {
        redPlanted = true;
        if (plan.dropCommentary) {
          entries.push({ ...entry, commentary: null });
          planted.push(`${ind.id} is Red with an action but no commentary (an error)`);
          return;
        }
        planted.push(`${ind.id} is Red, with commentary and an action (an exception on the Cabinet sheet)`);
      }
      entries.push(entry);
    });
    const who = PEOPLE[hash(service) % PEOPLE.length] ?? 'A. Lead';
    const signer = PEOPLE[(hash(service) + 3) % PEOPLE.length] ?? 'A. Manager';
    const state = options.clean ? 1 : s % 3;
    const base = { file: `${slug(service)}.xlsx`, service, entries, preparedBy: who, ready: state !== 2, planted };
    out.push(state === 0
      ? { ...base, signOff: { name: signer, role: ROLES[s % ROLES.length] ?? 'Head of Service', date: signOffDate(period, s) } }
      : { ...base, planted: s < 3 && !options.clean ? [...planted, state === 1 ? 'ready for sign-off but not signed off (a warning)' : 'not marked ready (a warning)'] : planted });
  });
  if (!options.clean) plantConflict(out, due);
  return out;
}

function plantConflict(out: SampleReturn[], due: readonly Indicator[]): void {
  const first = out[0];
  const last = out[out.length - 1];
  if (!first || !last || first === last) return;
  const shared = first.entries.find((e) => typeof e.actual === 'number' && e.numerator === undefined);
  if (!shared || typeof shared.actual !== 'number') return;
  const ind = due.find((i) => i.id === shared.ref);
  const other = excelRound(shared.actual * 0.97, ind?.decimals ?? 1);
  const entry: ReturnEntry = { ref: shared.ref, actual: other, title: ind?.title ?? shared.ref, commentary: 'Figure from our own case system; it may differ from the service figure.', action: 'Reconcile with the service team before the next quarter.' };
  out[out.length - 1] = { ...last, entries: [...last.entries, entry], planted: [...last.planted, `also reports ${shared.ref} (${other} against ${shared.actual} in ${first.file}): a conflict`] };
}

/** A weekday or so three weeks after the quarter ends: when sign-off usually happens. */
function signOffDate(period: Period, s: number): string {
  const end = new Date(`${periodEndDate(period)}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 18 + (s % 5));
  return end.toISOString().slice(0, 10);
}
