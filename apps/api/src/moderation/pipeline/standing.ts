// The standing decision on an edited comment: what a moderator or the readers' flags decided
// before the edit. The pipeline may be stricter than it, never more lenient: an edit must not
// be a way around a person's hold or a flag threshold.
import type { ModerationDecision, ModerationReason, ModerationStatus } from './types.js';

export interface StandingDecision {
  status: Exclude<ModerationStatus, 'PUBLISHED'>;
  reason: ModerationReason;
  detail: string;
}

const SEVERITY: Record<ModerationStatus, number> = { PUBLISHED: 0, HELD: 1, REJECTED: 2 };

/** The pipeline's decision, or the standing one where the pipeline's would be more lenient. */
export function noMoreLenientThan<D extends ModerationDecision>(
  decision: D,
  standing: StandingDecision | null | undefined,
): D {
  if (!standing || SEVERITY[decision.status] >= SEVERITY[standing.status]) return decision;
  return { ...decision, status: standing.status, reason: standing.reason, detail: standing.detail };
}
