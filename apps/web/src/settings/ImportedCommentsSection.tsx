import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { ApiError, errorMessage } from '../api/errors.ts';
import { EmptyState, ErrorState, Loading } from '../ui/StateViews.tsx';
import { plural } from '../ui/format.ts';
import { useQuery } from '../ui/useQuery.ts';

export const CLAIMABLE_QUERY = `query ClaimableImportedAuthors { claimableImportedAuthors { id displayName source commentCount } }`;
const CLAIM_MUTATION = `mutation ClaimImportedAuthors($input: ClaimImportedAuthorsInput!) {
  claimImportedAuthors(input: $input) { id displayName source commentCount }
}`;

export interface ImportedAuthor {
  id: string;
  displayName: string;
  source: string;
  commentCount: number;
}
export type ClaimableResult = { claimableImportedAuthors: ImportedAuthor[] };
type ClaimResult = { claimImportedAuthors: ImportedAuthor[] };

const sourceName = (source: string): string =>
  source === 'wxr' ? 'WordPress' : source === 'disqus' ? 'Disqus' : source;

/**
 * "Imported comments": comments a site brought from WordPress or Disqus, signed with this
 * reader's verified address there, which they can claim so the comments show them as author.
 */
export default function ImportedCommentsSection() {
  const loaded = useQuery('claimable-authors', (signal) =>
    api.request<ClaimableResult>(CLAIMABLE_QUERY, {}, { signal }),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [claimed, setClaimed] = useState<ImportedAuthor[]>([]);

  const claim = async (ids: string[]) => {
    setBusy(true);
    setError(null);
    try {
      const { claimImportedAuthors } = await api.request<ClaimResult>(CLAIM_MUTATION, { input: { ids } });
      setClaimed((before) => [...before, ...claimImportedAuthors]);
      loaded.update((current) => ({
        claimableImportedAuthors: (current?.claimableImportedAuthors ?? []).filter((a) => !ids.includes(a.id)),
      }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const unverified = loaded.error instanceof ApiError && loaded.error.code === 'EMAIL_NOT_VERIFIED';
  const authors = loaded.data?.claimableImportedAuthors;
  return (
    <section aria-labelledby="settings-imported-title">
      <h2 id="settings-imported-title">Imported comments</h2>
      <p>
        When this site moved its history from WordPress or Disqus, comments came with the name and address they were
        signed with. Those signed with your verified address can be yours: claimed, they show you as their author.
      </p>
      {error && (
        <p className="form-alert" role="alert">
          {error}
        </p>
      )}
      {claimed.length > 0 && (
        <p className="notice" role="status">
          Claimed{' '}
          {plural(
            claimed.reduce((n, a) => n + a.commentCount, 0),
            'comment',
          )}
          : they now show you as author.
        </p>
      )}
      {unverified ? (
        <EmptyState title="Verify your address first">
          Only comments signed with a verified address can be claimed. <Link to="/settings/email">Verify it</Link>.
        </EmptyState>
      ) : loaded.status === 'error' && !authors ? (
        <ErrorState error={loaded.error} onRetry={loaded.reload} />
      ) : !authors ? (
        <Loading label="Looking for comments signed with your address…" />
      ) : authors.length === 0 ? (
        <EmptyState title="Nothing to claim">No imported comment is signed with your address.</EmptyState>
      ) : (
        <>
          <ul className="claim-list">
            {authors.map((author) => (
              <li key={author.id}>
                <strong>{author.displayName}</strong> on {sourceName(author.source)}:{' '}
                {plural(author.commentCount, 'comment')}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void claim(authors.map((a) => a.id))}
          >
            {busy
              ? 'Claiming…'
              : `Claim ${plural(
                  authors.reduce((n, a) => n + a.commentCount, 0),
                  'comment',
                )}`}
          </button>
        </>
      )}
    </section>
  );
}
