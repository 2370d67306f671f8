// The moderation pipeline: an ordered list of phases, the first one to decide
// wins. Order matters - cheap, certain rejections come first, content checks
// next, and the author/article "hold for review" policies last, so that a
// comment which would be rejected anyway is not queued for a moderator.
import { approve } from './phases/approve.js';
import { authorHistory } from './phases/author-history.js';
import { authorStatus } from './phases/author-status.js';
import { bannedWords } from './phases/banned-words.js';
import { bodyLength } from './phases/body-length.js';
import { links } from './phases/links.js';
import { newCommenter } from './phases/new-commenter.js';
import { premod } from './phases/premod.js';
import { repeatPost } from './phases/repeat-post.js';
import { spam } from './phases/spam.js';
import { suspectWords } from './phases/suspect-words.js';
import { toxicity } from './phases/toxicity.js';
import { userPremod } from './phases/user-premod.js';
import { noMoreLenientThan } from './standing.js';
import type { Phase, PhaseContext, PipelineContext, PipelineResult, PipelineScores } from './types.js';

export const PHASES: readonly Phase[] = Object.freeze([
  bodyLength,
  authorStatus,
  bannedWords,
  suspectWords,
  links,
  repeatPost,
  spam,
  toxicity,
  authorHistory,
  newCommenter,
  userPremod,
  premod,
  approve,
]);

/**
 * Runs the phases in order and returns the first decision together with the
 * scores gathered up to that point, never more lenient than the standing decision
 * of an edited comment. The input context is not modified: the scores live in a
 * fresh accumulator, so running twice gives the same result.
 */
export function runPipeline(ctx: PipelineContext, phases: readonly Phase[] = PHASES): PipelineResult {
  const scores: PipelineScores = {};
  const phaseCtx: PhaseContext = { ...ctx, scores };
  for (const phase of phases) {
    const decision = phase(phaseCtx);
    if (decision) return noMoreLenientThan({ ...decision, scores }, ctx.comment.standing);
  }
  // Only reachable with a custom phase list that lacks the final approve phase.
  return noMoreLenientThan({ ...approve(phaseCtx), scores }, ctx.comment.standing);
}
