import type { Phase } from '../types.js';
import { findTerms } from '../text/word-list.js';

/**
 * Phase 4: words that are fine in some contexts but worth a human look
 * (slurs reclaimed in discussion, names of harassment targets...). Same
 * matching rules as banned words, but the comment is held, not rejected.
 */
export const suspectWords: Phase = (ctx) => {
  const found = findTerms(ctx.settings.suspectWords, ctx.comment.body);
  if (found.length === 0) return undefined;
  ctx.scores.suspectWords = found;
  return { status: 'HELD', reason: 'SUSPECT_WORD', detail: found.join(', ') };
};
