import type { Phase } from '../types.js';
import type { SpamSettings } from '../settings.js';
import { analyzeBody } from '../text/body.js';
import { findTerms } from '../text/word-list.js';

/** Each independent signal adds this much to the spam score (capped at 1). */
export const SPAM_SIGNAL_WEIGHT = 0.5;

/**
 * Phase 7: cheap spam heuristics. Each signal is weak on its own, so they are
 * combined into a score recorded for moderators; the comment is held when the
 * score reaches `spam.holdScore` (with the default 0.5, any one signal).
 */
export const spam: Phase = (ctx) => {
  const config = ctx.settings.spam;
  const body = analyzeBody(ctx.comment.body);
  const signals: string[] = [];

  if (config.maxRepeatedCharRun > 0 && longestRun(body.text) > config.maxRepeatedCharRun) {
    signals.push('repeated-characters');
  }
  if (isShouting(body.text, config)) signals.push('shouting');
  for (const phrase of findTerms(config.phrases, ctx.comment.body)) signals.push(`phrase:${phrase}`);
  // A single link in a short comment ("Source: https://…") is normal; a body
  // that is mostly links is not.
  if (body.links.length >= 2 && body.links.length / Math.max(1, body.wordCount) > config.maxLinkDensity) {
    signals.push('link-density');
  }

  if (signals.length === 0) return undefined;
  const score = Math.min(1, signals.length * SPAM_SIGNAL_WEIGHT);
  ctx.scores.spam = { score, signals };
  if (score < config.holdScore) return undefined;
  return { status: 'HELD', reason: 'SPAM', detail: signals.join(', ') };
};

/**
 * Longest run of one repeated character ("!!!!!!!!", "sooooooo"). Whitespace
 * and digits are ignored: indentation and numbers like 1000000 are not spam.
 */
export function longestRun(text: string): number {
  let longest = 0;
  let run = 0;
  let previous: string | undefined;
  for (const char of text) {
    run = char === previous ? run + 1 : 1;
    previous = char;
    if (!/[\s\p{N}]/u.test(char)) longest = Math.max(longest, run);
  }
  return longest;
}

/** Mostly-uppercase prose, only judged once there are enough cased letters. */
export function isShouting(text: string, config: Pick<SpamSettings, 'shoutingRatio' | 'shoutingMinLetters'>): boolean {
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = text.match(/\p{Ll}/gu)?.length ?? 0;
  const cased = upper + lower;
  return cased >= config.shoutingMinLetters && upper / cased >= config.shoutingRatio;
}
