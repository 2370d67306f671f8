import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { Loading } from '../ui/StateViews.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { SETTINGS_SECTIONS } from './sections.ts';
import '../styles/profile.css';

/** /settings: the sections' nav beside the open section (signed-in users only: see App). */
export default function SettingsLayout() {
  useDocumentTitle('Settings');
  return (
    <div className="settings-area">
      <nav className="settings-nav" aria-label="Settings">
        <h1 className="visually-hidden">Settings</h1>
        <ul>
          {SETTINGS_SECTIONS.map((section) => (
            <li key={section.id}>
              <NavLink to={`/settings/${section.path}`}>{section.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="settings-section">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </div>
    </div>
  );
}
