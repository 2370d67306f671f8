import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { QUEUES, QUEUE_QUERY, type QueueResult } from '../moderation/queries.ts';
import type { ModeratedUser } from '../moderation/types.ts';
import { ErrorState, Loading } from '../ui/StateViews.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { useQuery } from '../ui/useQuery.ts';

/**
 * People who have commented recently, gathered from the moderation queues (the API has no
 * user directory yet); each links to the user view with sanctions and roles.
 */
export default function UsersPage() {
  useDocumentTitle('Users');
  const users = useQuery('recent-users', async (signal) => {
    const pages = await Promise.all(
      QUEUES.map((q) => api.request<QueueResult>(QUEUE_QUERY, { queue: q.id, first: 50 }, { signal })),
    );
    const byId = new Map<string, ModeratedUser>();
    for (const page of pages) {
      for (const item of page.moderationQueue.items) if (item.author) byId.set(item.author.id, item.author);
    }
    return [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  });
  return (
    <div className="admin-page">
      <h1>Users</h1>
      <p className="admin-lede">
        People with recent comments. Open one to change their status, pre-moderation or role.
      </p>
      {users.status === 'error' && !users.data ? (
        <ErrorState error={users.error} onRetry={users.reload} />
      ) : !users.data ? (
        <Loading label="Loading users…" />
      ) : users.data.length === 0 ? (
        <p className="empty-note">Nobody has commented yet.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Comments</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={`/moderate/users/${encodeURIComponent(u.id)}`}>{u.displayName}</Link>{' '}
                  <span className="muted">@{u.handle}</span>
                </td>
                <td>{u.role.toLowerCase()}</td>
                <td>
                  <span className={`pill pill-${u.status.toLowerCase()}`}>{u.status.toLowerCase()}</span>
                  {u.premod && <span className="muted"> · pre-moderated</span>}
                </td>
                <td>
                  {u.publishedCount} published · {u.rejectedCount} rejected
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
