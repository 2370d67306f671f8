import { anchor, describe } from '@marginalia/anchoring';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { anchoredThreadData } from '../comments/anchor-data.js';
import { renderMarkdown } from '../common/markdown.js';
import type { Prisma } from '../generated/prisma/client.js';
import { badInput } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { readAnnotation, type ReceivedAnnotation } from './annotation.input.js';
import { AnnotationReader } from './annotation.reader.js';
import { importedId } from './import-ids.js';

/** Most annotations one import may carry. */
export const MAX_IMPORT_ITEMS = 5000;

export interface ImportReport {
  received: number;
  created: number;
  /** Already imported into this article before (same source id). */
  skipped: number;
  anchored: number;
  pageLevel: number;
  replies: number;
  /** Roots whose passage is not in the current text: imported page-level, quote kept in the body. */
  orphaned: Array<{ id: string; quote: string }>;
  /** Replies whose target is neither in the collection nor already imported. */
  unresolved: string[];
}

/** The annotations of a collection, container, page or plain list, wherever they are embedded. */
export function itemsOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'object' || value === null) throw badInput('collection', 'Send an AnnotationCollection');
  const v = value as Record<string, unknown>;
  if (Array.isArray(v['items'])) return v['items'];
  const first = v['first'];
  if (typeof first === 'object' && first !== null) return itemsOf(first);
  const type = v['type'];
  if (type === 'Annotation' || (Array.isArray(type) && type.includes('Annotation'))) return [value];
  throw badInput('collection', 'The collection embeds no annotations (export it with all pages embedded)');
}

interface Planned {
  commentId: string;
  threadId: string;
  parentId: string | null;
  received: ReceivedAnnotation & { id: string };
}

/**
 * Imports W3C annotations (our own export, or another tool's such as a Hypothesis export
 * in the W3C shape) as PUBLISHED legacy comments: creator names and dates are kept,
 * thread roots are anchored on the current revision with the anchoring package, and
 * replies join their target's thread. Everything is written in one transaction.
 */
@Injectable()
export class AnnotationImportService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly reader: AnnotationReader,
  ) {}

  async import(slug: string, value: unknown): Promise<ImportReport> {
    // Only admins import (the controller's guard), so unpublished articles are theirs to fill.
    const article = await this.reader.article(slug, 'staff');
    const revision = article.currentRevision;
    if (!revision) throw badInput('slug', 'This article has no text to anchor annotations on');
    const raw = itemsOf(value);
    if (raw.length > MAX_IMPORT_ITEMS) throw badInput('collection', `At most ${MAX_IMPORT_ITEMS} annotations`);
    const received = raw.map((item, i) => {
      const annotation = readAnnotation(item, `items[${i}]`);
      // Without an id, the content stands in for one, so a re-import still recognises it.
      return { ...annotation, id: annotation.id ?? `urn:sha256:${sha256(JSON.stringify(item))}` };
    });
    const report: ImportReport = {
      received: received.length,
      created: 0,
      skipped: 0,
      anchored: 0,
      pageLevel: 0,
      replies: 0,
      orphaned: [],
      unresolved: [],
    };
    const sourceIds = new Set(received.map((a) => a.id));
    const idOf = (sourceId: string): string => importedId(article.id, sourceId, 'comment');
    // Already imported: these annotations, and the earlier ones replies here may target.
    const known = received.flatMap((a) => [idOf(a.id), ...(a.targetIri ? [idOf(a.targetIri)] : [])]);
    const existing = await this.prisma.comment.findMany({
      where: { id: { in: known }, thread: { articleId: article.id } },
      select: { id: true, threadId: true },
    });
    const placed = new Map(existing.map((c) => [c.id, c.threadId]));

    // A reply targets another annotation; everything else opens a thread.
    const isReply = (a: ReceivedAnnotation): boolean =>
      a.targetIri !== null &&
      (sourceIds.has(a.targetIri) || a.motivation === 'replying' || placed.has(idOf(a.targetIri)));
    const plan: Planned[] = [];
    let pending = received;
    while (pending.length > 0) {
      const next: typeof received = [];
      for (const a of pending) {
        const commentId = idOf(a.id);
        if (placed.has(commentId)) {
          report.skipped++;
          continue;
        }
        if (!isReply(a)) {
          const threadId = importedId(article.id, a.id, 'thread');
          plan.push({ commentId, threadId, parentId: null, received: a });
          placed.set(commentId, threadId);
          continue;
        }
        const parentId = idOf(a.targetIri!);
        const threadId = placed.get(parentId);
        if (threadId) {
          plan.push({ commentId, threadId, parentId, received: a });
          placed.set(commentId, threadId);
        } else next.push(a);
      }
      // Replies whose parent never shows up (or a cycle) stop the loop.
      if (next.length === pending.length) {
        report.unresolved.push(...next.map((a) => a.id));
        break;
      }
      pending = next;
    }

    const threads: Prisma.ThreadCreateManyInput[] = [];
    const rows: Prisma.CommentCreateManyInput[] = [];
    const commentCount = new Map<string, number>();
    const replyCount = new Map<string, number>();
    const now = new Date();
    for (const p of plan) {
      const postedAt = p.received.created ?? now;
      let body = p.received.body;
      if (!p.parentId) {
        const selectors = p.received.selectors;
        const found = selectors ? anchor(revision.canonicalText, selectors) : null;
        let anchorData = {};
        if (found && found.status !== 'ORPHANED') {
          const described = describe(revision.canonicalText, found.start, found.end);
          anchorData = {
            ...anchoredThreadData({ revisionId: revision.id, ...described }),
            ...(found.status === 'FUZZY' ? { anchorStatus: 'FUZZY' as const, anchorScore: found.score } : {}),
          };
          report.anchored++;
        } else {
          if (selectors) {
            report.orphaned.push({ id: p.received.id, quote: selectors.quote.exact });
            body = `${selectors.quote.exact.replace(/^/gm, '> ')}\n\n${body}`;
          }
          report.pageLevel++;
        }
        threads.push({ id: p.threadId, articleId: article.id, createdAt: postedAt, ...anchorData });
      } else {
        report.replies++;
        replyCount.set(p.parentId, (replyCount.get(p.parentId) ?? 0) + 1);
      }
      commentCount.set(p.threadId, (commentCount.get(p.threadId) ?? 0) + 1);
      rows.push({
        id: p.commentId,
        threadId: p.threadId,
        parentId: p.parentId,
        legacyAuthor: p.received.creatorName ?? 'Anonymous',
        legacyPostedAt: postedAt,
        createdAt: postedAt,
        bodySource: body,
        bodyHtml: renderMarkdown(body),
        status: 'PUBLISHED',
        statusReason: 'IMPORTED',
        stance: p.received.stance,
      });
    }
    report.created = rows.length;
    if (rows.length === 0) return report;

    const fresh = new Set(rows.map((r) => r.id));
    const freshThreads = new Set(threads.map((t) => t.id));
    for (const t of threads) t.commentCount = commentCount.get(t.id as string) ?? 0;
    for (const r of rows) r.replyCount = replyCount.get(r.id as string) ?? 0;
    await this.prisma.$transaction(async (tx) => {
      await tx.thread.createMany({ data: threads });
      // `rows` lists parents before their replies, so even a batched insert never sees an orphan reply.
      await tx.comment.createMany({ data: rows });
      for (const [threadId, n] of commentCount) {
        if (!freshThreads.has(threadId)) {
          await tx.thread.update({ where: { id: threadId }, data: { commentCount: { increment: n } } });
        }
      }
      for (const [commentId, n] of replyCount) {
        if (!fresh.has(commentId)) {
          await tx.comment.update({ where: { id: commentId }, data: { replyCount: { increment: n } } });
        }
      }
    });
    return report;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
