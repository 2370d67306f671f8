import type { Phase } from '../types.js';
import { skipsHoldPhases } from './trusted.js';

/** Phase 12: pre-moderation of a sensitive article, or of the whole site. */
export const premod: Phase = ({ author, article, settings }) => {
  if (skipsHoldPhases(author)) return undefined;
  if (settings.premodAll) return { status: 'HELD', reason: 'PREMOD', detail: 'site' };
  if (article.premod) return { status: 'HELD', reason: 'PREMOD', detail: 'article' };
  return undefined;
};
