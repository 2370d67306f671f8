import type { HistoryComment, HistoryFormat } from '@marginalia/content';

/** What a site-history import found in the file and what this run added. */
export interface HistorySummary {
  format: HistoryFormat;
  /** Articles the file's comments live on (posts and pages; Disqus threads). */
  articles: number;
  /** Comments in the file as imported (pingbacks and unreadable items excluded). */
  comments: number;
  /** Comments this run added (0 when the file was imported before). */
  commentsCreated: number;
  replies: number;
  published: number;
  pending: number;
  rejected: number;
  deleted: number;
  /** Distinct commenters. */
  authors: number;
  warnings: string[];
}

/** Most warnings kept in a summary; the rest are counted in one last line. */
export const MAX_WARNINGS = 500;

export class HistoryTally {
  readonly summary: HistorySummary;
  private readonly authorKeys = new Set<string>();
  private dropped = 0;

  constructor(format: HistoryFormat) {
    this.summary = {
      format,
      articles: 0,
      comments: 0,
      commentsCreated: 0,
      replies: 0,
      published: 0,
      pending: 0,
      rejected: 0,
      deleted: 0,
      authors: 0,
      warnings: [],
    };
  }

  warn(warning: string): void {
    if (this.summary.warnings.length < MAX_WARNINGS) this.summary.warnings.push(warning);
    else this.dropped++;
  }

  comment(comment: HistoryComment): void {
    this.summary.comments++;
    const key = { PUBLISHED: 'published', PENDING: 'pending', REJECTED: 'rejected', DELETED: 'deleted' } as const;
    this.summary[key[comment.status]]++;
    this.authorKeys.add(comment.author.key);
    this.summary.authors = this.authorKeys.size;
  }

  finish(): HistorySummary {
    if (this.dropped > 0) this.summary.warnings.push(`… and ${this.dropped} more warnings.`);
    return this.summary;
  }
}
