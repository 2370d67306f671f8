import { useMemo } from 'react';
import { api } from '../api/client.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { formatDateTime, formatRelative } from '../ui/format.ts';
import { ErrorState, Loading } from '../ui/StateViews.tsx';
import { useQuery } from '../ui/useQuery.ts';
import { COMMENT_HISTORY_QUERY, type CommentHistoryResult } from './queries.ts';
import type { CommentVersion } from './types.ts';
import { wordDiff } from './wordDiff.ts';

/** One version's text against the one before it: removed words struck through, added ones marked. */
function VersionDiff({ before, after }: { before: string | null; after: string }) {
  const parts = useMemo(() => (before === null ? null : wordDiff(before, after)), [before, after]);
  if (!parts) return <p className="version-text">{after}</p>;
  return (
    <p className="version-text">
      {parts.map((part, i) =>
        part.kind === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === 'added' ? (
          <ins key={i}>{part.text}</ins>
        ) : (
          <del key={i}>{part.text}</del>
        ),
      )}
    </p>
  );
}

/** Every version of a comment, newest first, each with its changes from the one before. */
export function CommentHistoryList({ versions }: { versions: CommentVersion[] }) {
  if (versions.length <= 1) return <p className="empty-note">This comment was never edited.</p>;
  const numbered = versions.map((version, i) => ({ version, number: i + 1, before: versions[i - 1] ?? null }));
  return (
    <ol className="version-list" reversed>
      {numbered.reverse().map(({ version, number, before }) => (
        <li key={number} className="version">
          <p className="mod-label">
            {number === 1 ? 'Posted' : `Edit ${number - 1}`}
            {version.current && ' (shown now)'} ·{' '}
            <time dateTime={version.writtenAt} title={formatDateTime(version.writtenAt)}>
              {formatRelative(version.writtenAt)}
            </time>
          </p>
          <VersionDiff before={before?.bodySource ?? null} after={version.bodySource} />
        </li>
      ))}
    </ol>
  );
}

/** The edit history of a comment in a dialog, for its author and moderators. */
export function CommentHistoryDialog({ commentId, onClose }: { commentId: string; onClose(): void }) {
  const history = useQuery(`history-${commentId}`, (signal) =>
    api.request<CommentHistoryResult>(COMMENT_HISTORY_QUERY, { commentId }, { signal }),
  );
  return (
    <Dialog title="Edit history" onClose={onClose} className="history-dialog">
      {history.status === 'error' ? (
        <ErrorState error={history.error} onRetry={history.reload} title="Could not load the history" />
      ) : !history.data ? (
        <Loading label="Loading the versions…" />
      ) : (
        <CommentHistoryList versions={history.data.commentHistory.versions} />
      )}
    </Dialog>
  );
}
