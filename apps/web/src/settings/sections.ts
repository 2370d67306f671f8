import { lazy, type ComponentType } from 'react';

/** One section of /settings: its nav entry and the page shown at /settings/<path>. */
export interface SettingsSection {
  id: string;
  label: string;
  path: string;
  component: ComponentType;
}

/** The settings nav, in order; one line per section. */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { id: 'profile', label: 'Profile', path: 'profile', component: lazy(() => import('./ProfileSection.tsx')) },
  { id: 'data', label: 'Your data', path: 'data', component: lazy(() => import('./DataSection.tsx')) },
  { id: 'delete', label: 'Delete account', path: 'delete', component: lazy(() => import('./DeleteAccountSection.tsx')) },
];
