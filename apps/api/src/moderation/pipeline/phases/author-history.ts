import type { Phase } from '../types.js';
import { skipsHoldPhases } from './trusted.js';

/**
 * Phase 9: an author whose recent comments were mostly rejected gets the next
 * one reviewed. Too few recent comments say nothing (one rejection out of one
 * is a 100% rate), hence `history.minComments`. A clean record is not worth
 * recording, so scores only appear once something was rejected.
 */
export const authorHistory: Phase = (ctx) => {
  const { author, settings } = ctx;
  if (skipsHoldPhases(author) || author.recentTotal <= 0 || author.recentRejected <= 0) return undefined;
  const total = author.recentTotal;
  const rejected = author.recentRejected;
  const rate = rejected / total;
  ctx.scores.history = { total, rejected, rejectionRate: Math.round(rate * 1000) / 1000 };
  if (total < settings.history.minComments || rate <= settings.history.maxRejectionRate) return undefined;
  return {
    status: 'HELD',
    reason: 'AUTHOR_HISTORY',
    detail: `${rejected} of ${total} comments rejected in the last ${settings.history.windowDays} days`,
  };
};
