import { Inject, Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer.js';
import { assertReadable, loadGate } from '../articles/article-access.js';
import { Prisma } from '../generated/prisma/client.js';
import { APP_CONFIG } from '../infra/config/config.module.js';
import type { AppConfig } from '../infra/config/env.js';
import { notFound } from '../infra/errors/domain-error.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { JobQueue } from '../infra/queue/job-queue.js';
import type { StoredAnchorJson } from '../comments/anchor-data.js';
import type { Digest, DigestSource } from './digest-builder.js';
import { DigestBuilds } from './digest-builds.js';
import type { ArticleDigestModel } from './digest.models.js';

interface PublishedRow {
  id: string;
  parentId: string | null;
  bodySource: string;
  commenter: string;
  threadId: string;
  anchor: Prisma.JsonValue;
}

/** What is stored in ArticleDigest.digest. */
type StoredDigest = Pick<Digest, 'themes' | 'openQuestions' | 'coverage'>;

/**
 * Builds, stores and serves an article's digest. Reads are served from the stored row; a
 * change to the published comments schedules a rebuild at the end of the article's current
 * debounce window (one job per article and window: its jobId), so an article's digest is
 * rebuilt at most once per DIGEST_DEBOUNCE_MS.
 */
/** Articles whose scheduled window a process remembers; past that it forgets them all and asks again. */
const SCHEDULED_KEPT = 10_000;

@Injectable()
export class DigestService {
  /** The window each article's rebuild was last scheduled for (schedule), for at most SCHEDULED_KEPT articles. */
  private readonly scheduled = new Map<string, number>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly jobs: JobQueue,
    private readonly builds: DigestBuilds,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The stored digest, or null (and a build scheduled) when there is none yet. */
  async read(articleId: string, viewer: Viewer | null): Promise<ArticleDigestModel | null> {
    const gate = await loadGate(this.prisma, articleId);
    if (!gate) throw notFound('Article', 'articleId');
    assertReadable(gate, viewer, 'Article', 'articleId');
    const row = await this.prisma.articleDigest.findUnique({ where: { articleId } });
    if (!row) {
      // Imported comments are written without a discussion event: the first read asks for them.
      await this.schedule(articleId).catch(() => undefined);
      return null;
    }
    const stored = row.digest as unknown as StoredDigest;
    const gone = await this.noLongerPublished([
      ...stored.themes.flatMap((t) => t.sentences.map((s) => s.commentId)),
      ...stored.openQuestions.map((q) => q.commentId),
    ]);
    // Hidden without an event (an account deleted with its comments): the stored text goes at the next build.
    if (gone.size > 0) await this.schedule(articleId).catch(() => undefined);
    const kept = <T extends { commentId: string }>(list: T[]): T[] => list.filter((s) => !gone.has(s.commentId));
    return {
      articleId,
      updatedAt: row.builtAt,
      commentCount: row.commentCount,
      themes: stored.themes
        .map((t) => ({ ...t, sentences: kept(t.sentences), commentIds: t.commentIds.filter((id) => !gone.has(id)) }))
        .filter((t) => t.sentences.length > 0),
      openQuestions: kept(stored.openQuestions),
      sources: row.sourceCommentIds,
    };
  }

  /**
   * Schedules a rebuild at the end of the current window of DIGEST_DEBOUNCE_MS. Every change
   * inside one window adds the same jobId (a no-op while the job waits); a change while the
   * job runs falls in the next window and gets a job of its own. A window this process has
   * already scheduled is not asked for again: every published comment is a change, and at
   * hundreds a second the repeated adds were a round trip to Redis each.
   */
  async schedule(articleId: string, now = Date.now()): Promise<void> {
    const window = this.config.DIGEST_DEBOUNCE_MS;
    const bucket = Math.floor(now / window);
    if (this.scheduled.get(articleId) === bucket) return;
    await this.jobs.add('build-digest', { articleId }, `digest-${articleId}-${bucket}`, {
      delay: (bucket + 1) * window - now,
    });
    if (this.scheduled.size >= SCHEDULED_KEPT) this.scheduled.clear();
    this.scheduled.set(articleId, bucket);
  }

  /** Builds the digest from the published comments as they are now and stores it. */
  async rebuild(articleId: string): Promise<Digest> {
    const rows = await this.prisma.$queryRaw<PublishedRow[]>`
      SELECT c.id, c."parentId", c."bodySource", t.id AS "threadId", t.anchor,
             COALESCE(c."authorId"::text, 'imported:' || c."importedAuthorId"::text, 'legacy:' || c."legacyAuthor", c.id::text) AS commenter
      FROM "Comment" c JOIN "Thread" t ON t.id = c."threadId"
      WHERE t."articleId" = ${articleId}::uuid AND c.status = 'PUBLISHED'
      ORDER BY c."createdAt", c.id`;
    const published = new Set(rows.map((r) => r.id));
    const sources: DigestSource[] = rows.map((r) => {
      const anchor = r.anchor as unknown as StoredAnchorJson | null;
      return {
        id: r.id,
        commenter: r.commenter,
        // A reply to a comment that is not published reads as a comment of its own.
        parentId: r.parentId && published.has(r.parentId) ? r.parentId : null,
        body: r.bodySource,
        anchor: anchor
          ? { threadId: r.threadId, quote: anchor.quote.exact, start: anchor.position.start, end: anchor.position.end }
          : null,
      };
    });
    const digest = await this.builds.build(sources);
    const stored: StoredDigest = {
      themes: digest.themes,
      openQuestions: digest.openQuestions,
      coverage: digest.coverage,
    };
    const data = {
      digest: stored as unknown as Prisma.InputJsonValue,
      sourceCommentIds: rows.map((r) => r.id),
      commentCount: digest.commentCount,
      builtAt: new Date(),
    };
    const article = await this.prisma.article.findUnique({ where: { id: articleId }, select: { id: true } });
    // The article was deleted meanwhile: nothing to store.
    if (article) {
      await this.prisma.articleDigest.upsert({ where: { articleId }, create: { articleId, ...data }, update: data });
    }
    return digest;
  }

  /** Of these comments, those no longer published (held, rejected or deleted since the build). */
  private async noLongerPublished(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.prisma.comment.findMany({
      where: { id: { in: [...new Set(ids)] }, status: 'PUBLISHED' },
      select: { id: true },
    });
    const published = new Set(rows.map((r) => r.id));
    return new Set(ids.filter((id) => !published.has(id)));
  }
}
