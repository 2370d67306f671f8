import { Link, NavLink, useLocation } from 'react-router';
import { loginHref, useAuth } from '../auth/AuthContext.tsx';
import { isStaff } from './RequireRole.tsx';
import { Notifications } from './Notifications.tsx';
import { UserMenu } from './UserMenu.tsx';

export function Header() {
  const { user, loading } = useAuth();
  const location = useLocation();
  const onAuthPage = location.pathname === '/login' || location.pathname === '/register';
  const here = `${location.pathname}${location.search}`;
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to="/" className="wordmark">
          <span className="wordmark-mark" aria-hidden="true">
            M
          </span>
          <span className="wordmark-text">Marginalia</span>
        </Link>
        <nav aria-label="Main" className="site-nav">
          <NavLink to="/" end>
            Articles
          </NavLink>
          {user && isStaff(user.role) && <NavLink to="/moderate">Moderate</NavLink>}
          {user?.role === 'ADMIN' && <NavLink to="/manage">Admin</NavLink>}
        </nav>
        <div className="site-account">
          {loading ? null : user ? (
            <>
              <Notifications key={user.id} />
              <UserMenu user={user} />
            </>
          ) : (
            <>
              <Link className="button button-ghost" to={onAuthPage ? '/login' : loginHref(here)}>
                Sign in
              </Link>
              <Link className="button button-primary" to="/register">
                Join
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
