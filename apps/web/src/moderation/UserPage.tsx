import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/errors.ts';
import type { UserStatus } from '../api/types.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { sanitizeCommentHtml } from '../reader/sanitize.ts';
import { formatDate, formatDateTime, formatRelative } from '../ui/format.ts';
import { ErrorState, Loading } from '../ui/StateViews.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { useQuery } from '../ui/useQuery.ts';
import {
  SET_USER_PREMOD_MUTATION,
  SET_USER_ROLE_MUTATION,
  SET_USER_STATUS_MUTATION,
  USER_VIEW_QUERY,
  type SetUserStatusInput,
  type UserViewResult,
} from './queries.ts';
import type { ModeratedUser } from './types.ts';
import { AuditTrail } from './AuditTrail.tsx';
import { UserNotes } from './UserNotes.tsx';

const STATUS_ACTIONS: ReadonlyArray<{ status: UserStatus; label: string }> = [
  { status: 'SUSPENDED', label: 'Suspend (read-only)' },
  { status: 'BANNED', label: 'Ban' },
  { status: 'ACTIVE', label: 'Reinstate' },
];

/** A user as a moderator reviews them: status, counts, recent comments, sanctions. */
export default function UserPage() {
  const { userId = '' } = useParams();
  const { user: viewer } = useAuth();
  const view = useQuery(`user-${userId}`, (signal) =>
    api.request<UserViewResult>(USER_VIEW_QUERY, { id: userId }, { signal }),
  );
  const [override, setOverride] = useState<ModeratedUser | null>(null);
  const person = override ?? view.data?.moderatedUser.user ?? null;
  useDocumentTitle(person ? `${person.displayName} — moderation` : 'User');

  if (view.status === 'error' && !view.data) return <ErrorState error={view.error} onRetry={view.reload} />;
  if (!view.data || !person) return <Loading label="Loading the user…" />;

  return (
    <div className="admin-page user-page">
      <p className="breadcrumb">
        <Link to="/moderate">Moderation</Link> / user
      </p>
      <h1>
        {person.displayName} <span className="mod-handle">@{person.handle}</span>
      </h1>
      <dl className="user-facts">
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`pill pill-${person.status.toLowerCase()}`}>{person.status.toLowerCase()}</span>
            {person.statusUntil && ` until ${formatDateTime(person.statusUntil)}`}
            {person.statusReason && <span className="muted"> — {person.statusReason}</span>}
          </dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>{person.role.toLowerCase()}</dd>
        </div>
        <div>
          <dt>Comments</dt>
          <dd>
            {person.publishedCount} published · {person.rejectedCount} rejected
          </dd>
        </div>
        <div>
          <dt>Joined</dt>
          <dd>{formatDate(person.createdAt)}</dd>
        </div>
        {person.email && (
          <div>
            <dt>Email</dt>
            <dd>{person.email}</dd>
          </div>
        )}
      </dl>

      <Sanctions
        person={person}
        canChangeRole={viewer?.role === 'ADMIN' && viewer.id !== person.id}
        onChange={setOverride}
      />

      <UserNotes userId={person.id} />

      <section className="admin-section" aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recent comments</h2>
        {view.data.moderatedUser.recentComments.length === 0 ? (
          <p className="empty-note">No comments yet.</p>
        ) : (
          <ol className="user-comments">
            {view.data.moderatedUser.recentComments.map((item) => (
              <li key={item.id}>
                <p className="mod-where">
                  <span className={`pill pill-${item.comment.status.toLowerCase()}`}>
                    {item.comment.status.toLowerCase()}
                  </span>{' '}
                  on{' '}
                  <Link to={`/a/${encodeURIComponent(item.article.slug)}/c/${encodeURIComponent(item.id)}`}>
                    {item.article.title}
                  </Link>{' '}
                  · <time dateTime={item.comment.createdAt}>{formatRelative(item.comment.createdAt)}</time>
                </p>
                <div
                  className="comment-body"
                  dangerouslySetInnerHTML={{ __html: sanitizeCommentHtml(item.comment.bodyHtml) }}
                />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="admin-section" aria-labelledby="audit-heading">
        <h2 id="audit-heading">Audit trail</h2>
        <AuditTrail filter={{ userId: person.id }} label={`Audit entries about ${person.displayName}`} />
      </section>
    </div>
  );
}

function Sanctions({
  person,
  canChangeRole,
  onChange,
}: {
  person: ModeratedUser;
  canChangeRole: boolean;
  onChange(user: ModeratedUser): void;
}) {
  const id = useId();
  const [status, setStatus] = useState<UserStatus>(person.status === 'ACTIVE' ? 'SUSPENDED' : 'ACTIVE');
  const [reason, setReason] = useState('');
  const [days, setDays] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [saving, setSaving] = useState(false);

  const run = async (work: () => Promise<ModeratedUser>, done: string) => {
    setSaving(true);
    setMessage(null);
    try {
      onChange(await work());
      setMessage({ text: done, error: false });
    } catch (error) {
      setMessage({ text: errorMessage(error), error: true });
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMessage({ text: 'Give a reason; the user is shown it.', error: true });
      return;
    }
    const input: SetUserStatusInput = { userId: person.id, status, reason: reason.trim() };
    const n = Number(days);
    if (status !== 'ACTIVE' && days && Number.isFinite(n) && n > 0) {
      input.until = new Date(Date.now() + n * 86_400_000).toISOString();
    }
    void run(
      async () =>
        (await api.request<{ setUserStatus: ModeratedUser }>(SET_USER_STATUS_MUTATION, { input })).setUserStatus,
      `Status set to ${status.toLowerCase()}.`,
    );
  };

  return (
    <section className="admin-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Sanctions</h2>
      <form className="import-form" onSubmit={submit} noValidate>
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-status`}>Action</label>
            <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as UserStatus)}>
              {STATUS_ACTIONS.filter((a) => a.status !== person.status).map((a) => (
                <option key={a.status} value={a.status}>
                  {a.label}
                </option>
              ))}
            </select>
          </div>
          {status !== 'ACTIVE' && (
            <div className="field">
              <label htmlFor={`${id}-days`}>For how many days (empty: until lifted)</label>
              <input id={`${id}-days`} inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} />
            </div>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            Apply
          </button>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={person.premod}
              disabled={saving}
              onChange={(e) =>
                void run(
                  async () =>
                    (
                      await api.request<{ setUserPremod: ModeratedUser }>(SET_USER_PREMOD_MUTATION, {
                        userId: person.id,
                        on: e.target.checked,
                      })
                    ).setUserPremod,
                  e.target.checked ? 'Their comments are now held for review.' : 'Pre-moderation is off.',
                )
              }
            />
            Pre-moderate their comments
          </label>
          {canChangeRole && (
            <label className="checkbox">
              Role{' '}
              <select
                value={person.role}
                disabled={saving}
                onChange={(e) =>
                  void run(
                    async () =>
                      (
                        await api.request<{ setUserRole: ModeratedUser }>(SET_USER_ROLE_MUTATION, {
                          userId: person.id,
                          role: e.target.value,
                        })
                      ).setUserRole,
                    `Role set to ${e.target.value.toLowerCase()}.`,
                  )
                }
              >
                <option value="READER">Reader</option>
                <option value="MODERATOR">Moderator</option>
                <option value="ADMIN">Admin</option>
              </select>
            </label>
          )}
        </div>
        {message && (
          <p className={message.error ? 'form-alert' : 'notice'} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
