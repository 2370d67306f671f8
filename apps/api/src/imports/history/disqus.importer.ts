import { Injectable } from '@nestjs/common';
import {
  QuoteAnchorer,
  articleLinkVariants,
  cleanArticleLink,
  readDisqus,
  type DisqusPost,
  type DisqusThread,
} from '@marginalia/content';
import { PrismaService } from '../../infra/prisma/prisma.service.js';
import { uniqueSlug } from '../article-store.js';
import { slugify } from '../slug.js';
import { writeHistoryComments, type HistoryTarget } from './history-comment.writer.js';
import type { HistoryProgress } from './history-progress.js';
import { HistoryTally, type HistorySummary } from './history-summary.js';

const SOURCE = 'disqus';
/** Posts written per batch: one transaction per thread in it. */
export const DISQUS_BATCH = 1000;
/** Articles whose search text is kept for anchoring; posts mostly come grouped by thread. */
const ANCHORERS_KEPT = 64;

interface ArticleRef {
  articleId: string;
  revisionId: string | null;
}

/**
 * Imports a Disqus export: threads are matched to articles by their link (tolerant of
 * scheme, `www.`, trailing slash and tracking parameters) or create an article by URL and
 * title, awaiting its text; posts are written in batches of 1,000, each thread's share in
 * one transaction, so an interrupted import resumes where it stopped on the next run.
 */
@Injectable()
export class DisqusImporter {
  constructor(private readonly prisma: PrismaService) {}

  async run(source: AsyncIterable<Uint8Array>, progress: HistoryProgress): Promise<HistorySummary> {
    const tally = new HistoryTally('disqus');
    const threads = new Map<string, DisqusThread>();
    const run = new DisqusRun(this.prisma, threads, tally);
    const seen = new Set<string>();
    const parents: string[] = [];
    let buffer: DisqusPost[] = [];
    for await (const event of readDisqus(source)) {
      if (event.kind === 'thread') threads.set(event.thread.sourceId, event.thread);
      else if (event.kind === 'skipped') tally.warn(event.warning);
      else {
        const post = event.post;
        if (!threads.has(post.threadSourceId)) {
          tally.warn(`Skipped post ${post.sourceId}: its thread ${post.threadSourceId} is not in the export.`);
          continue;
        }
        tally.comment(post);
        seen.add(post.sourceId);
        if (post.parentSourceId) parents.push(post.parentSourceId);
        buffer.push(post);
        if (buffer.length >= DISQUS_BATCH) {
          await run.write(buffer, false);
          buffer = [];
        }
        await progress.comment(event.bytesRead);
      }
    }
    await run.write(buffer, false);
    // Replies that came before their parent, and replies to posts the export does not hold.
    for (const orphan of run.deferred) {
      if (orphan.parentSourceId && !seen.has(orphan.parentSourceId))
        tally.warn(
          `Post ${orphan.sourceId} answers post ${orphan.parentSourceId}, which is not in the export; it starts its own thread.`,
        );
    }
    const deferred = run.deferred.splice(0);
    await run.write(deferred, true);
    tally.summary.replies = parents.filter((id) => seen.has(id)).length;
    tally.summary.articles = run.articleCount;
    return tally.finish();
  }
}

/** The state of one Disqus import: articles found so far, anchorers, deferred replies. */
class DisqusRun {
  readonly deferred: DisqusPost[] = [];
  private readonly articles = new Map<string, ArticleRef>();
  private readonly anchorers = new Map<string, QuoteAnchorer | null>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly threads: Map<string, DisqusThread>,
    private readonly tally: HistoryTally,
  ) {}

  get articleCount(): number {
    return this.articles.size;
  }

  async write(posts: readonly DisqusPost[], placeOrphans: boolean): Promise<void> {
    const byThread = new Map<string, DisqusPost[]>();
    for (const post of posts) {
      const group = byThread.get(post.threadSourceId);
      if (group) group.push(post);
      else byThread.set(post.threadSourceId, [post]);
    }
    for (const [threadId, group] of byThread) {
      const thread = this.threads.get(threadId);
      if (!thread) continue;
      const target = await this.target(thread);
      const written = await this.prisma.$transaction(
        (tx) => writeHistoryComments(tx, SOURCE, target, group, placeOrphans),
        { timeout: 60_000, maxWait: 30_000 },
      );
      this.tally.summary.commentsCreated += written.commentsCreated;
      this.deferred.push(...(written.orphans as DisqusPost[]));
    }
  }

  private async target(thread: DisqusThread): Promise<HistoryTarget> {
    let ref = this.articles.get(thread.sourceId);
    if (!ref) {
      ref = await this.findOrCreate(thread);
      this.articles.set(thread.sourceId, ref);
    }
    let anchorer = this.anchorers.get(ref.articleId);
    if (anchorer === undefined) {
      const revision = ref.revisionId
        ? await this.prisma.articleRevision.findUnique({
            where: { id: ref.revisionId },
            select: { canonicalText: true },
          })
        : null;
      anchorer = revision ? new QuoteAnchorer(revision.canonicalText) : null;
      if (this.anchorers.size >= ANCHORERS_KEPT) this.anchorers.delete(this.anchorers.keys().next().value as string);
    } else this.anchorers.delete(ref.articleId);
    this.anchorers.set(ref.articleId, anchorer);
    return { articleId: ref.articleId, revisionId: ref.revisionId, anchorer };
  }

  /** The article a thread's link names, or a new one holding the page's discussion until its text is imported. */
  private async findOrCreate(thread: DisqusThread): Promise<ArticleRef> {
    const importKey = `${SOURCE}#thread:${thread.sourceId}`;
    const urls = articleLinkVariants(thread.link);
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`import:key:${importKey}`}, 0))`;
      const select = { id: true, currentRevisionId: true } as const;
      const found =
        (await tx.article.findUnique({ where: { importKey }, select })) ??
        (await tx.article.findFirst({ where: { sourceUrl: { in: urls } }, orderBy: { createdAt: 'asc' }, select }));
      if (found) return { articleId: found.id, revisionId: found.currentRevisionId };
      const sourceUrl = cleanArticleLink(thread.link) ?? null;
      const created = await tx.article.create({
        data: {
          title: thread.title.slice(0, 300),
          slug: await uniqueSlug(tx, slugify(thread.title)),
          sourceUrl,
          importKey,
          ...(thread.createdAt ? { publishedAt: new Date(thread.createdAt) } : {}),
        },
        select,
      });
      return { articleId: created.id, revisionId: null };
    });
  }
}
