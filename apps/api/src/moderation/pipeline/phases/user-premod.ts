import type { Phase } from '../types.js';
import { skipsHoldPhases } from './trusted.js';

/** Phase 11: a moderator has put this author on pre-moderation. */
export const userPremod: Phase = ({ author }) => {
  if (skipsHoldPhases(author) || !author.premod) return undefined;
  return { status: 'HELD', reason: 'USER_PREMOD' };
};
