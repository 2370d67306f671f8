/** GraphQL documents and shapes of the admin's article desk (Manage → Articles). */
import type { AnchorStatus, ArticleState, DiscussionStatus } from '../api/types.ts';

const DESK_FIELDS = `id slug title author siteName sourceUrl publishedAt createdAt threadCount commentCount
  state discussionStatus commentsOpen commentsClosesAt premod`;

export interface DeskArticle {
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
  state: ArticleState;
  discussionStatus: DiscussionStatus;
  /** The article's own switch; null follows its site's default. */
  commentsOpen: boolean | null;
  commentsClosesAt: string | null;
  premod: boolean;
}

export type RevisionThreadOutcome = 'ANCHORED' | 'MOVED' | 'FUZZY' | 'ORPHANED';

export interface DeskRevision {
  id: string;
  version: number;
  createdAt: string;
  /** The threads last evaluated against this revision, and what it did to each. */
  threadOutcomes: Array<{
    threadId: string;
    outcome: RevisionThreadOutcome;
    quote: string;
    originalQuote: string | null;
    commentCount: number;
  }>;
}

const OUTCOME_WORDS: Record<RevisionThreadOutcome, string> = {
  ANCHORED: 'in place',
  MOVED: 'moved',
  FUZZY: 'fuzzy',
  ORPHANED: 'orphaned',
};

/** "2 in place, 1 moved, 1 orphaned" (outcomes with no thread left out), or "—". */
export function outcomeSummary(outcomes: DeskRevision['threadOutcomes']): string {
  const counts = new Map<RevisionThreadOutcome, number>();
  for (const t of outcomes) counts.set(t.outcome, (counts.get(t.outcome) ?? 0) + 1);
  const parts = (Object.keys(OUTCOME_WORDS) as RevisionThreadOutcome[])
    .filter((o) => counts.has(o))
    .map((o) => `${counts.get(o)} ${OUTCOME_WORDS[o]}`);
  return parts.length > 0 ? parts.join(', ') : '—';
}

export interface DeskThread {
  id: string;
  anchorStatus: AnchorStatus | null;
  originalQuote: string | null;
  commentCount: number;
  anchor: { revisionId: string; start: number; end: number; exact: string; status: AnchorStatus } | null;
}

export const DESK_ARTICLE_QUERY = `
  query DeskArticle($id: ID!) {
    articleById(id: $id) {
      ${DESK_FIELDS}
      revisions(first: 50) {
        nodes { id version createdAt threadOutcomes { threadId outcome quote originalQuote commentCount } }
      }
      threads { id anchorStatus originalQuote commentCount anchor { revisionId start end exact status } }
      orphanedThreads { id anchorStatus originalQuote commentCount anchor { revisionId start end exact status } }
    }
  }
`;
export type DeskArticleResult = {
  articleById:
    | (DeskArticle & { revisions: { nodes: DeskRevision[] }; threads: DeskThread[]; orphanedThreads: DeskThread[] })
    | null;
};

export const DESK_REVISION_TEXT_QUERY = `
  query DeskRevisionText($slug: String!, $version: Int!) {
    article(slug: $slug) { id revision(version: $version) { id version text } }
  }
`;
export type DeskRevisionTextResult = { article: { revision: { id: string; version: number; text: string } } | null };

export const UPDATE_ARTICLE_MUTATION = `
  mutation UpdateArticle($input: UpdateArticleInput!) { updateArticle(input: $input) { ${DESK_FIELDS} } }
`;
export type UpdateArticleResult = { updateArticle: DeskArticle };

export const SET_ARTICLE_STATE_MUTATION = `
  mutation SetArticleState($input: SetArticleStateInput!) { setArticleState(input: $input) { ${DESK_FIELDS} } }
`;
export type SetArticleStateResult = { setArticleState: DeskArticle };

export const SET_ARTICLE_DISCUSSION_MUTATION = `
  mutation SetArticleDiscussion($input: SetArticleDiscussionInput!) {
    setArticleDiscussion(input: $input) { ${DESK_FIELDS} }
  }
`;
export type SetArticleDiscussionResult = { setArticleDiscussion: DeskArticle };

export const DELETE_ARTICLE_MUTATION = `
  mutation DeleteArticle($input: DeleteArticleInput!) { deleteArticle(input: $input) }
`;

/** `<input type="datetime-local">` value (local time, minutes) of an ISO instant, and back. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export const STATE_LABELS: Record<ArticleState, string> = {
  PUBLISHED: 'Published',
  UNPUBLISHED: 'Unpublished (staff only)',
  ARCHIVED: 'Archived (read-only discussion)',
};
