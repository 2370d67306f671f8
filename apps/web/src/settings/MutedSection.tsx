import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/errors.ts';
import {
  MUTED_USERS_QUERY,
  profilePath,
  UNMUTE_USER_MUTATION,
  type MutedUsersResult,
  type UnmuteUserResult,
} from '../profiles/queries.ts';
import { EmptyState, ErrorState, Loading } from '../ui/StateViews.tsx';
import { useQuery } from '../ui/useQuery.ts';

/** "Muted people": whom the reader muted, each with a way back. */
export default function MutedSection() {
  const loaded = useQuery('muted-users', (signal) => api.request<MutedUsersResult>(MUTED_USERS_QUERY, {}, { signal }));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const unmute = async (userId: string) => {
    setBusy(userId);
    setError(null);
    try {
      const { unmuteUser } = await api.request<UnmuteUserResult>(UNMUTE_USER_MUTATION, { userId });
      loaded.update(() => ({ mutedUsers: unmuteUser }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const people = loaded.data?.mutedUsers;
  return (
    <section aria-labelledby="settings-muted-title">
      <h2 id="settings-muted-title">Muted people</h2>
      <p>
        Comments by people you muted show collapsed to you, and their replies and mentions do not notify you. They are
        not told.
      </p>
      {error && (
        <p className="form-alert" role="alert">
          {error}
        </p>
      )}
      {loaded.status === 'error' && !people ? (
        <ErrorState error={loaded.error} onRetry={loaded.reload} />
      ) : !people ? (
        <Loading label="Loading…" />
      ) : people.length === 0 ? (
        <EmptyState title="Nobody muted">Mute someone from their profile page.</EmptyState>
      ) : (
        <ul className="muted-list">
          {people.map((person) => (
            <li key={person.id}>
              <Link to={profilePath(person.handle)}>{person.displayName}</Link> @{person.handle}{' '}
              <button
                type="button"
                className="button"
                disabled={busy === person.id}
                onClick={() => void unmute(person.id)}
              >
                Unmute<span className="visually-hidden"> {person.displayName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
