import { useEffect, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { Loading } from '../ui/StateViews.tsx';
import { POPUP_MESSAGE } from './embedSession.ts';

/**
 * /embed/sign-in: the popup a framed discussion opens for a reader the publisher did not sign
 * in. It is Marginalia's own page (first-party): it sends the reader through sign-in or sign-up
 * and back here, then hands the session to the frame that opened it — addressed to
 * Marginalia's origin only — and closes.
 */
export default function EmbedSignInPage() {
  const [params] = useSearchParams();
  const mode = params.get('mode') === 'register' ? 'register' : 'login';
  const { user, loading } = useAuth();
  const [handed, setHanded] = useState(false);

  useEffect(() => {
    if (loading || !user) return;
    const tokens = api.tokens.get();
    const opener = window.opener as Window | null;
    if (!tokens || !opener) return;
    opener.postMessage({ type: POPUP_MESSAGE, payload: { accessToken: tokens.accessToken, user } }, location.origin);
    setHanded(true);
    window.close();
  }, [loading, user]);

  if (loading) return <Loading label="Checking your session…" />;
  if (!user) {
    const back = `/embed/sign-in?${new URLSearchParams({ mode })}`;
    return <Navigate to={`/${mode}?next=${encodeURIComponent(back)}`} replace />;
  }
  return (
    <main className="embed-sign-in">
      <p role="status">
        {handed
          ? `Signed in as ${user.displayName}. You can close this window.`
          : 'Signed in. Return to the article to join the discussion.'}
      </p>
    </main>
  );
}
