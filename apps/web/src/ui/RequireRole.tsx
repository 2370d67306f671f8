import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import type { Role } from '../api/types.ts';
import { loginHref, useAuth } from '../auth/AuthContext.tsx';
import { Loading } from './StateViews.tsx';

/** Staff pages: anonymous visitors are sent to sign in, other roles see a plain refusal. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Loading label="Checking your account…" />;
  if (!user) return <Navigate to={loginHref(`${location.pathname}${location.search}`)} replace />;
  if (!roles.includes(user.role)) {
    return (
      <div className="not-found">
        <h1>Not available</h1>
        <p>This page is for {roles.includes('MODERATOR') ? 'moderators and admins' : 'admins'} only.</p>
        <p>
          <Link className="button" to="/">
            Browse articles
          </Link>
        </p>
      </div>
    );
  }
  return <>{children}</>;
}

export const isStaff = (role: Role | undefined): boolean => role === 'MODERATOR' || role === 'ADMIN';
