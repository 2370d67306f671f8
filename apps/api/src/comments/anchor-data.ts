import type { Prisma } from '../generated/prisma/client.js';
import type { StoredAnchorJson } from './thread-reader.js';

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
