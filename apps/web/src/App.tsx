import { lazy, Suspense } from 'react';
import { Navigate, Outlet, Route, Routes } from 'react-router';
import { Layout } from './ui/Layout.tsx';
import { SETTINGS_SECTIONS } from './settings/sections.ts';
import { RequireRole } from './ui/RequireRole.tsx';
import { Loading } from './ui/StateViews.tsx';

// Every page is its own chunk: the reader only downloads the shell plus the article page,
// and the forms, list and 404 load on demand.
const ArticleListPage = lazy(() => import('./articles/ArticleListPage.tsx'));
const ArticlePage = lazy(() => import('./reader/ArticlePage.tsx'));
const LoginPage = lazy(() => import('./auth/LoginPage.tsx'));
const RegisterPage = lazy(() => import('./auth/RegisterPage.tsx'));
const VerifyEmailPage = lazy(() => import('./auth/VerifyEmailPage.tsx'));
const ForgotPasswordPage = lazy(() => import('./auth/ForgotPasswordPage.tsx'));
const ResetPasswordPage = lazy(() => import('./auth/ResetPasswordPage.tsx'));
const ConfirmEmailPage = lazy(() => import('./auth/ConfirmEmailPage.tsx'));
const NotFoundPage = lazy(() => import('./ui/NotFoundPage.tsx'));
// Staff areas are separate chunks: readers never download them.
// Until the settings page's section registry lists it: the notification settings on their own.
const StaffLayout = lazy(() => import('./admin/StaffLayout.tsx'));
const ImportPage = lazy(() => import('./admin/ImportPage.tsx'));
const SettingsPage = lazy(() => import('./admin/SettingsPage.tsx'));
const SitesPage = lazy(() => import('./admin/SitesPage.tsx'));
const ArticlesDeskPage = lazy(() => import('./admin/ArticlesDeskPage.tsx'));
const ArticleDeskPage = lazy(() => import('./admin/ArticleDeskPage.tsx'));
const UsersPage = lazy(() => import('./admin/UsersPage.tsx'));
const OutgoingMailPage = lazy(() => import('./admin/OutgoingMailPage.tsx'));
const ModerationPage = lazy(() => import('./moderation/ModerationPage.tsx'));
const UserPage = lazy(() => import('./moderation/UserPage.tsx'));
const AuditPage = lazy(() => import('./moderation/AuditPage.tsx'));
const ProfilePage = lazy(() => import('./profiles/ProfilePage.tsx'));
const SettingsLayout = lazy(() => import('./settings/SettingsLayout.tsx'));
const GoodbyePage = lazy(() => import('./settings/GoodbyePage.tsx'));
// Framed by publishers' pages: no site header or navigation around it.
const EmbedPanelPage = lazy(() => import('./embed/EmbedPanelPage.tsx'));
const EmbedDiscussionPage = lazy(() => import('./embed/EmbedDiscussionPage.tsx'));
const EmbedSignInPage = lazy(() => import('./embed/EmbedSignInPage.tsx'));
const EMBED_PAGES = [
  { path: 'embed/panel', Page: EmbedPanelPage },
  { path: 'embed/discussion', Page: EmbedDiscussionPage },
  // The popup a framed discussion opens to sign in: Marginalia's own window, not framed.
  { path: 'embed/sign-in', Page: EmbedSignInPage },
];

/** Any signed-in user (others are sent to sign in). */
const SIGNED_IN = ['READER', 'MODERATOR', 'ADMIN'] as const;

export function App() {
  return (
    <Routes>
      {EMBED_PAGES.map(({ path, Page }) => (
        <Route
          key={path}
          path={path}
          element={
            <Suspense fallback={<Loading />}>
              <Page />
            </Suspense>
          }
        />
      ))}
      <Route element={<Layout />}>
        <Route index element={<ArticleListPage />} />
        {/* The permalink is a child route so the article page stays mounted when it changes. */}
        <Route path="a/:slug" element={<ArticlePage />}>
          <Route path="c/:commentId" element={null} />
        </Route>
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="verify-email" element={<VerifyEmailPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="confirm-email" element={<ConfirmEmailPage />} />
        <Route path="u/:handle" element={<ProfilePage />} />
        <Route
          path="settings"
          element={
            <RequireRole roles={SIGNED_IN}>
              <SettingsLayout />
            </RequireRole>
          }
        >
          <Route index element={<Navigate to={SETTINGS_SECTIONS[0]!.path} replace />} />
          {SETTINGS_SECTIONS.map((section) => (
            <Route key={section.id} path={section.path} element={<section.component />} />
          ))}
        </Route>
        <Route path="goodbye" element={<GoodbyePage />} />
        <Route
          element={
            <RequireRole roles={['MODERATOR', 'ADMIN']}>
              <StaffLayout />
            </RequireRole>
          }
        >
          <Route path="moderate" element={<ModerationPage />} />
          <Route path="moderate/users" element={<UsersPage />} />
          <Route path="moderate/users/:userId" element={<UserPage />} />
          <Route path="moderate/audit" element={<AuditPage />} />
          <Route
            path="manage"
            element={
              <RequireRole roles={['ADMIN']}>
                <Outlet />
              </RequireRole>
            }
          >
            <Route index element={<Navigate to="import" replace />} />
            <Route path="import" element={<ImportPage />} />
            <Route path="settings" element={<SettingsPage />} />
            <Route path="mail" element={<OutgoingMailPage />} />
            <Route path="sites" element={<SitesPage />} />
            <Route path="articles" element={<ArticlesDeskPage />} />
            <Route path="articles/:articleId" element={<ArticleDeskPage />} />
            {/* The user directory moved to the moderators' area; old links still land there. */}
            <Route path="users" element={<Navigate to="/moderate/users" replace />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
