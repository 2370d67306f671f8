/** TypeScript mirrors of the GraphQL schema types the web client selects. */

export type Role = 'READER' | 'MODERATOR' | 'ADMIN';
export type UserStatus = 'ACTIVE' | 'SUSPENDED' | 'BANNED';
export type CommentStatus = 'PENDING' | 'PUBLISHED' | 'HELD' | 'REJECTED' | 'DELETED';
export type AnchorStatus = 'ANCHORED' | 'FUZZY' | 'ORPHANED';
export type BlockKind = 'heading' | 'paragraph' | 'quote' | 'list_item' | 'turn' | 'code';

export interface User {
  id: string;
  handle: string;
  displayName: string;
  role: Role;
  status: UserStatus;
  email?: string | null;
  /** Whether the address was verified by its mailed link (known for the signed-in user). */
  emailVerified?: boolean;
}

/** What sign-in answers the web client. The refresh token comes as an HttpOnly cookie, never selected here. */
export interface AuthPayload {
  accessToken: string;
  user: User;
}

export interface Block {
  kind: BlockKind;
  text: string;
  level?: number | null;
  speaker?: string | null;
  ordered?: boolean | null;
  href?: string | null;
  /** Code-point offset of the block's first character in the revision text. */
  start: number;
  /** Code-point offset one past the block's last character. */
  end: number;
}

export interface ArticleRevision {
  id: string;
  version: number;
  blocks: Block[];
  text: string;
  createdAt: string;
}

export interface Anchor {
  revisionId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  status: AnchorStatus;
}

export interface ReactionCount {
  kind: string;
  count: number;
}

/** The author's own framing of a comment toward its passage (or, in a reply, its parent). */
export type Stance = 'AGREE' | 'DISAGREE' | 'QUESTION' | 'EVIDENCE';

export interface Comment {
  id: string;
  threadId: string;
  parentId: string | null;
  authorName: string;
  author: Pick<User, 'id' | 'handle' | 'displayName' | 'role'> | null;
  legacyNumber: number | null;
  postedAt: string;
  bodyHtml: string;
  /** Markdown source; only for the comment's author. */
  bodySource?: string | null;
  replyCount?: number;
  status: CommentStatus;
  /** What its author says it does; absent in documents that do not ask for it. */
  stance?: Stance | null;
  statusReason: string | null;
  /** For its author, while held or rejected: why, in plain words. */
  statusExplanation?: string | null;
  /** The viewer muted its author: shown collapsed, without its body. */
  muted?: boolean;
  editedAt: string | null;
  isOwn: boolean;
  reactions: ReactionCount[];
  viewerReactions: string[];
}

export interface Thread {
  id: string;
  articleId: string;
  anchor: Anchor | null;
  originalQuote: string | null;
  anchorStatus: AnchorStatus | null;
  commentCount: number;
  createdAt: string;
  comments: Comment[];
}

export interface ArticleSummary {
  id: string;
  slug: string;
  title: string;
  author: string | null;
  siteName: string | null;
  sourceUrl: string | null;
  publishedAt: string | null;
  createdAt: string;
  threadCount: number;
  commentCount: number;
  /** UNPUBLISHED articles reach staff only. */
  state?: ArticleState;
  /** Whether the discussion takes new comments, and if not why. */
  discussionStatus?: DiscussionStatus;
}

export type ArticleState = 'PUBLISHED' | 'UNPUBLISHED' | 'ARCHIVED';
export type DiscussionStatus = 'OPEN' | 'CLOSED' | 'ARCHIVED' | 'UNPUBLISHED';

export interface Article extends ArticleSummary {
  revision: ArticleRevision;
  /** Every thread; for a very large discussion only the page-level ones and those opened. */
  threads: Thread[];
}

/** Discussed passages that overlap, merged, with counts (`highlightMap`). */
export interface HighlightRange {
  start: number;
  end: number;
  threadCount: number;
  commentCount: number;
}

/** A passage thread in brief (`threadSummaries`). */
export interface ThreadSummary {
  id: string;
  start: number;
  end: number;
  exact: string;
  commentCount: number;
  createdAt: string;
  firstCommentId: string;
  firstStatus: CommentStatus;
  excerpt: string;
  authorName: string | null;
  postedAt: string;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface SelectorInput {
  start: number;
  end: number;
  exact: string;
  prefix?: string;
  suffix?: string;
}

export type ImportFormat = 'text' | 'markdown' | 'html' | 'bundle';
export type ImportStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

export interface ImportArticleInput {
  text?: string;
  markdown?: string;
  html?: string;
  url?: string;
  bundle?: string;
  format?: ImportFormat;
  slug?: string;
}

export interface ImportJob {
  id: string;
  status: ImportStatus;
  /** 0–100 */
  progress: number;
  /** fetch, parse, store, comments or anchoring */
  step: string | null;
  source: string;
  error: string | null;
  warnings: string[];
  articleId: string | null;
  articleSlug: string | null;
  createdAt: string;
  updatedAt: string;
}
