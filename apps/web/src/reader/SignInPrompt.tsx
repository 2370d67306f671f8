import { createContext, useContext } from 'react';
import { Link, useLocation } from 'react-router';
import { loginHref, useAuth } from '../auth/AuthContext.tsx';

/**
 * Set by a page that must not navigate away to sign in (a discussion framed by a publisher's
 * page): "Sign in" and "create an account" call it instead of following a link.
 */
export const SignInElsewhereContext = createContext<((mode: 'login' | 'register') => void) | null>(null);

/** Whether the viewer may post, and if not, why. */
export function useCommentPermission(): 'anonymous' | 'blocked' | 'allowed' {
  const { user } = useAuth();
  if (!user) return 'anonymous';
  return user.status === 'ACTIVE' ? 'allowed' : 'blocked';
}

export function SignInPrompt({ action = 'comment', onCancel }: { action?: string; onCancel?: () => void }) {
  const location = useLocation();
  const permission = useCommentPermission();
  const elsewhere = useContext(SignInElsewhereContext);
  const next = `${location.pathname}${location.search}`;
  return (
    <div className="sign-in-prompt">
      {permission === 'blocked' ? (
        <p>Your account can’t {action} right now. You can still read every discussion.</p>
      ) : elsewhere ? (
        <p>
          <button type="button" className="link-button" onClick={() => elsewhere('login')}>
            Sign in
          </button>{' '}
          or{' '}
          <button type="button" className="link-button" onClick={() => elsewhere('register')}>
            create an account
          </button>{' '}
          to {action}.
        </p>
      ) : (
        <p>
          <Link to={loginHref(next)}>Sign in</Link> or{' '}
          <Link to={`/register?next=${encodeURIComponent(next)}`}>create an account</Link> to {action}.
        </p>
      )}
      {onCancel && (
        <button type="button" className="button button-ghost" onClick={onCancel}>
          Close
        </button>
      )}
    </div>
  );
}
