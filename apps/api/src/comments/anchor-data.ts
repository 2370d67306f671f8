import type { Prisma } from '../generated/prisma/client.js';
import type { AnchorStatus } from '../generated/prisma/enums.js';
import type { AnchorModel } from './models/comment.model.js';

/** Thread.anchor and Thread.originalAnchor as stored. */
export interface StoredAnchorJson {
  revisionId: string;
  position: { start: number; end: number };
  quote: { exact: string; prefix: string; suffix: string };
}

/** The Thread columns for a thread anchored on a passage of a revision (freshly, exactly). */
export function anchoredThreadData(
  anchor: StoredAnchorJson,
): Pick<
  Prisma.ThreadUncheckedCreateInput,
  'anchor' | 'originalAnchor' | 'anchorStatus' | 'anchorScore' | 'anchorStart' | 'revisionId'
> {
  const json = anchor as unknown as Prisma.InputJsonValue;
  return {
    anchor: json,
    originalAnchor: json,
    anchorStatus: 'ANCHORED',
    anchorScore: 1,
    anchorStart: anchor.position.start,
    revisionId: anchor.revisionId,
  };
}

/** The API view of a thread's anchor; an orphan's is where the passage was last seen. */
export function anchorOf(row: {
  anchor: Prisma.JsonValue;
  anchorStatus: AnchorStatus | null;
  anchorScore: number | null;
}): AnchorModel | null {
  const anchor = row.anchor as unknown as StoredAnchorJson | null;
  if (!anchor || !row.anchorStatus) return null;
  return {
    revisionId: anchor.revisionId,
    start: anchor.position.start,
    end: anchor.position.end,
    exact: anchor.quote.exact,
    prefix: anchor.quote.prefix,
    suffix: anchor.quote.suffix,
    status: row.anchorStatus,
    score: row.anchorScore,
  };
}
