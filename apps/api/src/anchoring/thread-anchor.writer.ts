import { Prisma } from '../generated/prisma/client.js';
import type { ThreadAnchorUpdate } from './reanchor-plan.js';

/** Rows per UPDATE statement; keeps each statement's parameters small. */
const CHUNK = 500;

/**
 * Writes new anchors in a few set-based statements instead of one UPDATE per thread.
 * A row is only written while it is still on the revision the plan read it from, so a
 * concurrent re-attach by a moderator is never overwritten. `originalAnchor` is untouched.
 * Returns the ids actually written.
 */
export async function writeThreadAnchors(
  tx: Prisma.TransactionClient,
  updates: readonly ThreadAnchorUpdate[],
  targetRevisionId: string,
): Promise<Set<string>> {
  const written = new Set<string>();
  for (let i = 0; i < updates.length; i += CHUNK) {
    const chunk = updates.slice(i, i + CHUNK);
    const rows = await tx.$queryRaw<Array<{ id: string }>>`
      UPDATE "Thread" AS t SET
        "anchor" = v.anchor::jsonb,
        "anchorStatus" = v.status::"AnchorStatus",
        "anchorScore" = v.score,
        "anchorStart" = v.start,
        "revisionId" = ${targetRevisionId}::uuid,
        "updatedAt" = now()
      FROM unnest(
        ${chunk.map((u) => u.id)}::uuid[],
        ${chunk.map((u) => JSON.stringify(u.anchor))}::text[],
        ${chunk.map((u) => u.status)}::text[],
        ${chunk.map((u) => u.score)}::float8[],
        ${chunk.map((u) => u.start)}::int[],
        ${chunk.map((u) => u.fromRevisionId)}::uuid[]
      ) AS v(id, anchor, status, score, start, from_revision)
      WHERE t.id = v.id AND t."revisionId" IS NOT DISTINCT FROM v.from_revision
      RETURNING t.id::text AS id`;
    for (const row of rows) written.add(row.id);
  }
  return written;
}
