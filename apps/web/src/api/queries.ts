/** GraphQL documents used by the client, next to the shapes they return. */
import type {
  Article,
  ArticleSummary,
  AuthPayload,
  Comment,
  HighlightRange,
  ImportArticleInput,
  PageInfo,
  ImportJob,
  SelectorInput,
  Stance,
  Thread,
  ThreadSummary,
  User,
} from './types.ts';

const USER_FIELDS = 'id handle displayName role status';

const COMMENT_FIELDS = `
  id threadId parentId authorName legacyNumber postedAt bodyHtml bodySource status stance statusReason statusExplanation
  muted editedAt isOwn
  replyCount author { id handle displayName role }
  reactions { kind count }
  viewerReactions
`;

const THREAD_FIELDS = `
  id articleId originalQuote anchorStatus commentCount createdAt
  anchor { revisionId start end exact prefix suffix status }
  comments { ${COMMENT_FIELDS} }
`;

const ARTICLE_SUMMARY_FIELDS =
  'id slug title author siteName sourceUrl publishedAt createdAt threadCount commentCount state discussionStatus';

export const ME_QUERY = `query Me { me { ${USER_FIELDS} email emailVerified } }`;
export type MeResult = { me: User | null };

/** Articles a page at a time (the server allows at most 50 a page). */
export const ARTICLES_QUERY = `
  query Articles($search: String, $orderBy: ArticleOrder, $first: Int, $after: String) {
    articles(search: $search, orderBy: $orderBy, first: $first, after: $after) {
      nodes { ${ARTICLE_SUMMARY_FIELDS} }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
export type ArticlesResult = {
  articles: { nodes: ArticleSummary[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
};
export type ArticlesVariables = {
  search?: string;
  orderBy?: 'NEWEST' | 'MOST_DISCUSSED';
  first?: number;
  after?: string;
};
export const ARTICLE_PAGE_SIZE = 20;

export const ARTICLE_QUERY = `
  query Article($slug: String!) {
    article(slug: $slug) {
      ${ARTICLE_SUMMARY_FIELDS}
      revision { id version text createdAt blocks { kind text level speaker ordered href start end } }
      threads { ${THREAD_FIELDS} }
    }
  }
`;
export type ArticleResult = { article: Article | null };

/** Up to this many threads an article's discussion is read whole; beyond, the reader windows it. */
export const FULL_READ_UP_TO = 1000;
/** Summaries in a page, and how far into the text the first view asks for them. */
export const SUMMARY_PAGE = 50;
export const FIRST_SUMMARIES_TO = 6000;
const SUMMARY_FIELDS =
  'id start end exact commentCount createdAt firstCommentId firstStatus excerpt authorName postedAt';

/**
 * The reader's article query: every thread when there are at most FULL_READ_UP_TO, otherwise
 * (threads null) the highlight map and summaries near the top; the page-level threads follow
 * (PAGE_THREADS_QUERY), which keeps this document's cost within the query-cost budget.
 * The text comes as blocks only; the canonical text is the blocks joined by blank lines.
 */
export const ARTICLE_READER_QUERY = `
  query Article($slug: String!, $upTo: Int!, $firstTo: Int!) {
    article(slug: $slug) {
      ${ARTICLE_SUMMARY_FIELDS}
      revision { id version createdAt blocks { kind text level speaker ordered href start end } }
      threads: threadsUpTo(limit: $upTo) { ${THREAD_FIELDS} }
      highlightMap { start end threadCount commentCount }
      threadSummaries(from: 0, to: $firstTo, first: ${SUMMARY_PAGE}) { nodes { ${SUMMARY_FIELDS} } pageInfo { hasNextPage endCursor } }
    }
  }
`;

/** The first page of a large discussion's page-level threads, asked for right after the text. */
export const PAGE_THREADS_QUERY = `
  query PageThreads($slug: String!) {
    article(slug: $slug) { pageThreads: threadConnection(scope: PAGE, first: 10) { nodes { ${THREAD_FIELDS} } pageInfo { hasNextPage endCursor } } }
  }
`;
export type PageThreadsResult = { article: { pageThreads: { nodes: Thread[]; pageInfo: PageInfo } } | null };
export type ArticleReaderResult = {
  article:
    | (Omit<Article, 'threads' | 'revision'> & {
        revision: Omit<Article['revision'], 'text'> & { text?: string };
        threads: Thread[] | null;
        highlightMap?: HighlightRange[];
        threadSummaries?: { nodes: ThreadSummary[]; pageInfo: PageInfo };
      })
    | null;
};

export const THREAD_SUMMARIES_QUERY = `
  query ThreadSummaries($slug: String!, $from: Int!, $to: Int!, $after: String) {
    article(slug: $slug) { threadSummaries(from: $from, to: $to, first: ${SUMMARY_PAGE}, after: $after) {
      nodes { ${SUMMARY_FIELDS} } pageInfo { hasNextPage endCursor } } }
  }
`;
export type ThreadSummariesResult = {
  article: { threadSummaries: { nodes: ThreadSummary[]; pageInfo: PageInfo } } | null;
};

export const THREAD_QUERY = `query Thread($id: ID!) { thread(id: $id) { ${THREAD_FIELDS} } }`;
export type ThreadResult = { thread: Thread };

/** The thread holding a comment (a permalink into a large discussion). */
export const COMMENT_THREAD_QUERY = `query CommentThread($id: ID!) { comment(id: $id) { thread { ${THREAD_FIELDS} } } }`;
export type CommentThreadResult = { comment: { thread: Thread } };

export const ARTICLE_OVERVIEW_QUERY = `
  query ArticleOverview($slug: String!) {
    article(slug: $slug) { id threadCount commentCount state discussionStatus highlightMap { start end threadCount commentCount } }
  }
`;
export type ArticleOverviewResult = {
  article:
    | (Pick<Article, 'id' | 'threadCount' | 'commentCount' | 'state' | 'discussionStatus'> & {
        highlightMap: HighlightRange[];
      })
    | null;
};

// Never `refreshToken`: the API sets it as an HttpOnly cookie, out of reach of scripts.
export const AUTH_FIELDS = `accessToken user { ${USER_FIELDS} email emailVerified }`;

export const LOGIN_MUTATION = `mutation Login($input: LoginInput!) { login(input: $input) { ${AUTH_FIELDS} } }`;
export type LoginResult = { login: AuthPayload };

export const REGISTER_MUTATION = `mutation Register($input: RegisterInput!) { register(input: $input) { ${AUTH_FIELDS} } }`;
export type RegisterResult = { register: AuthPayload };

export const LOGOUT_MUTATION = 'mutation Logout { logout }';

export const SSO_LOGIN_MUTATION = `mutation SsoLogin($input: SsoLoginInput!) { ssoLogin(input: $input) { ${AUTH_FIELDS} } }`;
export type SsoLoginResult = { ssoLogin: AuthPayload };

export const EMBED_ARTICLE_QUERY = `
  query EmbedArticle($siteId: ID!, $url: String!) {
    embedArticle(siteId: $siteId, url: $url) { state url articleId slug commentsOpen }
  }
`;
export type EmbedArticleResult = {
  embedArticle: {
    state: 'READY' | 'PENDING';
    url: string;
    articleId: string | null;
    slug: string | null;
    commentsOpen: boolean;
  };
};

export const CREATE_THREAD_MUTATION = `
  mutation CreateThread($input: CreateThreadInput!) { createThread(input: $input) { ${THREAD_FIELDS} } }
`;
export type CreateThreadResult = { createThread: Thread };
export type CreateThreadVariables = {
  input: { articleId: string; selector?: SelectorInput; body: string; stance?: Stance | null };
};

export const REPLY_MUTATION = `mutation Reply($input: ReplyInput!) { reply(input: $input) { ${COMMENT_FIELDS} } }`;
export type ReplyResult = { reply: Comment };

export const ARTICLE_THREADS_QUERY = `
  query ArticleThreads($slug: String!) {
    article(slug: $slug) { id threadCount commentCount state discussionStatus threads { ${THREAD_FIELDS} } }
  }
`;
export type ArticleThreadsResult = {
  article: Pick<Article, 'id' | 'threadCount' | 'commentCount' | 'threads' | 'state' | 'discussionStatus'> | null;
};

export type DiscussionEventType =
  | 'COMMENT_ADDED'
  | 'COMMENT_DELETED'
  | 'COMMENT_EDITED'
  | 'COMMENT_STATUS_CHANGED'
  | 'REACTIONS_CHANGED'
  | 'THREAD_REANCHORED'
  | 'DISCUSSION_CHANGED';

export const ARTICLE_EVENTS_SUBSCRIPTION = `
  subscription ArticleEvents($articleId: ID!) {
    articleEvents(articleId: $articleId) { type articleId threadId commentId status }
  }
`;
export type ArticleEventsResult = {
  articleEvents: {
    type: DiscussionEventType;
    articleId: string;
    /** Null for events about the whole article (DISCUSSION_CHANGED). */
    threadId: string | null;
    commentId: string | null;
    status: Comment['status'] | null;
  };
};

// ── Imports (admin) ────────────────────────────────────────────────────────────────────
const IMPORT_JOB_FIELDS = 'id status progress step source error warnings articleId articleSlug createdAt updatedAt';

export const IMPORT_ARTICLE_MUTATION = `
  mutation ImportArticle($input: ImportArticleInput!) { importArticle(input: $input) { ${IMPORT_JOB_FIELDS} } }
`;
export type ImportArticleResult = { importArticle: ImportJob };
export type ImportArticleVariables = { input: ImportArticleInput };

export const IMPORT_JOB_QUERY = `query ImportJob($id: ID!) { importJob(id: $id) { ${IMPORT_JOB_FIELDS} } }`;
export type ImportJobResult = { importJob: ImportJob };

export const IMPORT_JOBS_QUERY = `query ImportJobs($first: Int) { importJobs(first: $first) { ${IMPORT_JOB_FIELDS} } }`;
export type ImportJobsResult = { importJobs: ImportJob[] };

// ── Comment actions ────────────────────────────────────────────────────────────────────
export type ReactionKind = 'LIKE' | 'AGREE' | 'DISAGREE' | 'INSIGHTFUL' | 'FUNNY';
export type FlagReason = 'SPAM' | 'ABUSE' | 'OFFENSIVE' | 'MISINFORMATION' | 'OFF_TOPIC' | 'OTHER';

export const REACT_MUTATION = `mutation React($input: ReactInput!) { react(input: $input) { ${COMMENT_FIELDS} } }`;
export type ReactResult = { react: Comment };
export const UNREACT_MUTATION = `mutation Unreact($input: UnreactInput!) { unreact(input: $input) { ${COMMENT_FIELDS} } }`;
export type UnreactResult = { unreact: Comment };

export const EDIT_COMMENT_MUTATION = `
  mutation EditComment($input: EditCommentInput!) { editComment(input: $input) { ${COMMENT_FIELDS} } }
`;
export type EditCommentResult = { editComment: Comment };

export const DELETE_COMMENT_MUTATION = `
  mutation DeleteComment($input: DeleteCommentInput!) { deleteComment(input: $input) { ${COMMENT_FIELDS} } }
`;
export type DeleteCommentResult = { deleteComment: Comment | null };

export const FLAG_COMMENT_MUTATION = `
  mutation FlagComment($input: FlagCommentInput!) { flagComment(input: $input) { id commentId reason } }
`;

// ── Notifications ──────────────────────────────────────────────────────────────────────
export interface Notification {
  id: string;
  kind: NotificationKind;
  message: string;
  read: boolean;
  createdAt: string;
  articleSlug: string | null;
  commentId: string | null;
}

export const NOTIFICATIONS_QUERY = `
  query Notifications { notifications(first: 15) { unreadCount items { id kind message read createdAt articleSlug commentId } } }
`;
export const MARK_READ_MUTATION = 'mutation MarkNotificationsRead { markNotificationsRead }';
export type NotificationsResult = { notifications: { unreadCount: number; items: Notification[] } };
export const NOTIFICATION_ADDED_SUBSCRIPTION = `
  subscription NotificationAdded { notificationAdded { id kind message read createdAt articleSlug commentId } }
`;
export type NotificationAddedResult = { notificationAdded: Notification };

export type NotificationKind = 'REPLY' | 'MENTION' | 'MODERATION' | 'QUEUE_SUMMARY';
export type EmailPreference = 'OFF' | 'IMMEDIATE' | 'DAILY_DIGEST';
export interface NotificationPreference {
  kind: NotificationKind;
  inApp: boolean;
  email: EmailPreference;
}
export interface NotificationSettings {
  timeZone: string;
  preferences: NotificationPreference[];
}
const NOTIFICATION_SETTINGS_FIELDS = 'timeZone preferences { kind inApp email }';
export const NOTIFICATION_SETTINGS_QUERY = `
  query NotificationSettings { notificationSettings { ${NOTIFICATION_SETTINGS_FIELDS} } }
`;
export type NotificationSettingsResult = { notificationSettings: NotificationSettings };
export const UPDATE_NOTIFICATION_PREFERENCES_MUTATION = `
  mutation UpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {
    updateNotificationPreferences(input: $input) { ${NOTIFICATION_SETTINGS_FIELDS} }
  }
`;
export type UpdateNotificationPreferencesResult = { updateNotificationPreferences: NotificationSettings };

export const IMPORT_JOB_SUBSCRIPTION = `
  subscription ImportJobUpdated($id: ID!) {
    importJobUpdated(id: $id) { id status progress step source error warnings articleId articleSlug createdAt updatedAt }
  }
`;
export type ImportJobUpdatedResult = { importJobUpdated: ImportJob };

export const REATTACH_THREAD_MUTATION = `
  mutation ReattachThread($input: ReattachThreadInput!) { reattachThread(input: $input) { ${THREAD_FIELDS} } }
`;
export type ReattachThreadResult = { reattachThread: Thread };

export const EXPORT_ARTICLE_QUERY = 'query ExportArticle($id: ID!) { exportArticle(id: $id) }';
export type ExportArticleResult = { exportArticle: string };
