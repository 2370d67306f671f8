import { useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { formatDate, formatDateTime, plural } from '../ui/format.ts';
import { EmptyState, ErrorState, Loading } from '../ui/StateViews.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { usePages } from '../ui/usePages.ts';
import {
  USERS_QUERY,
  type DirectoryRole,
  type DirectoryStatus,
  type DirectoryUser,
  type UsersResult,
  type UsersVariables,
} from './queries.ts';

/** Users per request; "Load more" asks for the next page. */
export const USERS_PAGE_SIZE = 25;

const ROLES: DirectoryRole[] = ['READER', 'MODERATOR', 'ADMIN'];
const STATUSES: DirectoryStatus[] = ['ACTIVE', 'SUSPENDED', 'BANNED'];

const asRole = (value: string | null): DirectoryRole | undefined => ROLES.find((r) => r === value);
const asStatus = (value: string | null): DirectoryStatus | undefined => STATUSES.find((s) => s === value);

/** Waits for typing to pause before searching, so each keystroke is not a request. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

interface Filters {
  query: string;
  role: DirectoryRole | undefined;
  status: DirectoryStatus | undefined;
}

function variablesFor(filters: Filters, after: string | null): UsersVariables {
  const variables: UsersVariables = { first: USERS_PAGE_SIZE };
  if (filters.query) variables.query = filters.query;
  if (filters.role) variables.role = filters.role;
  if (filters.status) variables.status = filters.status;
  if (after) variables.after = after;
  return variables;
}

/** The directory a page at a time; a change of filters starts again from the first page. */
function useUserDirectory(filters: Filters) {
  const key = `users:${filters.query}:${filters.role ?? ''}:${filters.status ?? ''}`;
  return usePages(key, async (after, signal) => {
    const data = await api.request<UsersResult>(USERS_QUERY, variablesFor(filters, after), { signal });
    return data.users;
  });
}

/**
 * The user directory for staff: search by handle, name or email, filter by role and status,
 * page with "Load more". Each user opens the user view, where their status, pre-moderation
 * and role are changed.
 */
export default function UsersPage() {
  useDocumentTitle('Users');
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const term = useDebounced(search.trim(), 250);
  const role = asRole(params.get('role'));
  const status = asStatus(params.get('status'));
  const ids = { search: useId(), role: useId(), status: useId() };
  const listRef = useRef<HTMLTableSectionElement>(null);

  // Keep the URL shareable: ?q=, ?role= and ?status= mirror the controls.
  useEffect(() => {
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (term) next.set('q', term);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [term, setParams]);

  const setFilter = (name: 'role' | 'status', value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const clearFilters = () => {
    setSearch('');
    setParams(new URLSearchParams(), { replace: true });
  };

  const filters = { query: term, role, status };
  const directory = useUserDirectory(filters);
  const filtered = Boolean(term || role || status);
  const count = directory.nodes?.length ?? 0;

  // Keyboard users continue from the first new row rather than from the (vanishing) button.
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    const index = focusRow.current;
    if (index === null || count <= index) return;
    focusRow.current = null;
    listRef.current?.querySelectorAll<HTMLAnchorElement>('a.user-link')[index]?.focus();
  }, [count]);

  useEffect(() => {
    if (directory.moreState.error != null) focusRow.current = null;
  }, [directory.moreState.error]);

  const loadMore = async () => {
    focusRow.current = count;
    await directory.loadMore();
  };

  return (
    <div className="admin-page">
      <h1>Users</h1>
      <p className="admin-lede">
        Everyone with an account, newest first. Open one to change their status, pre-moderation or role.
      </p>
      <form role="search" className="user-filters" aria-label="Find users" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.search}>Search</label>
          <input
            id={ids.search}
            type="search"
            placeholder="Handle, name or email…"
            value={search}
            maxLength={100}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.role}>Role</label>
          <select id={ids.role} value={role ?? ''} onChange={(e) => setFilter('role', e.target.value)}>
            <option value="">Any role</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r.toLowerCase()}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.status}>Status</label>
          <select id={ids.status} value={status ?? ''} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </select>
        </div>
      </form>

      {directory.first.status === 'error' && !directory.nodes ? (
        <ErrorState error={directory.first.error} onRetry={directory.first.reload} title="Could not load users" />
      ) : !directory.nodes ? (
        <Loading label="Loading users…" />
      ) : directory.nodes.length === 0 ? (
        <EmptyState title={filtered ? 'No users match these filters' : 'No users yet'}>
          {filtered && (
            <button type="button" className="button" onClick={clearFilters}>
              Clear filters
            </button>
          )}
        </EmptyState>
      ) : (
        <>
          <p className="visually-hidden" role="status">
            {directory.first.status === 'loading' ? 'Updating… ' : ''}
            Showing {plural(count, 'user')}
            {directory.hasNextPage ? ', more available' : ''}
          </p>
          {directory.first.status === 'error' && (
            <ErrorState
              error={directory.first.error}
              onRetry={directory.first.reload}
              title="Could not refresh users"
            />
          )}
          <table className="data-table user-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Comments</th>
                <th scope="col">Reports</th>
                <th scope="col">Joined</th>
              </tr>
            </thead>
            <tbody ref={listRef}>
              {directory.nodes.map((u) => (
                <UserRow key={u.id} user={u} />
              ))}
            </tbody>
          </table>
          {directory.moreState.error != null && (
            <ErrorState
              error={directory.moreState.error}
              onRetry={() => void loadMore()}
              title="Could not load more users"
            />
          )}
          {directory.hasNextPage && directory.moreState.error == null && (
            <p className="load-more">
              <button
                type="button"
                className="button"
                onClick={() => void loadMore()}
                disabled={directory.moreState.loading}
                aria-busy={directory.moreState.loading}
              >
                {directory.moreState.loading ? 'Loading…' : 'Load more'}
              </button>
            </p>
          )}
        </>
      )}
    </div>
  );
}

function UserRow({ user: u }: { user: DirectoryUser }) {
  return (
    <tr>
      <td>
        <Link className="user-link" to={`/moderate/users/${encodeURIComponent(u.id)}`}>
          {u.displayName}
        </Link>{' '}
        <span className="muted">@{u.handle}</span>
        {u.email && <div className="muted user-email">{u.email}</div>}
      </td>
      <td>{u.role.toLowerCase()}</td>
      <td>
        <span className={`pill pill-${u.status.toLowerCase()}`}>{u.status.toLowerCase()}</span>
        {u.statusUntil && <span className="muted"> until {formatDate(u.statusUntil)}</span>}
        {u.premod && <span className="muted"> · pre-moderated</span>}
      </td>
      <td>
        {u.publishedCount} published · {u.rejectedCount} rejected
      </td>
      <td>
        {u.flagsReceived === 0 ? (
          <span className="muted">none</span>
        ) : (
          <>
            {plural(u.flagsReceived, 'report')}
            {u.openFlagsReceived > 0 && <> · {u.openFlagsReceived} open</>}
          </>
        )}
      </td>
      <td>
        <time dateTime={u.createdAt} title={formatDateTime(u.createdAt)}>
          {formatDate(u.createdAt)}
        </time>
      </td>
    </tr>
  );
}
