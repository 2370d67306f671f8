import { NavLink, Outlet } from 'react-router';
import { api } from '../api/client.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import '../styles/staff.css';

/** Moderation and admin areas: one section nav over their pages. */
export default function StaffLayout() {
  const { user } = useAuth();
  return (
    <div className="staff-area">
      <nav className="staff-nav" aria-label="Staff">
        <NavLink to="/moderate" end>
          Queues
        </NavLink>
        <NavLink to="/moderate/users" end>
          Users
        </NavLink>
        {user?.role === 'ADMIN' && (
          <>
            <NavLink to="/manage/import">Import</NavLink>
            <NavLink to="/manage/settings">Moderation settings</NavLink>
            {/* The API's job dashboard (Bull Board); the token is exchanged there for a short-lived cookie. */}
            <a
              href="/admin/queues"
              target="_blank"
              rel="noopener"
              onClick={(event) => {
                const token = api.tokens.get()?.accessToken;
                if (token) event.currentTarget.href = `/admin/queues?token=${encodeURIComponent(token)}`;
              }}
            >
              Job queues<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </>
        )}
      </nav>
      <Outlet />
    </div>
  );
}
