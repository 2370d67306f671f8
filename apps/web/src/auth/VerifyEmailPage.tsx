import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { Loading } from '../ui/StateViews.tsx';
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
