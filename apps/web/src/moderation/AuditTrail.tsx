import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/errors.ts';
import { formatDateTime } from '../ui/format.ts';
import { ErrorState, Loading } from '../ui/StateViews.tsx';
import {
  AUDIT_LOG_CSV_QUERY,
  AUDIT_LOG_QUERY,
  type AuditLogCsvResult,
  type AuditLogFilter,
  type AuditLogResult,
} from './queries.ts';
import { humanizeCode } from './QueueCard.tsx';
import type { AuditLogEntry } from './types.ts';

const PAGE = 50;

interface State {
  status: 'loading' | 'ready' | 'error';
  entries: AuditLogEntry[];
  endCursor: string | null;
  hasMore: boolean;
  error: unknown;
}

/** What an entry says, in one line: who did what to whom, where. */
function EntryLine({ entry }: { entry: AuditLogEntry }) {
  return (
    <>
      <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time> —{' '}
      <strong>{entry.actorHandle ? `@${entry.actorHandle}` : entry.actorId ? 'a deleted account' : 'pipeline'}</strong>:{' '}
      {humanizeCode(entry.action).toLowerCase()}
      {entry.fromStatus && entry.toStatus && ` (${entry.fromStatus.toLowerCase()} → ${entry.toStatus.toLowerCase()})`}
      {entry.targetUserId && (
        <>
          {' '}
          about{' '}
          <Link to={`/moderate/users/${encodeURIComponent(entry.targetUserId)}`}>
            @{entry.targetHandle ?? 'deleted'}
          </Link>
        </>
      )}
      {entry.articleId && (
        <>
          {' '}
          on <Link to={`/moderate/audit?article=${encodeURIComponent(entry.articleId)}`}>{entry.articleTitle}</Link>
        </>
      )}
      {entry.reason && <span className="muted"> — {entry.reason}</span>}
      {(entry.before || entry.after) && (
        <p className="audit-change">
          before {entry.before ?? '–'} · after {entry.after ?? '–'}
        </p>
      )}
    </>
  );
}

/**
 * The audit trail for a filter (site-wide, a user or an article), newest first with "Load
 * more", and a CSV export of the same filter.
 */
export function AuditTrail({ filter, label }: { filter: AuditLogFilter; label: string }) {
  const [state, setState] = useState<State>({
    status: 'loading',
    entries: [],
    endCursor: null,
    hasMore: false,
    error: null,
  });
  const [attempt, setAttempt] = useState(0);
  const [exporting, setExporting] = useState<string | null>(null);
  const key = JSON.stringify(filter);

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, status: 'loading', error: null }));
    api
      .request<AuditLogResult>(
        AUDIT_LOG_QUERY,
        { filter: JSON.parse(key) as AuditLogFilter, first: PAGE },
        {
          signal: controller.signal,
        },
      )
      .then(
        (data) =>
          setState({
            status: 'ready',
            entries: data.auditLog.entries,
            endCursor: data.auditLog.pageInfo.endCursor,
            hasMore: data.auditLog.pageInfo.hasNextPage,
            error: null,
          }),
        (error: unknown) => {
          if (!controller.signal.aborted) setState((s) => ({ ...s, status: 'error', error }));
        },
      );
    return () => controller.abort();
  }, [key, attempt]);

  const loadMore = useCallback(async () => {
    if (!state.endCursor) return;
    const data = await api.request<AuditLogResult>(AUDIT_LOG_QUERY, { filter, first: PAGE, after: state.endCursor });
    setState((s) => ({
      ...s,
      entries: [...s.entries, ...data.auditLog.entries],
      endCursor: data.auditLog.pageInfo.endCursor,
      hasMore: data.auditLog.pageInfo.hasNextPage,
    }));
  }, [filter, state.endCursor]);

  const exportCsv = async () => {
    setExporting('Preparing the CSV…');
    try {
      const { auditLogCsv } = await api.request<AuditLogCsvResult>(AUDIT_LOG_CSV_QUERY, { filter });
      const url = URL.createObjectURL(new Blob([auditLogCsv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `audit-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      URL.revokeObjectURL(url);
      setExporting(null);
    } catch (error) {
      setExporting(`Could not export: ${errorMessage(error)}`);
    }
  };

  return (
    <div className="audit-trail">
      <div className="audit-filters">
        <button type="button" className="button" onClick={() => void exportCsv()}>
          Export CSV
        </button>
        {exporting && (
          <span role="status" className="muted">
            {exporting}
          </span>
        )}
      </div>
      {state.status === 'error' ? (
        <ErrorState
          error={state.error}
          onRetry={() => setAttempt((n) => n + 1)}
          title="Could not load the audit trail"
        />
      ) : state.status === 'loading' && state.entries.length === 0 ? (
        <Loading label="Loading the audit trail…" />
      ) : state.entries.length === 0 ? (
        <p className="empty-note">Nothing recorded yet.</p>
      ) : (
        <ol className="audit-list" aria-label={label}>
          {state.entries.map((entry) => (
            <li key={entry.id}>
              <EntryLine entry={entry} />
            </li>
          ))}
        </ol>
      )}
      {state.hasMore && (
        <button type="button" className="button mod-more" onClick={() => void loadMore()}>
          Load more
        </button>
      )}
    </div>
  );
}
