import { Navigate, useLocation } from 'react-router';
import { loginHref, useAuth } from '../auth/AuthContext.tsx';
import { Loading } from '../ui/StateViews.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { EmailSection } from './EmailSection.tsx';
import { PasswordSection } from './PasswordSection.tsx';

/**
 * /settings: the signed-in user's account, one section after another. A stand-in until the
 * settings layout with its section registry (settings/sections.ts) lists these sections.
 */
export default function AccountSettingsPage() {
  useDocumentTitle('Settings');
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Loading label="Checking your account…" />;
  if (!user) return <Navigate to={loginHref(location.pathname)} replace />;
  return (
    <div className="settings-page">
      <h1>Settings</h1>
      <EmailSection />
      <PasswordSection />
    </div>
  );
}
