import { Prisma } from '../generated/prisma/client.js';

/** Who a comment counts as: its user, else its imported author, else its legacy name. */
const PARTICIPANT = Prisma.sql`COALESCE(c."authorId"::text, 'imported:' || c."importedAuthorId"::text,
  'legacy:' || c."legacyAuthor", c.id::text)`;

/** The published discussion of one thread anchored on the revision, as who said what. */
export interface ThreadTallyRow {
  id: string;
  start: number;
  end: number;
  comments: number;
  /** Distinct participants, and those who took each stance (participant keys). */
  participants: string[];
  agree: string[];
  disagree: string[];
  question: string[];
  evidence: string[];
  /** The deepest published reply's level (0: only the thread's first comment). */
  maxDepth: number;
}

/**
 * Per thread anchored on the revision: its published comments, who took which stance and how
 * deep the replies go — one statement, grouped by thread. Depth is walked over every comment
 * (a reply under a deleted one keeps its level); only PUBLISHED comments are counted.
 */
export const threadTallySql = (articleId: string, revisionId: string): Prisma.Sql => Prisma.sql`
  WITH RECURSIVE scoped AS (
    SELECT c.id, c."parentId", c."threadId", c.status, c.stance, ${PARTICIPANT} AS who
      FROM "Comment" c JOIN "Thread" t ON t.id = c."threadId"
     WHERE t."articleId" = ${articleId}::uuid AND t."revisionId" = ${revisionId}::uuid
       AND t."anchorStatus" IN ('ANCHORED', 'FUZZY')
  ), depth AS (
    SELECT s.id, 0 AS level FROM scoped s WHERE s."parentId" IS NULL
    UNION ALL
    SELECT s.id, d.level + 1 FROM scoped s JOIN depth d ON s."parentId" = d.id
  )
  SELECT t.id::text AS id,
         (t.anchor->'position'->>'start')::int AS start,
         (t.anchor->'position'->>'end')::int AS "end",
         count(*)::int AS comments,
         array_agg(DISTINCT s.who) AS participants,
         COALESCE(array_agg(DISTINCT s.who) FILTER (WHERE s.stance = 'AGREE'), '{}') AS agree,
         COALESCE(array_agg(DISTINCT s.who) FILTER (WHERE s.stance = 'DISAGREE'), '{}') AS disagree,
         COALESCE(array_agg(DISTINCT s.who) FILTER (WHERE s.stance = 'QUESTION'), '{}') AS question,
         COALESCE(array_agg(DISTINCT s.who) FILTER (WHERE s.stance = 'EVIDENCE'), '{}') AS evidence,
         max(d.level)::int AS "maxDepth"
    FROM scoped s
    JOIN depth d ON d.id = s.id
    JOIN "Thread" t ON t.id = s."threadId"
   WHERE s.status = 'PUBLISHED'
   GROUP BY t.id`;

/** The stance of each published thread-opening comment on the revision, with where its passage starts. */
export interface RootStanceRow {
  start: number;
  stance: 'AGREE' | 'DISAGREE' | 'QUESTION' | 'EVIDENCE';
  who: string;
}

export const rootStancesSql = (articleId: string, revisionId: string): Prisma.Sql => Prisma.sql`
  SELECT (t.anchor->'position'->>'start')::int AS start, c.stance::text AS stance, ${PARTICIPANT} AS who
    FROM "Comment" c JOIN "Thread" t ON t.id = c."threadId"
   WHERE t."articleId" = ${articleId}::uuid AND t."revisionId" = ${revisionId}::uuid
     AND t."anchorStatus" IN ('ANCHORED', 'FUZZY')
     AND c."parentId" IS NULL AND c.status = 'PUBLISHED' AND c.stance IS NOT NULL`;
