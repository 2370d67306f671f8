import type { HistoryComment, HistoryStatus, QuoteAnchorer } from '@marginalia/content';
import { createHash, randomUUID } from 'node:crypto';
import { renderMarkdown } from '../../common/markdown.js';
import { anchoredThreadData } from '../../comments/anchor-data.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { importedAuthors } from './imported-author.store.js';

export interface HistoryTarget {
  articleId: string;
  /** The revision anchors point into; null for an article whose text is not imported yet. */
  revisionId: string | null;
  anchorer: QuoteAnchorer | null;
}

export interface HistoryWriteResult {
  commentsCreated: number;
  commentsUpdated: number;
  anchoredThreads: number;
  pageThreads: number;
  replies: number;
  /** Comments whose parent is neither in the batch nor stored (left to the caller). */
  orphans: HistoryComment[];
}

interface Placed {
  id: string;
  threadId: string;
}

/** What the source said about a comment: its status and text. */
function digestOf(c: HistoryComment): string {
  return createHash('sha256')
    .update(`${c.status}\n${c.statusReason ?? ''}\n${c.body.markdown}`)
    .digest('base64url')
    .slice(0, 22);
}

type StoredStatus = 'PUBLISHED' | 'HELD' | 'REJECTED' | 'DELETED';

/**
 * A comment awaiting moderation at the source waits in the moderators' Pending queue (HELD);
 * the others were decided there (published, spam, trash), so they carry a review date and
 * do not flood the Unmoderated queue.
 */
function storedStatus(status: HistoryStatus): { status: StoredStatus; reviewed: boolean } {
  switch (status) {
    case 'PENDING':
      return { status: 'HELD', reviewed: false };
    case 'PUBLISHED':
    case 'REJECTED':
    case 'DELETED':
      return { status, reviewed: true };
  }
}

interface ThreadRow {
  id: string;
  articleId: string;
  createdAt: string;
  commentCount: number;
  anchor: unknown;
  anchorStatus: string | null;
  anchorScore: number | null;
  anchorStart: number | null;
  revisionId: string | null;
}

interface CommentRow {
  id: string;
  threadId: string;
  parentId: string | null;
  authorId: string | null;
  importedAuthorId: string | null;
  importKey: string;
  importDigest: string;
  legacyAuthor: string;
  postedAt: string;
  bodySource: string;
  bodyHtml: string;
  status: StoredStatus;
  statusReason: string;
  statusBeforeDelete: StoredStatus | null;
  reviewedAt: string | null;
  replyCount: number;
}

/**
 * Both INSERTs take their rows as one JSON parameter: a batch of a thousand comments is two
 * statements with two parameters, where a bound parameter per column and row made the
 * client's query building the import's slowest step.
 */
// Timestamps travel as UTC ISO strings into the timestamp(3) columns, read as `timestamp`
// (the zone is dropped, as Prisma stores them): through timestamptz the session's time zone
// would shift them.
async function insertRows(tx: Prisma.TransactionClient, threads: ThreadRow[], rows: CommentRow[]): Promise<void> {
  if (threads.length > 0) {
    await tx.$executeRaw`
        INSERT INTO "Thread" (id, "articleId", anchor, "originalAnchor", "anchorStatus", "anchorScore", "anchorStart",
        "revisionId", "commentCount", "createdAt", "updatedAt")
      SELECT id, "articleId", anchor, anchor, "anchorStatus"::"AnchorStatus", "anchorScore", "anchorStart",
        "revisionId", "commentCount", "createdAt", now()
      FROM jsonb_to_recordset(${JSON.stringify(threads)}::jsonb) AS t(id uuid, "articleId" uuid, anchor jsonb,
        "anchorStatus" text, "anchorScore" float8, "anchorStart" int, "revisionId" uuid, "commentCount" int,
        "createdAt" timestamp)`;
  }
  await tx.$executeRaw`
    INSERT INTO "Comment" (id, "threadId", "parentId", "authorId", "importedAuthorId", "importKey", "importDigest", "legacyAuthor",
      "legacyPostedAt", "createdAt", "updatedAt", "bodySource", "bodyHtml", status, "statusReason",
      "statusBeforeDelete", "reviewedAt", "replyCount")
    SELECT id, "threadId", "parentId", "authorId", "importedAuthorId", "importKey", "importDigest", "legacyAuthor",
      "postedAt", "postedAt", now(), "bodySource", "bodyHtml", status::"CommentStatus", "statusReason",
      "statusBeforeDelete"::"CommentStatus", "reviewedAt", "replyCount"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS c(id uuid, "threadId" uuid, "parentId" uuid,
      "authorId" uuid, "importedAuthorId" uuid, "importKey" text, "importDigest" text, "legacyAuthor" text,
      "postedAt" timestamp,
      "bodySource" text, "bodyHtml" text, status text, "statusReason" text, "statusBeforeDelete" text,
      "reviewedAt" timestamp,
      "replyCount" int)`;
}

/**
 * Writes one article's share of an export's comments inside the caller's transaction:
 * comments already imported (by their source key) are updated when their text or status
 * changed, new ones are added in two INSERTs, replies join their parent's thread (the
 * parent found in the batch or stored by an earlier batch or run), other comments open a
 * thread, anchored when they quote the article. With `placeOrphans`, a comment whose parent
 * is missing opens a page-level thread; without, it is handed back for a later batch.
 */
export async function writeHistoryComments(
  tx: Prisma.TransactionClient,
  source: string,
  target: HistoryTarget,
  comments: readonly HistoryComment[],
  placeOrphans: boolean,
): Promise<HistoryWriteResult> {
  const result: HistoryWriteResult = {
    commentsCreated: 0,
    commentsUpdated: 0,
    anchoredThreads: 0,
    pageThreads: 0,
    replies: 0,
    orphans: [],
  };
  if (comments.length === 0) return result;
  const keyOf = (sourceId: string): string => `${source}#${sourceId}`;
  const inBatch = new Set(comments.map((c) => c.sourceId));
  const wanted = new Set(comments.map((c) => keyOf(c.sourceId)));
  for (const c of comments) if (c.parentSourceId && !inBatch.has(c.parentSourceId)) wanted.add(keyOf(c.parentSourceId));
  const stored = await tx.comment.findMany({
    where: { importKey: { in: [...wanted] } },
    select: { id: true, threadId: true, importKey: true, importDigest: true },
  });
  const byKey = new Map(stored.map((row) => [row.importKey as string, row]));
  const placed = new Map<string, Placed>(stored.map((row) => [row.importKey as string, row]));
  const authors = await importedAuthors(
    tx,
    source,
    comments.map((c) => c.author),
  );

  // Parents before replies, whatever the file's order; a comment waits for its parent.
  let waiting = comments.filter((c) => !byKey.has(keyOf(c.sourceId)));
  const ordered: HistoryComment[] = [];
  const known = new Set(placed.keys());
  for (let progress = true; progress && waiting.length > 0;) {
    progress = false;
    const next: HistoryComment[] = [];
    for (const c of waiting) {
      if (!c.parentSourceId || known.has(keyOf(c.parentSourceId))) {
        ordered.push(c);
        known.add(keyOf(c.sourceId));
        progress = true;
      } else next.push(c);
    }
    waiting = next;
  }
  for (const c of waiting) {
    if (placeOrphans) ordered.push(c);
    else result.orphans.push(c);
  }

  for (const c of comments) {
    const row = byKey.get(keyOf(c.sourceId));
    if (!row) continue;
    // Only when the source changed: a moderator's decision since the last import stands.
    const digest = digestOf(c);
    if (row.importDigest !== digest) {
      await tx.comment.update({
        where: { id: row.id },
        data: {
          status: storedStatus(c.status).status,
          statusReason: c.statusReason ?? 'IMPORTED',
          reviewedAt: storedStatus(c.status).reviewed ? new Date() : null,
          bodySource: c.body.markdown,
          bodyHtml: renderMarkdown(c.body.markdown),
          importDigest: digest,
        },
      });
      result.commentsUpdated++;
    }
  }

  const threads: ThreadRow[] = [];
  const rows: CommentRow[] = [];
  const reviewedAt = new Date().toISOString();
  const threadCount = new Map<string, number>();
  const replyCount = new Map<string, number>();
  for (const c of ordered) {
    const parent = c.parentSourceId ? placed.get(keyOf(c.parentSourceId)) : undefined;
    const postedAt = new Date(c.postedAt).toISOString();
    let threadId = parent?.threadId;
    if (threadId) result.replies++;
    else {
      threadId = randomUUID();
      const found =
        target.anchorer && target.revisionId && c.status !== 'DELETED'
          ? target.anchorer.anchor(c.body.plain)
          : undefined;
      const anchor =
        found && target.revisionId
          ? anchoredThreadData({
              revisionId: target.revisionId,
              position: { start: found.anchor.start, end: found.anchor.end },
              quote: { exact: found.anchor.exact, prefix: found.anchor.prefix, suffix: found.anchor.suffix },
            })
          : null;
      threads.push({
        id: threadId,
        articleId: target.articleId,
        createdAt: postedAt,
        commentCount: 0,
        anchor: anchor?.anchor ?? null,
        anchorStatus: anchor?.anchorStatus ?? null,
        anchorScore: anchor?.anchorScore ?? null,
        anchorStart: anchor?.anchorStart ?? null,
        revisionId: anchor?.revisionId ?? null,
      });
      if (found) result.anchoredThreads++;
      else result.pageThreads++;
    }
    const author = authors.get(c.author.key);
    const stored = storedStatus(c.status);
    const id = randomUUID();
    rows.push({
      id,
      threadId,
      parentId: parent?.id ?? null,
      authorId: author?.claimedById ?? null,
      importedAuthorId: author?.id ?? null,
      importKey: keyOf(c.sourceId),
      importDigest: digestOf(c),
      legacyAuthor: c.author.name,
      postedAt,
      bodySource: c.body.markdown,
      bodyHtml: renderMarkdown(c.body.markdown),
      status: stored.status,
      statusReason: c.statusReason ?? 'IMPORTED',
      statusBeforeDelete: c.status === 'DELETED' ? 'PUBLISHED' : null,
      reviewedAt: stored.reviewed ? reviewedAt : null,
      replyCount: 0,
    });
    threadCount.set(threadId, (threadCount.get(threadId) ?? 0) + 1);
    if (parent) replyCount.set(parent.id, (replyCount.get(parent.id) ?? 0) + 1);
    placed.set(keyOf(c.sourceId), { id, threadId });
    result.commentsCreated++;
  }
  if (rows.length === 0) return result;

  const fresh = new Set(threads.map((t) => t.id));
  const freshComments = new Set(rows.map((r) => r.id));
  for (const thread of threads) thread.commentCount = threadCount.get(thread.id) ?? 0;
  for (const row of rows) row.replyCount = replyCount.get(row.id) ?? 0;
  await insertRows(tx, threads, rows);
  for (const [threadId, n] of threadCount) {
    if (!fresh.has(threadId))
      await tx.thread.update({ where: { id: threadId }, data: { commentCount: { increment: n } } });
  }
  for (const [commentId, n] of replyCount) {
    if (!freshComments.has(commentId))
      await tx.comment.update({ where: { id: commentId }, data: { replyCount: { increment: n } } });
  }
  return result;
}
