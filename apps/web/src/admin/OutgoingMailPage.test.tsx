import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutgoingMail, OutgoingMailResult } from './outgoingMail.ts';

const mocks = vi.hoisted(() => ({ request: vi.fn() }));
vi.mock('../api/client.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../api/client.ts')>();
  return { ...original, api: { request: mocks.request, tokens: null } };
});
const { default: OutgoingMailPage } = await import('./OutgoingMailPage.tsx');

const message = (n: number, extra: Partial<OutgoingMail> = {}): OutgoingMail => ({
  id: `m${n}`,
  to: `reader${n}@example.test`,
  subject: `Confirm your address ${n}`,
  template: 'verify-email',
  status: 'SENT',
  attempts: 1,
  lastError: null,
  createdAt: '2026-05-01T12:00:00Z',
  sentAt: '2026-05-01T12:00:01Z',
  text: `Hello,\n\nConfirm: http://localhost:3000/verify-email?token=t${n}\n`,
  html: `<html><body><a href="http://localhost:3000/verify-email?token=t${n}">Confirm</a></body></html>`,
  ...extra,
});

const page = (nodes: OutgoingMail[]): OutgoingMailResult => ({
  outgoingMail: { nodes, pageInfo: { hasNextPage: false, endCursor: null } },
});

function renderPage() {
  return render(
    <MemoryRouter initialEntries={['/manage/mail']}>
      <Routes>
        <Route path="/manage/mail" element={<OutgoingMailPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

beforeEach(() => mocks.request.mockReset());

describe('OutgoingMailPage', () => {
  it('explains where mail comes from when there is none', async () => {
    mocks.request.mockResolvedValue(page([]));
    renderPage();
    expect(await screen.findByText('No mail sent yet')).toBeTruthy();
    expect(screen.getByText(/when they register \(to verify their address\)/)).toBeTruthy();
  });

  it('highlights a failed message with its error and sends it again', async () => {
    const failed = message(2, { status: 'FAILED', attempts: 1, lastError: '550 mailbox unavailable', sentAt: null });
    mocks.request.mockResolvedValueOnce(page([message(1), failed]));
    renderPage();
    const row = (await screen.findByText('550 mailbox unavailable')).closest('tr')!;
    expect(row.className).toContain('mail-failed');
    expect(within(row).getByText('failed')).toBeTruthy();

    await userEvent.click(within(row).getByRole('button', { name: 'Confirm your address 2' }));
    const opened = screen.getByRole('region', { name: 'Confirm your address 2' });
    expect(document.activeElement).toBe(within(opened).getByRole('heading', { level: 2 }));
    mocks.request.mockResolvedValueOnce({ retryMail: { ...failed, status: 'QUEUED', lastError: null } });
    await userEvent.click(within(opened).getByRole('button', { name: 'Send again' }));
    expect(mocks.request.mock.lastCall![1]).toEqual({ id: 'm2' });
    expect(await within(row).findByText('queued')).toBeTruthy();
  });

  it('shows an opened message: its links clickable, its HTML in a sandboxed frame', async () => {
    mocks.request.mockResolvedValueOnce(page([message(1)]));
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Confirm your address 1' }));
    const opened = screen.getByRole('region', { name: 'Confirm your address 1' });
    const link = within(opened).getByRole('link', { name: 'http://localhost:3000/verify-email?token=t1' });
    expect(link.getAttribute('href')).toBe('http://localhost:3000/verify-email?token=t1');
    const frame = opened.querySelector('iframe')!;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('token=t1');
  });

  it('shows a clear error when the list cannot be loaded', async () => {
    mocks.request.mockRejectedValueOnce(new Error('Network down'));
    renderPage();
    expect(await screen.findByText('Could not load outgoing mail')).toBeTruthy();
  });
});
