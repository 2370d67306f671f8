import type { Phase } from '../types.js';

/**
 * Phase 2: banned and suspended authors cannot post. The API layer should
 * already refuse them; this is the backstop for queued or imported comments
 * and for edits, and it applies to staff accounts too.
 */
export const authorStatus: Phase = ({ author }) => {
  if (author.status === 'BANNED') return { status: 'REJECTED', reason: 'AUTHOR_BANNED' };
  if (author.status === 'SUSPENDED') return { status: 'REJECTED', reason: 'AUTHOR_SUSPENDED' };
  return undefined;
};
