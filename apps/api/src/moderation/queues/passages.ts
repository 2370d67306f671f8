import type { AnchorStatus } from '../../generated/prisma/enums.js';
import type { PrismaService } from '../../infra/prisma/prisma.service.js';
import type { AnchoredPassageModel } from './queue.models.js';

/** Characters of context shown on each side of a quoted passage. */
export const PASSAGE_CONTEXT = 100;

interface PassageRow {
  threadId: string;
  status: AnchorStatus;
  quoteExact: string | null;
  quotePrefix: string | null;
  quoteSuffix: string | null;
  current: boolean;
  before: string | null;
  exact: string | null;
  after: string | null;
}

/**
 * The anchored passages of some threads, in one statement. Offsets are code points and so
 * is Postgres's substr on UTF-8 text, so the passage is cut exactly where the anchor says.
 * Context comes from the current revision when the anchor points into it; otherwise
 * (orphaned, or not re-anchored yet) from the quote context stored with the anchor.
 * Page-level threads have no passage.
 */
export async function loadPassages(
  prisma: PrismaService,
  threadIds: string[],
): Promise<Map<string, AnchoredPassageModel>> {
  if (threadIds.length === 0) return new Map();
  const rows = await prisma.$queryRaw<PassageRow[]>`
    SELECT t.id AS "threadId", t."anchorStatus"::text AS "status",
           t.anchor #>> '{quote,exact}' AS "quoteExact",
           t.anchor #>> '{quote,prefix}' AS "quotePrefix",
           t.anchor #>> '{quote,suffix}' AS "quoteSuffix",
           r.id IS NOT NULL AS "current",
           substr(r."canonicalText", greatest(p.s - ${PASSAGE_CONTEXT}, 0) + 1, p.s - greatest(p.s - ${PASSAGE_CONTEXT}, 0)) AS "before",
           substr(r."canonicalText", p.s + 1, p.e - p.s) AS "exact",
           substr(r."canonicalText", p.e + 1, ${PASSAGE_CONTEXT}) AS "after"
    FROM "Thread" t
    JOIN "Article" a ON a.id = t."articleId"
    CROSS JOIN LATERAL (
      SELECT (t.anchor #>> '{position,start}')::int AS s, (t.anchor #>> '{position,end}')::int AS e
    ) p
    LEFT JOIN "ArticleRevision" r
      ON r.id = a."currentRevisionId" AND r.id::text = t.anchor ->> 'revisionId' AND t."anchorStatus" <> 'ORPHANED'
    WHERE t.id = ANY(${threadIds}::uuid[]) AND t.anchor IS NOT NULL AND t."anchorStatus" IS NOT NULL`;
  const passages = new Map<string, AnchoredPassageModel>();
  for (const row of rows) {
    const fromText = row.current && row.exact !== null && row.exact === row.quoteExact;
    passages.set(row.threadId, {
      exact: (fromText ? row.exact : row.quoteExact) ?? '',
      before: (fromText ? row.before : row.quotePrefix) ?? '',
      after: (fromText ? row.after : row.quoteSuffix) ?? '',
      status: row.status,
      current: fromText,
    });
  }
  return passages;
}
