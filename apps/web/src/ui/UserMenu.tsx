import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { User } from '../api/types.ts';
import { useAuth } from '../auth/AuthContext.tsx';

const ROLE_LABELS: Record<User['role'], string | null> = { READER: null, MODERATOR: 'Moderator', ADMIN: 'Admin' };

/** Disclosure menu for the signed-in user: closes on Escape, outside click or focus leaving. */
export function UserMenu({ user }: { user: User }) {
  const { logout } = useAuth();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const role = ROLE_LABELS[user.role];
  return (
    <div
      className="user-menu"
      ref={rootRef}
      onBlur={(event) => {
        if (!rootRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="avatar" aria-hidden="true">
          {[...user.displayName.trim()][0]?.toUpperCase() ?? '?'}
        </span>
        <span className="user-menu-name">{user.displayName}</span>
        <span className="visually-hidden">, account menu</span>
      </button>
      {open && (
        <div id={menuId} className="user-menu-panel">
          <p className="user-menu-who">
            <strong>{user.displayName}</strong>
            <span>@{user.handle}</span>
            {role && <span className="role-badge">{role}</span>}
          </p>
          {user.status !== 'ACTIVE' && (
            <p className="user-menu-status">
              Your account is {user.status === 'SUSPENDED' ? 'suspended' : 'banned'}; you can read but not comment.
            </p>
          )}
          <Link className="button button-ghost user-menu-item" to="/settings" onClick={() => setOpen(false)}>
            Settings
          </Link>
          <Link
            className="button button-ghost user-menu-item"
            to={`/u/${encodeURIComponent(user.handle)}`}
            onClick={() => setOpen(false)}
          >
            Your profile
          </Link>
          {/* Staff areas, also here because the header nav is hidden on small screens. */}
          {(user.role === 'MODERATOR' || user.role === 'ADMIN') && (
            <Link className="button button-ghost user-menu-item" to="/moderate" onClick={() => setOpen(false)}>
              Moderation
            </Link>
          )}
          {user.role === 'ADMIN' && (
            <Link className="button button-ghost user-menu-item" to="/manage" onClick={() => setOpen(false)}>
              Admin
            </Link>
          )}
          <button
            type="button"
            className="button button-ghost user-menu-item"
            onClick={() => {
              setOpen(false);
              void logout();
            }}
          >
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
