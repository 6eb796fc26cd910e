/** The words of the sample returns: what leads really write when a measure is off target. */
import type { Indicator } from '../catalogue/schema';
import type { RagStatus } from '../rag';

export const PEOPLE = ['Priya Shah', 'Tom Okafor', 'Sarah Kelly', 'Imran Hussain', 'Grace Mensah', 'David Lewis', 'Aisha Begum', 'Mark Evans', 'Niamh Byrne', 'Ravi Patel'] as const;
export const ROLES = ['Head of Service', 'Service Director', 'Assistant Director'] as const;

const RED_WHY = [
  'Vacancies and long-term sickness in the team reduced capacity over the summer.',
  'Demand rose by about 15% on the same quarter last year and the backlog is not yet cleared.',
  'The new case management system went live in July and staff were still learning it.',
  'A contractor failed to deliver on time and the work had to be re-procured.',
] as const;
const RED_DO = [
  'Two agency staff started in September; a recovery plan is reviewed weekly by the Head of Service, aiming to be back on target by Q4.',
  'Backlog sessions every Saturday until the end of November; progress reported to the Directorate Management Team monthly.',
  'Extra training booked for all staff in October and the supplier is on site twice a week until the issues are fixed.',
  'Interim contractor appointed under delegated authority; the portfolio holder is briefed fortnightly.',
] as const;
const AMBER_WHY = [
  'Slightly below target: the dip is seasonal and the last month of the quarter was back on track.',
  'Close to target; a few complex cases took longer than usual.',
  'Just outside target after a spike in demand in August.',
] as const;
const AMBER_DO = [
  'Kept under review at the monthly performance meeting; no further action unless it slips again.',
  'Rotas adjusted for the autumn peak; checked again at the end of next month.',
  'Team leader reviewing every case over the target time each week.',
] as const;
const QUAL_WHY = [
  'Contractor delays have pushed the milestone back by about six weeks.',
  'Funding is confirmed but recruitment to the project team is behind plan.',
] as const;
const QUAL_DO = [
  'Revised programme agreed with the contractor; the portfolio holder is briefed monthly.',
  'Posts re-advertised with a market supplement; interim cover from the corporate project office.',
] as const;
const GREEN_NOTE = ['On target.', 'Performance maintained.', 'Better than the same quarter last year.', 'Milestone met on time.'] as const;

function pick<T>(items: readonly T[], rnd: () => number): T {
  return items[Math.floor(rnd() * items.length) % items.length] as T;
}

export interface Figures {
  readonly actual?: number;
  readonly target?: number;
  /** Start the commentary with a minus sign, as people write a fall ("-4.1 points …"): it must stay text. */
  readonly leadingMinus?: boolean;
}

function unitText(ind: Indicator, v: number): string {
  if (ind.unit === 'percent') return `${v}%`;
  if (ind.unit === 'currency') return `£${v}`;
  if (ind.unit === 'days') return `${v} days`;
  return String(v);
}

/** Commentary and action a lead would write for this status; nothing for Tracking or Not due. */
export function commentaryFor(ind: Indicator, status: RagStatus, rnd: () => number, f: Figures): { commentary?: string; action?: string } {
  const against = f.actual !== undefined && f.target !== undefined ? `${unitText(ind, f.actual)} against a target of ${unitText(ind, f.target)}. ` : '';
  if (status === 'Red' || status === 'Amber') {
    const q = ind.kind === 'qualitative';
    const why = pick(q ? QUAL_WHY : status === 'Red' ? RED_WHY : AMBER_WHY, rnd);
    const act = pick(q ? QUAL_DO : status === 'Red' ? RED_DO : AMBER_DO, rnd);
    const gap = f.actual !== undefined && f.target !== undefined ? Math.abs(f.actual - f.target) : undefined;
    const lead = f.leadingMinus && gap !== undefined ? `-${Number(gap.toPrecision(3))}${ind.unit === 'percent' ? ' points' : ''} against target: ` : against;
    return { commentary: `${lead}${why}`, action: act };
  }
  if ((status === 'Green' || status === 'Complete' || status === 'Blue') && rnd() < 0.3) return { commentary: pick(GREEN_NOTE, rnd) };
  return {};
}
