import type { PipelineContext } from '../types.js';

/**
 * Moderators and admins would only be holding their own comments for
 * themselves, so the hold-only phases (history, new commenter, premod) skip
 * them. Content checks (length, banned words, links...) still apply to everyone.
 */
export function skipsHoldPhases(author: PipelineContext['author']): boolean {
  return author.role === 'MODERATOR' || author.role === 'ADMIN';
}
