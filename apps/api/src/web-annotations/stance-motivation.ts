import type { Stance } from '../generated/prisma/enums.js';
import type { TextualBody } from './annotation.types.js';

/**
 * A comment's stance in the Web Annotation vocabulary. The first motivation stays
 * `commenting` (or `replying`), so clients that read one motivation still see a comment; the
 * stance is a second motivation. Agreeing and disagreeing are both `assessing`, told apart by
 * a `tagging` body ("agree" or "disagree"); the vocabulary has no motivation for either alone.
 */
export type StanceMotivation = 'assessing' | 'questioning' | 'linking';

const MOTIVATION: Record<Stance, StanceMotivation> = {
  AGREE: 'assessing',
  DISAGREE: 'assessing',
  QUESTION: 'questioning',
  EVIDENCE: 'linking',
};

/** The tag of an assessing stance. */
const TAG: Partial<Record<Stance, string>> = { AGREE: 'agree', DISAGREE: 'disagree' };

export function stanceMotivation(stance: Stance): StanceMotivation {
  return MOTIVATION[stance];
}

/** The tagging body that tells agreeing from disagreeing, if the stance needs one. */
export function stanceTagBody(stance: Stance): TextualBody | null {
  const tag = TAG[stance];
  return tag ? { type: 'TextualBody', value: tag, format: 'text/plain', purpose: 'tagging' } : null;
}

/**
 * The stance an annotation states: `questioning` → QUESTION, `linking` → EVIDENCE,
 * `assessing` with an "agree" or "disagree" tag → AGREE or DISAGREE; anything else none.
 */
export function stanceOf(motivations: readonly string[], tags: readonly string[]): Stance | null {
  if (motivations.includes('questioning')) return 'QUESTION';
  if (motivations.includes('linking')) return 'EVIDENCE';
  if (motivations.includes('assessing')) {
    const lower = tags.map((t) => t.trim().toLowerCase());
    if (lower.includes('disagree')) return 'DISAGREE';
    if (lower.includes('agree')) return 'AGREE';
  }
  return null;
}
