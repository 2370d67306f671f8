import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { sanitizeCommentHtml } from '../reader/sanitize.ts';
import { formatDate, formatDateTime, formatRelative } from '../ui/format.ts';
import { NotFound } from '../ui/NotFoundPage.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/StateViews.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { useInternalLinks } from '../ui/useInternalLinks.ts';
import { usePages } from '../ui/usePages.ts';
import { useOptionalUser } from '../auth/AuthContext.tsx';
import { errorMessage } from '../api/errors.ts';
import {
  MUTE_USER_MUTATION,
  MUTED_USERS_QUERY,
  PROFILE_QUERY,
  UNMUTE_USER_MUTATION,
  type MutedUsersResult,
  type MuteUserResult,
  type Profile,
  type ProfileComment,
  type ProfileResult,
  type UnmuteUserResult,
} from './queries.ts';
import { useQuery } from '../ui/useQuery.ts';
import '../styles/profile.css';

const PAGE_SIZE = 20;
const ROLE_BADGES: Record<Profile['role'], string | null> = { READER: null, MODERATOR: 'Moderator', ADMIN: 'Admin' };

/** /u/:handle — who someone is and what they have published, newest first. */
export default function ProfilePage() {
  const { handle = '' } = useParams();
  const key = handle.toLowerCase();
  // Every page carries the profile; the first page's copy is kept for the header.
  const [loaded, setLoaded] = useState<{ key: string; profile: Profile } | null>(null);
  const pages = usePages<ProfileComment>(`profile:${key}`, async (after, signal) => {
    const { user } = await api.request<ProfileResult>(PROFILE_QUERY, { handle, first: PAGE_SIZE, after }, { signal });
    const { comments, ...profile } = user;
    if (after === null) setLoaded({ key, profile });
    return comments;
  });
  const profile = loaded?.key === key ? loaded.profile : null;
  useDocumentTitle(profile ? `${profile.displayName} (@${profile.handle})` : 'Profile');

  const { first } = pages;
  if (first.status === 'error' && !profile) {
    if (first.error instanceof ApiError && first.error.code === 'NOT_FOUND') {
      return (
        <NotFound title="No such reader">
          <p>There is no reader called @{handle}. The account may have been deleted, or the link may be mistyped.</p>
        </NotFound>
      );
    }
    return <ErrorState error={first.error} onRetry={first.reload} title="Could not load this profile" />;
  }
  if (!profile || !pages.nodes) return <Loading label="Loading profile…" />;

  const badge = ROLE_BADGES[profile.role];
  return (
    <div className="profile-page">
      <header className="profile-header">
        <h1>
          {profile.displayName} {badge && <span className="role-badge">{badge}</span>}
        </h1>
        <p className="profile-handle">
          @{profile.handle} · joined <time dateTime={profile.joinedAt}>{formatDate(profile.joinedAt)}</time>
        </p>
        {profile.bio && <p className="profile-bio">{profile.bio}</p>}
        <MuteButton profile={profile} />
      </header>
      <section aria-labelledby="profile-comments-title">
        <h2 id="profile-comments-title">Published comments</h2>
        {pages.nodes.length === 0 ? (
          <EmptyState title="No published comments yet">
            <p>When {profile.displayName} comments on an article, it will show up here.</p>
          </EmptyState>
        ) : (
          <ol className="profile-comments">
            {pages.nodes.map((comment) => (
              <ProfileCommentItem key={comment.id} comment={comment} />
            ))}
          </ol>
        )}
        {pages.moreState.error != null && (
          <ErrorState error={pages.moreState.error} onRetry={() => void pages.loadMore()} title="Could not load more" />
        )}
        {pages.hasNextPage && (
          <p className="profile-more">
            <button
              type="button"
              className="button"
              onClick={() => void pages.loadMore()}
              disabled={pages.moreState.loading}
            >
              {pages.moreState.loading ? 'Loading…' : 'Load more'}
            </button>
          </p>
        )}
      </section>
    </div>
  );
}

function ProfileCommentItem({ comment }: { comment: ProfileComment }) {
  const html = useMemo(() => sanitizeCommentHtml(comment.bodyHtml), [comment.bodyHtml]);
  const onClick = useInternalLinks();
  return (
    <li className="profile-comment">
      <p className="profile-comment-where">
        On <Link to={`/a/${encodeURIComponent(comment.article.slug)}`}>{comment.article.title}</Link> ·{' '}
        <Link to={comment.permalink} title={`${formatDateTime(comment.postedAt)} — link to this comment`}>
          <time dateTime={comment.postedAt}>{formatRelative(comment.postedAt)}</time>
        </Link>
        {comment.editedAt && <span className="comment-edited"> · edited</span>}
      </p>
      {comment.passage !== null ? (
        <blockquote className="profile-comment-passage">{comment.passage}</blockquote>
      ) : (
        <p className="profile-comment-page">On the whole page</p>
      )}
      <div className="comment-body" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
    </li>
  );
}

/** Mute or unmute this person (signed-in readers, on others' profiles). */
function MuteButton({ profile }: { profile: Profile }) {
  const user = useOptionalUser();
  const signedIn = Boolean(user) && user?.id !== profile.id;
  const muted = useQuery(
    `muted-users:${user?.id ?? ''}`,
    (signal) => api.request<MutedUsersResult>(MUTED_USERS_QUERY, {}, { signal }),
    signedIn,
  );
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  if (!signedIn || !muted.data) return null;
  const isMuted = muted.data.mutedUsers.some((p) => p.id === profile.id);
  const toggle = async () => {
    setState({ busy: true, error: null });
    try {
      const list = isMuted
        ? (await api.request<UnmuteUserResult>(UNMUTE_USER_MUTATION, { userId: profile.id })).unmuteUser
        : (await api.request<MuteUserResult>(MUTE_USER_MUTATION, { userId: profile.id })).muteUser;
      muted.update(() => ({ mutedUsers: list }));
      setState({ busy: false, error: null });
    } catch (e) {
      setState({ busy: false, error: errorMessage(e) });
    }
  };
  return (
    <p className="profile-mute">
      <button type="button" className="button" disabled={state.busy} onClick={() => void toggle()}>
        {isMuted ? `Unmute ${profile.displayName}` : `Mute ${profile.displayName}`}
      </button>{' '}
      <span role="status" className="field-hint">
        {state.error ?? (isMuted ? 'Their comments show collapsed to you; they are not told.' : '')}
      </span>
    </p>
  );
}
