import type { Phase } from '../types.js';
import { codePointLength, stripInvisible } from '../text/normalize.js';

/**
 * Phase 1: a body must say something and must fit. The minimum counts visible
 * characters (zero-width spaces and surrounding whitespace do not make a
 * comment), while the maximum counts the raw source, because that is what is
 * stored and rendered - a body padded with invisible characters is still long.
 */
export const bodyLength: Phase = ({ comment, settings }) => {
  const visible = codePointLength(stripInvisible(comment.body).trim());
  if (visible === 0) return { status: 'REJECTED', reason: 'BODY_TOO_SHORT', detail: 'empty' };
  if (visible < settings.minLength) {
    return {
      status: 'REJECTED',
      reason: 'BODY_TOO_SHORT',
      detail: `${visible} characters (minimum ${settings.minLength})`,
    };
  }
  const raw = codePointLength(comment.body);
  if (raw > settings.maxLength) {
    return {
      status: 'REJECTED',
      reason: 'BODY_TOO_LONG',
      detail: `${raw} characters (maximum ${settings.maxLength})`,
    };
  }
  return undefined;
};
