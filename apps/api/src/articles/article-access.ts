import { isStaff, type Viewer } from '../auth/viewer.js';
import type { ArticleState } from '../generated/prisma/enums.js';
import { DomainError, notFound } from '../infra/errors/domain-error.js';
import type { PrismaService } from '../infra/prisma/prisma.service.js';

/**
 * Who may read an article and whether its discussion takes new writes. One place for the
 * rules, applied by every read and write path (GraphQL, the W3C endpoint, the embed, live
 * events): an UNPUBLISHED article does not exist for readers; an ARCHIVED one is read-only;
 * a closed discussion (switched off, or past its closing time) takes no new threads,
 * replies, edits or reactions.
 */
export interface ArticleGate {
  state: ArticleState;
  /** The article's own switch; null follows its site's default. */
  commentsOpen: boolean | null;
  commentsClosesAt: Date | null;
  /** The site's default (null without a site: open). */
  siteCommentsOpen: boolean | null;
}

/** What a reader is told about a discussion. */
export type DiscussionStatus = 'OPEN' | 'CLOSED' | 'ARCHIVED' | 'UNPUBLISHED';

/** The Prisma selection that yields an ArticleGate through `gateOf`. */
export const ARTICLE_GATE_SELECT = {
  state: true,
  commentsOpen: true,
  commentsClosesAt: true,
  site: { select: { commentsOpen: true } },
} as const;

export function gateOf(article: {
  state: ArticleState;
  commentsOpen: boolean | null;
  commentsClosesAt: Date | null;
  site: { commentsOpen: boolean } | null;
}): ArticleGate {
  return {
    state: article.state,
    commentsOpen: article.commentsOpen,
    commentsClosesAt: article.commentsClosesAt,
    siteCommentsOpen: article.site?.commentsOpen ?? null,
  };
}

export function discussionStatus(gate: ArticleGate, now = new Date()): DiscussionStatus {
  if (gate.state === 'UNPUBLISHED') return 'UNPUBLISHED';
  if (gate.state === 'ARCHIVED') return 'ARCHIVED';
  if (!(gate.commentsOpen ?? gate.siteCommentsOpen ?? true)) return 'CLOSED';
  if (gate.commentsClosesAt && gate.commentsClosesAt.getTime() <= now.getTime()) return 'CLOSED';
  return 'OPEN';
}

/** Whether the viewer may read the article at all (staff see unpublished ones). */
export const mayRead = (gate: Pick<ArticleGate, 'state'>, viewer: Viewer | null | undefined): boolean =>
  gate.state !== 'UNPUBLISHED' || isStaff(viewer);

/** Refuses an article the viewer may not read, exactly as if it did not exist. */
export function assertReadable(
  gate: Pick<ArticleGate, 'state'>,
  viewer: Viewer | null | undefined,
  what = 'Article',
  field?: string,
): void {
  if (!mayRead(gate, viewer)) throw notFound(what, field);
}

export const commentsClosed = (status: DiscussionStatus): DomainError =>
  new DomainError(
    'COMMENTS_CLOSED',
    status === 'ARCHIVED'
      ? 'This article is archived: its discussion is read-only'
      : status === 'UNPUBLISHED'
        ? 'This article is not published: its discussion takes no comments'
        : 'Comments are closed on this article',
  );

/**
 * Refuses a write to the discussion: NOT_FOUND where the viewer may not read the article
 * (`what`/`field` name what the request pointed at), COMMENTS_CLOSED where it is not open.
 */
export function assertDiscussionOpen(
  gate: ArticleGate,
  viewer: Viewer | null | undefined,
  what = 'Article',
  field?: string,
): void {
  assertReadable(gate, viewer, what, field);
  const status = discussionStatus(gate);
  if (status !== 'OPEN') throw commentsClosed(status);
}

/** The gate of an article by id, or null when there is no such article. */
export async function loadGate(prisma: PrismaService, articleId: string): Promise<ArticleGate | null> {
  const article = await prisma.article.findUnique({ where: { id: articleId }, select: ARTICLE_GATE_SELECT });
  return article ? gateOf(article) : null;
}
