import type { CommentBody } from './comment-body.js';

/** A commenter as an export names them; becomes an imported author (no login). */
export interface HistoryAuthor {
  /** Identifies the author within the export's site: the e-mail address, else the source id, else the name. */
  key: string;
  name: string;
  email?: string;
  /** The author's id or user name at the source (WordPress user id, Disqus user name). */
  sourceId?: string;
}

/** Where an imported comment lands: the moderators' statuses. */
export type HistoryStatus = 'PUBLISHED' | 'PENDING' | 'REJECTED' | 'DELETED';

export interface HistoryComment {
  /** The comment's id at the source (WordPress comment id, Disqus post id). */
  sourceId: string;
  /** The id of the comment it answers, at the source. */
  parentSourceId?: string;
  author: HistoryAuthor;
  /** ISO 8601, UTC. */
  postedAt: string;
  body: CommentBody;
  status: HistoryStatus;
  /** Why, when not published as is (`SPAM`). */
  statusReason?: string;
}

/** A published WordPress post or page with its comments. */
export interface WxrPost {
  sourceId: string;
  title: string;
  link?: string;
  slug?: string;
  author?: string;
  publishedAt?: string;
  html: string;
  comments: HistoryComment[];
}

/** A Disqus discussion: one page of the site, named by its URL. */
export interface DisqusThread {
  sourceId: string;
  link: string;
  title: string;
  createdAt?: string;
}

export interface DisqusPost extends HistoryComment {
  threadSourceId: string;
}

/** Counted, named problems with items of an export; the import goes on past them. */
export type HistoryWarning = string;
