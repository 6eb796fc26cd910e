import { emptyCounts } from '../../src/core/return/counts';
import { SIGN_OFF_WORDS, signOffSentence } from '../../src/core/return/signoff';
import type { RagCounts } from '../../src/core/return/types';
import { countParts, countsSummary, peopleDate, plural, severityCounts } from '../../src/core/words';

const counts = (c: Partial<RagCounts>): RagCounts => ({ ...emptyCounts(), ...c });

describe('plural', () => {
  it.each([[0, '0 errors'], [1, '1 error'], [2, '2 errors']])('%d', (n, want) => expect(plural(n, 'error')).toBe(want));
  it('takes an irregular plural', () => expect(plural(3, 'priority', 'priorities')).toBe('3 priorities'));
});

describe('severityCounts', () => {
  it.each([
    [[], '0 errors, 0 warnings'],
    [[{ severity: 'error' as const }], '1 error, 0 warnings'],
    [[{ severity: 'warning' as const }, { severity: 'error' as const }, { severity: 'warning' as const }], '1 error, 2 warnings'],
  ])('%j', (issues, want) => expect(severityCounts(issues)).toBe(want));
});

describe('peopleDate', () => {
  it.each([
    ['2026-12-04', '4 December 2026'],
    ['2024-07-01T23:30:00.000Z', '1 July 2024'],
    ['2025-03-31 10:00', '31 March 2025'],
    // Typed by hand, or not a date: as it is.
    ['next Tuesday', 'next Tuesday'],
    ['4/12/2026', '4/12/2026'],
    ['2026-13-01', '2026-13-01'],
    ['', ''],
  ])('%s → %s', (iso, want) => expect(peopleDate(iso)).toBe(want));
});

describe('countsSummary and countParts', () => {
  it('always says Green, Amber and Red, and the others only when there is one', () => {
    expect(countsSummary(emptyCounts())).toBe('Green 0 · Amber 0 · Red 0');
    expect(countsSummary(counts({ Green: 5, Amber: 2, Red: 1, Missing: 1, 'Not due': 3 }))).toBe('Green 5 · Amber 2 · Red 1 · Missing 1 · Not due 3');
    expect(countsSummary(counts({ Blue: 1, Complete: 2, Tracking: 4 }))).toBe('Blue 1 · Green 0 · Amber 0 · Red 0 · Complete 2 · Tracking 4');
  });

  it('marks Tracking and Not due as not RAG (the pane shows RAG ones as badges)', () => {
    expect(countParts(counts({ Green: 1, Tracking: 2, 'Not due': 1 }))).toEqual([
      { status: 'Green', count: 1, rag: true }, { status: 'Amber', count: 0, rag: true }, { status: 'Red', count: 0, rag: true },
      { status: 'Tracking', count: 2, rag: false }, { status: 'Not due', count: 1, rag: false },
    ]);
  });
});

describe('sign-off words', () => {
  it('has short words for every state', () => {
    expect(SIGN_OFF_WORDS).toEqual({
      'not-ready': 'Not marked ready', ready: 'Ready, not signed off', 'signed-off': 'Signed off', 'edited-after-signoff': 'Edited after sign-off',
    });
  });

  it('says who signed off and when, the date as people write it', () => {
    const s = { ready: true, signedOffBy: 'Sam Jones', role: 'Head of Service', signedOffOn: '2024-10-01', cells: {} };
    expect(signOffSentence('signed-off', s)).toBe('Signed off by Sam Jones (Head of Service) on 1 October 2024.');
    expect(signOffSentence('edited-after-signoff', s)).toBe('Edited after sign-off by Sam Jones (Head of Service) on 1 October 2024: it needs signing off again.');
    expect(signOffSentence('ready', { ready: true, preparedBy: 'Ali', cells: {} })).toBe('Ready for sign-off, prepared by Ali.');
    expect(signOffSentence('not-ready', { ready: false, cells: {} })).toBe('Not yet marked ready.');
  });
});
