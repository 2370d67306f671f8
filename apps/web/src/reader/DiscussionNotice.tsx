import type { ArticleSummary } from '../api/types.ts';

/**
 * Tells the reader when the discussion takes no new comments, and staff when the article is
 * hidden from readers. Nothing for an open discussion of a published article.
 */
export function DiscussionNotice({ article }: { article: Pick<ArticleSummary, 'state' | 'discussionStatus'> }) {
  return (
    <>
      {article.state === 'UNPUBLISHED' && (
        <p className="notice notice-staff" role="status">
          <strong>Unpublished.</strong> Only staff can see this article; readers are told it does not exist.
        </p>
      )}
      {article.discussionStatus === 'CLOSED' && (
        <p className="notice discussion-notice" role="status">
          <strong>Comments are closed.</strong> You can still read the discussion.
        </p>
      )}
      {article.discussionStatus === 'ARCHIVED' && (
        <p className="notice discussion-notice" role="status">
          <strong>This article is archived.</strong> Its discussion is read-only.
        </p>
      )}
    </>
  );
}
