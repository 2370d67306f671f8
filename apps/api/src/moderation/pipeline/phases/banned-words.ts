import type { Phase } from '../types.js';
import { findTerms } from '../text/word-list.js';

/**
 * Phase 3: words the site never publishes. Matching is whole-word and
 * case-insensitive, and sees through leetspeak ("b4dw0rd") and spaced-out
 * letters ("b a d w o r d").
 */
export const bannedWords: Phase = (ctx) => {
  const found = findTerms(ctx.settings.bannedWords, ctx.comment.body);
  if (found.length === 0) return undefined;
  ctx.scores.bannedWords = found;
  return { status: 'REJECTED', reason: 'BANNED_WORD', detail: found.join(', ') };
};
