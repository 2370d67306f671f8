import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { Loading } from '../ui/StateViews.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { CONFIRM_EMAIL_MUTATION, LINK_PROBLEMS, type ConfirmEmailResult } from './accountQueries.ts';
import { useAuth } from './AuthContext.tsx';
import { useLinkToken } from './useLinkToken.ts';

/** /confirm-email?token=…: the link mailed to a new address; the account takes it. */
export default function ConfirmEmailPage() {
  useDocumentTitle('Confirm your new address');
  const { user, patchUser } = useAuth();
  const state = useLinkToken(async (token) => {
    const data = await api.request<ConfirmEmailResult>(CONFIRM_EMAIL_MUTATION, { token });
    const confirmed = data.confirmEmailChange;
    if (user?.id === confirmed.id) patchUser({ email: confirmed.email, emailVerified: true });
    return confirmed;
  });

  return (
    <div className="auth-page">
      <h1>Confirm your new address</h1>
      {state.status === 'working' && <Loading label="Confirming your new address…" />}
      {state.status === 'done' && (
        <div className="notice" role="status">
          <p>
            Your account now uses {state.result.email ? <strong>{state.result.email}</strong> : 'its new address'}. Sign
            in with it from now on.
          </p>
          <p>
            <Link className="button button-primary" to="/">
              Browse articles
            </Link>
          </p>
        </div>
      )}
      {state.status === 'failed' && (
        <div className="form-alert" role="alert">
          <p>
            {state.code === 'CONFLICT'
              ? 'Another account took this address in the meantime, so your address did not change.'
              : (LINK_PROBLEMS[state.code] ?? state.message)}
          </p>
          <p>
            Your address stays as it was. You can ask for the change again under{' '}
            <Link to="/settings/email">Settings → Email</Link>.
          </p>
        </div>
      )}
    </div>
  );
}
