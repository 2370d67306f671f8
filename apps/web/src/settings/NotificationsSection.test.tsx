import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors.ts';
import type { NotificationSettings } from '../api/queries.ts';

const mocks = vi.hoisted(() => ({ request: vi.fn() }));
vi.mock('../api/client.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../api/client.ts')>();
  return { ...original, api: { request: mocks.request, tokens: null } };
});
const { NotificationsSection } = await import('./NotificationsSection.tsx');

const settings = (overrides: Partial<NotificationSettings> = {}): NotificationSettings => ({
  timeZone: 'UTC',
  preferences: [
    { kind: 'REPLY', inApp: true, email: 'IMMEDIATE' },
    { kind: 'MENTION', inApp: true, email: 'IMMEDIATE' },
    { kind: 'MODERATION', inApp: true, email: 'OFF' },
  ],
  ...overrides,
});

describe('NotificationsSection', () => {
  beforeEach(() => mocks.request.mockReset());

  it('saves the changed preferences and time zone, and says so', async () => {
    mocks.request.mockResolvedValueOnce({ notificationSettings: settings() });
    render(<NotificationsSection />);
    const mentionsMail = await screen.findByLabelText('Mentions by email');
    await userEvent.selectOptions(mentionsMail, 'DAILY_DIGEST');
    await userEvent.click(screen.getByLabelText('Replies in the notifications menu'));
    await userEvent.selectOptions(screen.getByLabelText('Time zone'), 'Europe/Paris');

    const saved = settings({
      timeZone: 'Europe/Paris',
      preferences: [
        { kind: 'REPLY', inApp: false, email: 'IMMEDIATE' },
        { kind: 'MENTION', inApp: true, email: 'DAILY_DIGEST' },
        { kind: 'MODERATION', inApp: true, email: 'OFF' },
      ],
    });
    mocks.request.mockResolvedValueOnce({ updateNotificationPreferences: saved });
    await userEvent.click(screen.getByRole('button', { name: 'Save notification settings' }));

    expect((await screen.findByRole('status')).textContent).toContain('Notification settings saved.');
    expect(mocks.request).toHaveBeenLastCalledWith(expect.stringContaining('updateNotificationPreferences'), {
      input: { preferences: saved.preferences, timeZone: 'Europe/Paris' },
    });
  });

  it('shows why a save failed', async () => {
    mocks.request.mockResolvedValueOnce({ notificationSettings: settings() });
    render(<NotificationsSection />);
    await screen.findByLabelText('Replies by email');
    mocks.request.mockRejectedValueOnce(
      new ApiError([{ code: 'FORBIDDEN', message: 'QUEUE_SUMMARY notifications are for moderators and admins only' }]),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save notification settings' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Not saved: QUEUE_SUMMARY notifications are for moderators',
    );
  });

  it('offers a retry when the settings cannot be loaded', async () => {
    mocks.request.mockRejectedValueOnce(new Error('offline'));
    render(<NotificationsSection />);
    expect((await screen.findByRole('alert')).textContent).toContain('Could not load your notification settings');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
