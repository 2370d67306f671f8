import { Injectable } from '@nestjs/common';
import { canonicalize, type ParsedArticle } from '@marginalia/content';
import { ReanchorService } from '../anchoring/reanchor.service.js';
import { contentHash } from '../articles/article.service.js';
import type { Article, Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma/prisma.service.js';
import { writeLegacyComments, type LegacyCounts } from './legacy-comment.writer.js';
import { slugify } from './slug.js';

export interface StoreResult extends LegacyCounts {
  articleId: string;
  slug: string;
  revisionId: string;
  version: number;
  /** False when the text was unchanged: no revision was written. */
  newRevision: boolean;
  /** True when a new revision replaced an earlier one; its threads' re-anchoring is enqueued. */
  revised: boolean;
  warnings: string[];
}

export interface StoreOptions {
  /** The admin's chosen slug: the article is found (or created) by it alone. */
  slug?: string;
  /** The URL the page was fetched from; identifies the article across re-imports. */
  sourceUrl?: string;
  /** Called as the transaction moves on to comments and to anchoring. */
  onStep?: (step: 'comments' | 'anchoring') => Promise<void>;
  /** The post's id in a site export: found by it first, and recorded on the article. */
  importKey?: string;
  /** Other spellings of the source URL an earlier import may have stored (http/https, `www.`, slash). */
  sourceUrlVariants?: string[];
  /** Slug for a new article (made unique); unlike a bundle's slug it never finds an article. */
  preferredSlug?: string;
  /** Writes the comments in the same transaction, instead of the parsed legacy comments. */
  writeComments?: (tx: Prisma.TransactionClient, target: CommentTarget) => Promise<LegacyCounts>;
}

export interface CommentTarget {
  articleId: string;
  revisionId: string;
  /** The revision's canonical text, for anchoring quotations. */
  text: string;
  newArticle: boolean;
}

/**
 * Writes a parsed article in one transaction: the article (found by its source URL or
 * slug), a new revision only when the canonical text changed, and the legacy comments it
 * does not have yet. Concurrent stores of the same article queue on advisory locks, so a
 * duplicated or retried job never duplicates an article, a revision or a comment.
 */
@Injectable()
export class ArticleStore {
  constructor(
    private readonly prisma: PrismaService,
    private readonly reanchor: ReanchorService,
  ) {}

  async store(parsed: ParsedArticle, options: StoreOptions = {}): Promise<StoreResult> {
    const { outboxIds, ...result } = await this.write(parsed, options);
    // After commit; if Redis is down the outbox relay hands the job over later.
    await this.reanchor.dispatch(outboxIds);
    return result;
  }

  private async write(parsed: ParsedArticle, options: StoreOptions): Promise<StoreResult & { outboxIds: string[] }> {
    const { text } = canonicalize(parsed.blocks);
    const hash = contentHash(text);
    const identity = identityOf(parsed, options);
    const warnings: string[] = [];

    return this.prisma.$transaction(
      async (tx) => {
        for (const key of identity.lockKeys) {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
        }
        const metadata = {
          title: parsed.title,
          author: parsed.author ?? null,
          siteName: parsed.siteName ?? null,
          publishedAt: parsed.publishedAt ? new Date(parsed.publishedAt) : null,
        };
        const found = await findArticle(tx, identity);
        const article = found ?? (await createArticle(tx, identity, metadata, warnings));
        // A new article has no revisions yet; a known one's are few: read them in one go.
        const revisions = found
          ? await tx.articleRevision.findMany({
              where: { articleId: article.id },
              orderBy: { version: 'desc' },
              select: { id: true, version: true, contentHash: true },
            })
          : [];
        const latest = revisions[0] ?? null;
        const existing = revisions.find((r) => r.contentHash === hash) ?? null;
        let revision = existing;
        if (existing && latest && existing.version !== latest.version) {
          warnings.push(
            `The text is that of revision ${existing.version}, older than the current revision ${latest.version}; nothing was changed.`,
          );
        }
        if (!revision) {
          revision = await tx.articleRevision.create({
            data: {
              articleId: article.id,
              version: (latest?.version ?? 0) + 1,
              blocks: parsed.blocks as unknown as Prisma.InputJsonValue,
              canonicalText: text,
              contentHash: hash,
            },
            select: { id: true, version: true, contentHash: true },
          });
          await tx.article.update({ where: { id: article.id }, data: { ...metadata, currentRevisionId: revision.id } });
        }
        await options.onStep?.('comments');
        const counts = options.writeComments
          ? await options.writeComments(tx, {
              articleId: article.id,
              revisionId: revision.id,
              text,
              newArticle: !found,
            })
          : await writeLegacyComments(tx, article.id, revision.id, parsed.comments, !found);
        if (identity.importKey && found && found.importKey !== identity.importKey)
          await tx.article.update({ where: { id: article.id }, data: { importKey: identity.importKey } });
        await options.onStep?.('anchoring');
        const revised = !existing && latest !== null;
        // The article's threads sit on an earlier revision: move them onto this one.
        const outboxIds = revised ? [await this.reanchor.enqueue(tx, article.id, revision.id)] : [];
        return {
          articleId: article.id,
          slug: article.slug,
          revisionId: revision.id,
          version: revision.version,
          newRevision: !existing,
          revised,
          warnings,
          outboxIds,
          ...counts,
        };
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  }
}

interface Identity {
  importKey?: string;
  sourceUrlVariants?: string[];
  preferredSlug?: string;
  explicitSlug?: string;
  sourceUrl?: string;
  /** Slugs that identify the article when no explicit slug is given, in order. */
  slugs: string[];
  lockKeys: string[];
}

/**
 * How an import finds its article again: the admin's slug alone when given; otherwise
 * the source URL, then the bundle's slug, then (with neither) the slug of the title.
 */
function identityOf(parsed: ParsedArticle, options: StoreOptions): Identity {
  const sourceUrl = options.sourceUrl ?? articleUrl(parsed.sourceUrl);
  if (options.slug)
    return { explicitSlug: options.slug, sourceUrl, slugs: [], lockKeys: [`import:slug:${options.slug}`] };
  if (options.importKey) {
    return {
      importKey: options.importKey,
      sourceUrl,
      sourceUrlVariants: options.sourceUrlVariants ?? [],
      ...(options.preferredSlug ? { preferredSlug: options.preferredSlug } : {}),
      slugs: [],
      lockKeys: [`import:key:${options.importKey}`],
    };
  }
  const slugs = parsed.slug ? [parsed.slug] : sourceUrl ? [] : [slugify(parsed.title)];
  const keys = [...(sourceUrl ? [`url:${sourceUrl}`] : []), ...slugs.map((s) => `slug:${s}`)];
  return { sourceUrl, slugs, lockKeys: keys.map((k) => `import:${k}`).sort() };
}

/**
 * Work-around: the plain-text parser reports the site line's URL (a home page such as
 * `https://site.example`) as the article's source URL. A bare origin names a site, not
 * an article, so it must not identify one (two articles of a site would merge).
 */
function articleUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.pathname === '/' && !parsed.search ? undefined : url;
  } catch {
    return undefined;
  }
}

async function findArticle(tx: Prisma.TransactionClient, identity: Identity): Promise<Article | null> {
  if (identity.explicitSlug) return tx.article.findUnique({ where: { slug: identity.explicitSlug } });
  if (identity.importKey) {
    const byKey = await tx.article.findUnique({ where: { importKey: identity.importKey } });
    if (byKey) return byKey;
    const urls = [...(identity.sourceUrl ? [identity.sourceUrl] : []), ...(identity.sourceUrlVariants ?? [])];
    return urls.length
      ? tx.article.findFirst({ where: { sourceUrl: { in: urls } }, orderBy: { createdAt: 'asc' } })
      : null;
  }
  if (identity.sourceUrl) {
    const bySource = await tx.article.findUnique({ where: { sourceUrl: identity.sourceUrl } });
    if (bySource) return bySource;
  }
  for (const slug of identity.slugs) {
    const bySlug = await tx.article.findUnique({ where: { slug } });
    if (bySlug) return bySlug;
  }
  return null;
}

async function createArticle(
  tx: Prisma.TransactionClient,
  identity: Identity,
  metadata: Pick<Prisma.ArticleCreateInput, 'title' | 'author' | 'siteName' | 'publishedAt'>,
  warnings: string[],
): Promise<Article> {
  let sourceUrl = identity.sourceUrl ?? null;
  if (sourceUrl && identity.explicitSlug && (await tx.article.findUnique({ where: { sourceUrl } }))) {
    warnings.push(`Another article already has the source URL ${sourceUrl}; this copy does not record it.`);
    sourceUrl = null;
  }
  if (sourceUrl && identity.importKey && (await tx.article.findUnique({ where: { sourceUrl } }))) sourceUrl = null;
  // A slug the identity looked up (under its lock) and did not find is free.
  const slug =
    identity.explicitSlug ??
    identity.slugs[0] ??
    (await uniqueSlug(tx, slugify(identity.preferredSlug ?? metadata.title)));
  return tx.article.create({ data: { ...metadata, slug, sourceUrl, importKey: identity.importKey ?? null } });
}

export async function uniqueSlug(tx: Prisma.TransactionClient, base: string): Promise<string> {
  const taken = new Set(
    (await tx.article.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((a) => a.slug),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
