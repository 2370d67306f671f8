import type { FlagReason } from '../../generated/prisma/enums.js';

/**
 * statusReason codes of human and flag decisions, next to the pipeline's own codes
 * (pipeline/types.ts). Authors see them on their own comments, so they are stable
 * categories, never free text; the moderator's note goes to the audit row only.
 */
export const HUMAN_REASONS = {
  APPROVE: 'APPROVED_BY_MODERATOR',
  HOLD: 'HELD_BY_MODERATOR',
  REJECT: 'REJECTED_BY_MODERATOR',
} as const;

/** A rejection may name the category the moderator chose (the same categories as flags). */
export function rejectionReason(category: FlagReason | null | undefined): string {
  return category ? `REJECTED_${category}` : HUMAN_REASONS.REJECT;
}

/** Comments rejected because their author was banned. */
export const AUTHOR_BANNED = 'AUTHOR_BANNED';
