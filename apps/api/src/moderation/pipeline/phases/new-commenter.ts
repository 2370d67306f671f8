import type { Phase } from '../types.js';
import { skipsHoldPhases } from './trusted.js';

/**
 * Phase 10: a newcomer's first `newCommenterHold` comments are reviewed, which
 * stops throwaway accounts from publishing straight away. Counting *published*
 * comments means rejected attempts do not earn trust.
 */
export const newCommenter: Phase = ({ author, settings }) => {
  if (skipsHoldPhases(author) || author.publishedCount >= settings.newCommenterHold) return undefined;
  return {
    status: 'HELD',
    reason: 'NEW_COMMENTER',
    detail: `${author.publishedCount} published comments (first ${settings.newCommenterHold} are reviewed)`,
  };
};
