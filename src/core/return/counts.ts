import type { RagStatus } from '../rag';
import type { RagCounts } from './types';

export function emptyCounts(): RagCounts {
  return { Blue: 0, Green: 0, Amber: 0, Red: 0, Complete: 0, Missing: 0, Tracking: 0, 'Not due': 0 };
}

/** How many of each status; Tracking and Not due are counted apart and are not RAG (see COUNTED_STATUSES). */
export function ragCounts(statuses: readonly RagStatus[]): RagCounts {
  const out: { -readonly [K in keyof RagCounts]: number } = { ...emptyCounts() };
  for (const s of statuses) out[s] += 1;
  return out;
}
