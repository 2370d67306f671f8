import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { CLAIMABLE_QUERY, type ClaimableResult } from '../settings/ImportedCommentsSection.tsx';
import { plural } from '../ui/format.ts';
import { Loading } from '../ui/StateViews.tsx';
import { useQuery } from '../ui/useQuery.ts';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { LINK_PROBLEMS, VERIFY_EMAIL_MUTATION } from './accountQueries.ts';
import { loginHref, useAuth } from './AuthContext.tsx';
import { ResendVerification } from './ResendVerification.tsx';
import { useLinkToken } from './useLinkToken.ts';

/** /verify-email?token=…: the link mailed at registration. */
export default function VerifyEmailPage() {
  useDocumentTitle('Verify your address');
  const { user, patchUser } = useAuth();
  const state = useLinkToken(async (token) => {
    const data = await api.request<{ verifyEmail: { id: string } }>(VERIFY_EMAIL_MUTATION, { token });
    if (user?.id === data.verifyEmail.id) patchUser({ emailVerified: true });
    return data.verifyEmail;
  });

  return (
    <div className="auth-page">
      <h1>Verify your address</h1>
      {state.status === 'working' && <Loading label="Verifying your address…" />}
      {state.status === 'done' && (
        <div className="notice" role="status">
          <p>Your address is verified. You can now take part in discussions.</p>
          {user?.id === state.result.id && <ClaimOffer />}
          <p>
            <Link className="button button-primary" to="/">
              Browse articles
            </Link>
          </p>
        </div>
      )}
      {state.status === 'failed' && (
        <div className="form-alert" role="alert">
          <p>{LINK_PROBLEMS[state.code] ?? state.message}</p>
          {user && user.emailVerified !== true ? (
            <p>
              Ask for a new link: <ResendVerification />
            </p>
          ) : user ? (
            <p>If your address is verified already, there is nothing more to do.</p>
          ) : (
            <p>
              <Link to={loginHref('/settings/email')}>Sign in</Link> to ask for a new link, or to check whether your
              address is verified already.
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/** Imported comments signed with the address just verified, offered to their author. */
function ClaimOffer() {
  const claimable = useQuery('claimable-authors', (signal) =>
    api.request<ClaimableResult>(CLAIMABLE_QUERY, {}, { signal }),
  );
  const count = (claimable.data?.claimableImportedAuthors ?? []).reduce((n, a) => n + a.commentCount, 0);
  if (count === 0) return null;
  return (
    <p>
      {plural(count, 'comment')} this site imported from its old comment system {count === 1 ? 'is' : 'are'} signed with
      this address. <Link to="/settings/imported">Claim {count === 1 ? 'it' : 'them'}</Link> to show you as author.
    </p>
  );
}
