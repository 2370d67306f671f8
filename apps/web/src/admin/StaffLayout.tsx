import { useState, type MouseEvent } from 'react';
import { NavLink, Outlet } from 'react-router';
import { api } from '../api/client.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { openQueueBoard, QUEUE_BOARD_URL } from './queueBoard.ts';
import '../styles/staff.css';

/** Moderation and admin areas: one section nav over their pages. */
export default function StaffLayout() {
  const { user } = useAuth();
  const [boardError, setBoardError] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);

  // A link (Enter opens it) that first trades the access token for the board's cookie.
  const openBoard = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    if (opening) return;
    setOpening(true);
    setBoardError(null);
    openQueueBoard(api)
      .catch((error: unknown) => setBoardError(error instanceof Error ? error.message : String(error)))
      .finally(() => setOpening(false));
  };

  return (
    <div className="staff-area">
      <nav className="staff-nav" aria-label="Staff">
        <NavLink to="/moderate" end>
          Queues
        </NavLink>
        <NavLink to="/moderate/users" end>
          Users
        </NavLink>
        <NavLink to="/moderate/audit">Audit trail</NavLink>
        {user?.role === 'ADMIN' && (
          <>
            <NavLink to="/manage/articles">Articles</NavLink>
            <NavLink to="/manage/import">Import</NavLink>
            <NavLink to="/manage/settings">Moderation settings</NavLink>
            <NavLink to="/manage/mail">Outgoing mail</NavLink>
            <NavLink to="/manage/sites">Sites</NavLink>
            <a href={QUEUE_BOARD_URL} onClick={openBoard} aria-busy={opening}>
              Job queues
            </a>
          </>
        )}
      </nav>
      {boardError && (
        <p className="form-alert" role="alert">
          {boardError}
        </p>
      )}
      <Outlet />
    </div>
  );
}
