/**
 * How divided the discussion of a passage is. Counted in people, not comments: one reader
 * agreeing ten times is one agreement.
 *
 *   score = balance × ln(1 + participants) × depth
 *   balance = min(agree, disagree) / max(agree, disagree)   (0 when either side is empty)
 *   depth   = 1 + 0.25 × min(deepest reply level, 4)           (1 to 2)
 *
 * Balance is what makes a passage contested: a hundred agreements and no disagreement is
 * unanimity, scored 0. The logarithm lets more people count without letting a crowd drown
 * a small, even split; replies going back and forth (depth) mark an argument rather than
 * side-by-side verdicts.
 */
export interface StanceTally {
  agree: number;
  disagree: number;
  participants: number;
  maxDepth: number;
}

/** Reply levels past this add nothing: a long chain is an argument, not a bigger one. */
export const DEPTH_CAP = 4;
export const DEPTH_WEIGHT = 0.25;

export function contestedScore({ agree, disagree, participants, maxDepth }: StanceTally): number {
  const high = Math.max(agree, disagree);
  if (high === 0) return 0;
  const balance = Math.min(agree, disagree) / high;
  const depth = 1 + DEPTH_WEIGHT * Math.min(Math.max(maxDepth, 0), DEPTH_CAP);
  return balance * Math.log1p(participants) * depth;
}
