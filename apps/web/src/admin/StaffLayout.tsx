import { NavLink, Outlet } from 'react-router';
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
        {user?.role === 'ADMIN' && (
          <>
            <NavLink to="/admin/import">Import</NavLink>
            <NavLink to="/admin/settings">Moderation settings</NavLink>
            <NavLink to="/admin/users">Users</NavLink>
          </>
        )}
      </nav>
      <Outlet />
    </div>
  );
}
