import type { Stance } from '../api/types.ts';

/** The four stances in the order the composer offers them and the split bars stack them. */
export const STANCES: readonly Stance[] = ['AGREE', 'DISAGREE', 'QUESTION', 'EVIDENCE'];

export const STANCE_LABELS: Record<Stance, string> = {
  AGREE: 'Agree',
  DISAGREE: 'Disagree',
  QUESTION: 'Question',
  EVIDENCE: 'Evidence',
};

/** How a comment with this stance is described to a reader ("Jo disagrees"). */
export const STANCE_VERBS: Record<Stance, string> = {
  AGREE: 'agrees',
  DISAGREE: 'disagrees',
  QUESTION: 'asks',
  EVIDENCE: 'brings evidence',
};

/** Counts per stance, as the API names them. */
export interface StanceCounts {
  agree: number;
  disagree: number;
  question: number;
  evidence: number;
}

export const STANCE_KEYS: Record<Stance, keyof StanceCounts> = {
  AGREE: 'agree',
  DISAGREE: 'disagree',
  QUESTION: 'question',
  EVIDENCE: 'evidence',
};

/** Each stance's share of the whole, in STANCES order (pure; 0s when nobody took one). */
export function stanceShares(counts: StanceCounts): Array<{ stance: Stance; count: number; share: number }> {
  const total = STANCES.reduce((n, s) => n + counts[STANCE_KEYS[s]], 0);
  return STANCES.map((stance) => {
    const count = counts[STANCE_KEYS[stance]];
    return { stance, count, share: total > 0 ? count / total : 0 };
  });
}

/**
 * On a debate, how readers lean between two sides: agreeing with a side's turns or
 * disagreeing with the other side's both count for it (pure).
 */
export function debateLean(
  a: StanceCounts,
  b: StanceCounts,
): { forA: number; forB: number; shareA: number; shareB: number } {
  const forA = a.agree + b.disagree;
  const forB = b.agree + a.disagree;
  const total = forA + forB;
  return { forA, forB, shareA: total > 0 ? forA / total : 0, shareB: total > 0 ? forB / total : 0 };
}
