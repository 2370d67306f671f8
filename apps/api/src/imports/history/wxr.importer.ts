import { Injectable } from '@nestjs/common';
import {
  ContentError,
  QuoteAnchorer,
  articleLinkVariants,
  parseHtml,
  readWxr,
  type HistoryComment,
  type ParsedArticle,
  type WxrPost,
} from '@marginalia/content';
import { ArticleStore } from '../article-store.js';
import { assertNoNul } from '../nul-guard.js';
import { writeHistoryComments } from './history-comment.writer.js';
import { HistoryTally, type HistorySummary } from './history-summary.js';
import type { HistoryProgress } from './history-progress.js';

/**
 * Imports a WordPress WXR export post by post: each published post or page and its
 * comments are written in one transaction (an interrupted import leaves whole articles,
 * and the next run adds the rest), found again by the post's id on re-import.
 */
@Injectable()
export class WxrImporter {
  constructor(private readonly store: ArticleStore) {}

  async run(source: AsyncIterable<Uint8Array>, progress: HistoryProgress): Promise<HistorySummary> {
    const tally = new HistoryTally('wxr');
    let site = '';
    for await (const event of readWxr(source)) {
      if (event.kind === 'site') site = event.baseUrl;
      else if (event.kind === 'skipped') tally.warn(event.warning);
      else {
        for (const warning of event.warnings) tally.warn(warning);
        await this.importPost(`wxr:${site}`, event.post, tally);
        await progress.article(event.bytesRead, event.post.comments.length);
      }
    }
    return tally.finish();
  }

  private async importPost(source: string, post: WxrPost, tally: HistoryTally): Promise<void> {
    const name = `post ${post.sourceId} "${post.title.slice(0, 80)}"`;
    let parsed: ParsedArticle;
    try {
      parsed = parseHtml(post.html, post.link ? { url: post.link } : {});
      assertNoNul(parsed);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      tally.warn(`Skipped ${name} and its ${post.comments.length} comments: ${error.message}`);
      return;
    }
    const ids = new Set(post.comments.map((c) => c.sourceId));
    const comments: HistoryComment[] = post.comments.map((c) => {
      if (!c.parentSourceId || ids.has(c.parentSourceId)) return c;
      tally.warn(
        `Comment ${c.sourceId} on ${name} answers comment ${c.parentSourceId}, which is not in the export; it starts its own thread.`,
      );
      const { parentSourceId: _missing, ...rest } = c;
      return rest;
    });
    const article: ParsedArticle = {
      ...parsed,
      title: post.title,
      comments: [],
      ...(post.author ? { author: post.author } : {}),
      ...(post.publishedAt ? { publishedAt: post.publishedAt } : {}),
    };
    let created = 0;
    await this.store.store(article, {
      importKey: `${source}#${post.sourceId}`,
      ...(post.link ? { sourceUrl: post.link, sourceUrlVariants: articleLinkVariants(post.link) } : {}),
      ...(post.slug ? { preferredSlug: post.slug } : {}),
      writeComments: async (tx, target) => {
        const written = await writeHistoryComments(
          tx,
          source,
          { articleId: target.articleId, revisionId: target.revisionId, anchorer: new QuoteAnchorer(target.text) },
          comments,
          true,
        );
        created = written.commentsCreated;
        return {
          commentsCreated: written.commentsCreated,
          anchoredThreads: written.anchoredThreads,
          replies: written.replies,
          pageThreads: written.pageThreads,
        };
      },
    });
    tally.summary.articles++;
    tally.summary.commentsCreated += created;
    for (const c of comments) {
      tally.comment(c);
      if (c.parentSourceId) tally.summary.replies++;
    }
  }
}
