import type { ModerationDecision, PipelineContext } from '../types.js';

/** Phase 13: nothing objected, publish. Always decides, so it must come last. */
export function approve(_ctx?: PipelineContext): ModerationDecision {
  return { status: 'PUBLISHED', reason: 'APPROVED_BY_PIPELINE' };
}
