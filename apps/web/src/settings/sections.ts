import { lazy, type ComponentType } from 'react';

/** One section of /settings: its nav entry and the page shown at /settings/<path>. */
export interface SettingsSection {
  id: string;
  label: string;
  path: string;
  component: ComponentType;
}

/** A section whose page is its own chunk, loaded when first opened. */
const section = (id: string, label: string, load: () => Promise<{ default: ComponentType }>): SettingsSection => ({
  id,
  label,
  path: id,
  component: lazy(load),
});

/** The settings nav, in order; one line per section (its id is also its path). */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  section('profile', 'Profile', () => import('./ProfileSection.tsx')),
  section('email', 'Email', () => import('./EmailSection.tsx')),
  section('password', 'Password', () => import('./PasswordSection.tsx')),
  section('notifications', 'Notifications', () => import('./NotificationsSection.tsx')),
  section('muted', 'Muted people', () => import('./MutedSection.tsx')),
  section('imported', 'Imported comments', () => import('./ImportedCommentsSection.tsx')),
  section('data', 'Your data', () => import('./DataSection.tsx')),
  section('delete', 'Delete account', () => import('./DeleteAccountSection.tsx')),
];
