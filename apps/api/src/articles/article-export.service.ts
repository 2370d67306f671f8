import { Injectable } from '@nestjs/common';
import {
  codePointLength,
  describeAnchor,
  toBundle,
  type Block,
  type CommentAnchor,
  type ParsedComment,
} from '@marginalia/content';
import type { StoredAnchorJson } from '../comments/thread.reader.js';
import type { AnchorStatus, CommentStatus } from '../generated/prisma/enums.js';
import { notFound } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { isUUID } from 'class-validator';

export interface CommentRow {
  id: string;
  threadId: string;
  parentId: string | null;
  status: CommentStatus;
  legacyAuthor: string | null;
  legacyNumber: number | null;
  legacyPostedAt: Date | null;
  createdAt: Date;
  bodySource: string;
  author: { displayName: string } | null;
}

export interface ThreadRow {
  id: string;
  anchor: unknown;
  anchorStatus: AnchorStatus | null;
}

/**
 * Exports an article as a `marginalia.bundle` (the shape `parseBundle` imports): its
 * current revision and every PUBLISHED comment, legacy or native. Legacy comments keep
 * their numbers; native ones are numbered after them in posting order. A reply whose
 * parent is not published hangs from its nearest published ancestor, or opens the
 * thread; anchors are kept when they hold on the current text.
 */
@Injectable()
export class ArticleExportService {
  constructor(private readonly prisma: PrismaService) {}

  async export(articleId: string): Promise<string> {
    if (!isUUID(articleId)) throw notFound('Article', 'id');
    const article = await this.prisma.article.findUnique({ where: { id: articleId } });
    if (!article) throw notFound('Article', 'id');
    const revision = article.currentRevisionId
      ? await this.prisma.articleRevision.findUnique({ where: { id: article.currentRevisionId } })
      : await this.prisma.articleRevision.findFirst({ where: { articleId }, orderBy: { version: 'desc' } });
    if (!revision) throw notFound('Revision', 'id');
    const [threads, comments] = await Promise.all([
      this.prisma.thread.findMany({ where: { articleId }, select: { id: true, anchor: true, anchorStatus: true } }),
      this.prisma.comment.findMany({
        where: { thread: { articleId } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          threadId: true,
          parentId: true,
          status: true,
          legacyAuthor: true,
          legacyNumber: true,
          legacyPostedAt: true,
          createdAt: true,
          bodySource: true,
          author: { select: { displayName: true } },
        },
      }),
    ]);
    const bundle = toBundle({
      title: article.title,
      slug: article.slug,
      ...(article.author ? { author: article.author } : {}),
      ...(article.siteName ? { siteName: article.siteName } : {}),
      ...(article.sourceUrl ? { sourceUrl: article.sourceUrl } : {}),
      ...(article.publishedAt ? { publishedAt: article.publishedAt.toISOString() } : {}),
      blocks: revision.blocks as unknown as Block[],
      comments: exportComments(comments, threads, revision.id, revision.canonicalText),
      warnings: [],
    });
    return JSON.stringify(bundle, null, 2);
  }
}

/**
 * The bundle's comments, from the article's comment rows in (createdAt, id) order. Pure, so
 * the numbering can be tested with ties the database would only produce by chance.
 */
export function exportComments(
  rows: CommentRow[],
  threads: ThreadRow[],
  revisionId: string,
  text: string,
): ParsedComment[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const threadById = new Map(threads.map((t) => [t.id, t]));
  const published = rows.filter((r) => r.status === 'PUBLISHED');
  const publishedAncestor = (row: CommentRow): CommentRow | undefined => {
    let parent = row.parentId ? byId.get(row.parentId) : undefined;
    while (parent && parent.status !== 'PUBLISHED') parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    return parent;
  };
  const numbers = numberComments(published, publishedAncestor);
  const exported = new Map<string, ParsedComment>();

  // Parents before their replies, as the bundle requires; otherwise in number order.
  const emit = (row: CommentRow): void => {
    if (exported.has(row.id)) return;
    const parent = publishedAncestor(row);
    if (parent) emit(parent);
    const thread = threadById.get(row.threadId);
    const anchor = parent || !thread ? undefined : anchorOnText(thread, revisionId, text);
    exported.set(row.id, {
      number: numbers.get(row.id)!,
      authorName: row.legacyAuthor ?? row.author?.displayName ?? 'Anonymous',
      postedAt: (row.legacyPostedAt ?? row.createdAt).toISOString(),
      bodyMarkdown: row.bodySource,
      ...(parent ? { parentNumber: numbers.get(parent.id)! } : {}),
      ...(anchor ? { anchor } : {}),
    });
  };
  [...published].sort((a, b) => numbers.get(a.id)! - numbers.get(b.id)!).forEach(emit);
  return [...exported.values()];
}

/**
 * Legacy comments keep their numbers; native ones follow in posting order, each parent
 * numbered before its replies (posting times can tie).
 */
function numberComments(
  published: CommentRow[],
  publishedAncestor: (row: CommentRow) => CommentRow | undefined,
): Map<string, number> {
  const numbers = new Map<string, number>();
  let next = 1;
  for (const row of published) {
    if (row.legacyNumber !== null) {
      numbers.set(row.id, row.legacyNumber);
      next = Math.max(next, row.legacyNumber + 1);
    }
  }
  const assign = (row: CommentRow): void => {
    if (numbers.has(row.id)) return;
    const parent = publishedAncestor(row);
    if (parent) assign(parent);
    numbers.set(row.id, next++);
  };
  published.forEach(assign);
  return numbers;
}

/** The thread's anchor on the exported text: as stored when it still holds, or its quote found once. */
function anchorOnText(thread: ThreadRow, revisionId: string, text: string): CommentAnchor | undefined {
  const stored = thread.anchor as StoredAnchorJson | null;
  if (!stored || !thread.anchorStatus || thread.anchorStatus === 'ORPHANED') return undefined;
  const { exact } = stored.quote;
  const length = codePointLength(text);
  const { start, end } = stored.position;
  if (stored.revisionId === revisionId && end <= length && describeAnchor(text, start, end).exact === exact) {
    return describeAnchor(text, start, end);
  }
  const at = text.indexOf(exact);
  if (!exact || at < 0 || text.indexOf(exact, at + 1) >= 0) return undefined;
  const from = codePointLength(text.slice(0, at));
  return describeAnchor(text, from, from + codePointLength(exact));
}
