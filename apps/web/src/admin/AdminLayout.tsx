import { NavLink, Outlet } from 'react-router';
import '../styles/staff.css';

/** Admin area: a section nav over the admin pages. */
export default function AdminLayout() {
  return (
    <div className="staff-area">
      <nav className="staff-nav" aria-label="Administration">
        <NavLink to="/admin/import">Import</NavLink>
        <NavLink to="/moderate">Moderation queues</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
