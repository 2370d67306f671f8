import type { Phase } from '../types.js';
import { normalizeForComparison } from '../text/normalize.js';
import { bigramProfile, profileSimilarity } from '../text/similarity.js';

/**
 * Phase 6: the same author pasting (nearly) the same comment again within
 * `repeatWindowMinutes` - flooding several threads, or double-submitting.
 * Case, punctuation and whitespace changes do not make a post new.
 *
 * Edits are exempt: an edit is by nature close to the comment's previous
 * version, which may well be among the author's recent bodies.
 */
export const repeatPost: Phase = (ctx) => {
  const { comment, author, settings } = ctx;
  if (comment.isEdit || author.recentBodies.length === 0) return undefined;
  const body = normalizeForComparison(comment.body);
  // The new body's bigrams are made once, for all the recent bodies.
  let profile: Float64Array | undefined;
  let best = 0;
  for (const previous of author.recentBodies) {
    const other = normalizeForComparison(previous);
    if (other === body) best = 1;
    else best = Math.max(best, profileSimilarity((profile ??= bigramProfile(body)), bigramProfile(other)));
    if (best === 1) break;
  }
  ctx.scores.repeat = { similarity: Math.round(best * 1000) / 1000 };
  if (best < settings.repeatSimilarity) return undefined;
  return {
    status: 'REJECTED',
    reason: 'REPEAT_POST',
    detail: `${Math.round(best * 100)}% similar to a comment posted in the last ${settings.repeatWindowMinutes} minutes`,
  };
};
