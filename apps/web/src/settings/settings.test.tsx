import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors.ts';
import { AuthProvider } from '../auth/AuthContext.tsx';
import { fakeClient } from '../test/client.ts';
import { READER } from '../test/fixtures.ts';

const mocks = vi.hoisted(() => ({ request: vi.fn() }));
vi.mock('../api/client.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../api/client.ts')>();
  return { ...original, api: { request: mocks.request, tokens: null } };
});
const { default: DeleteAccountSection } = await import('./DeleteAccountSection.tsx');
const { exportFileName } = await import('./DataSection.tsx');
const { SETTINGS_SECTIONS } = await import('./sections.ts');
const { default: ImportedCommentsSection } = await import('./ImportedCommentsSection.tsx');

function renderDelete(hasPassword = true) {
  mocks.request.mockResolvedValueOnce({ me: { id: READER.id, handle: READER.handle, hasPassword } });
  const client = fakeClient(
    vi.fn(async () => ({ logout: true })),
    READER,
  );
  render(
    <MemoryRouter initialEntries={['/settings/delete']}>
      <AuthProvider client={client}>
        <Routes>
          <Route path="/settings/delete" element={<DeleteAccountSection />} />
          <Route path="/goodbye" element={<h1>Goodbye</h1>} />
        </Routes>
      </AuthProvider>
    </MemoryRouter>,
  );
  return client;
}

describe('settings', () => {
  beforeEach(() => mocks.request.mockReset());

  it('lists its sections in order, one entry each', () => {
    expect(SETTINGS_SECTIONS.map((s) => s.label)).toEqual([
      'Profile',
      'Email',
      'Password',
      'Notifications',
      'Muted people',
      'Imported comments',
      'Your data',
      'Delete account',
    ]);
  });

  it('names the export file after the handle and the day', () => {
    expect(exportFileName('ada', new Date(2026, 0, 5, 12))).toBe('marginalia-ada-2026-01-05.json');
  });

  it('asks for the password and a confirmation, shows a wrong password on the field', async () => {
    renderDelete();
    fireEvent.click(await screen.findByRole('button', { name: 'Delete my account' }));
    expect(await screen.findByText('Enter your password to confirm.')).toBeTruthy();
    expect(mocks.request).toHaveBeenCalledTimes(1); // what the form asks for, not the deletion

    mocks.request.mockRejectedValueOnce(
      new ApiError([{ code: 'BAD_USER_INPUT', message: 'Wrong password', field: 'password' }]),
    );
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByRole('radio', { name: /Remove them/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete my account' }));
    expect(await screen.findByText('Wrong password')).toBeTruthy();
    expect(mocks.request).toHaveBeenCalledWith(expect.stringContaining('deleteAccount'), {
      input: { password: 'nope', comments: 'REMOVE' },
    });
  });

  it('signs out and says goodbye once the account is deleted', async () => {
    const client = renderDelete();
    mocks.request.mockResolvedValueOnce({ deleteAccount: true });
    fireEvent.change(await screen.findByLabelText('Password'), { target: { value: 'correct horse battery' } });
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: 'Delete my account' }));
    expect(await screen.findByRole('heading', { name: 'Goodbye' })).toBeTruthy();
    expect(client.endSession).toHaveBeenCalled();
    expect(mocks.request).toHaveBeenCalledWith(expect.any(String), {
      input: { password: 'correct horse battery', comments: 'KEEP_AS_DELETED_USER' },
    });
  });

  it('asks an account without a password (made by a site’s sign-on) to type its handle instead', async () => {
    renderDelete(false);
    const field = await screen.findByLabelText('Your handle');
    expect(screen.queryByLabelText('Password')).toBeNull();
    mocks.request.mockResolvedValueOnce({ deleteAccount: true });
    fireEvent.change(field, { target: { value: READER.handle } });
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: 'Delete my account' }));
    expect(await screen.findByRole('heading', { name: 'Goodbye' })).toBeTruthy();
    expect(mocks.request).toHaveBeenLastCalledWith(expect.stringContaining('deleteAccount'), {
      input: { confirmHandle: READER.handle, comments: 'KEEP_AS_DELETED_USER' },
    });
  });

  it('lists the imported comments signed with the verified address and claims them', async () => {
    mocks.request.mockResolvedValueOnce({
      claimableImportedAuthors: [
        { id: 'a1', displayName: 'Ada L.', source: 'wxr', commentCount: 3 },
        { id: 'a2', displayName: 'ada', source: 'disqus', commentCount: 1 },
      ],
    });
    render(
      <MemoryRouter>
        <AuthProvider client={fakeClient(vi.fn(), READER)}>
          <ImportedCommentsSection />
        </AuthProvider>
      </MemoryRouter>,
    );
    expect(await screen.findByText('Ada L.')).toBeTruthy();
    expect(screen.getByText(/on Disqus/)).toBeTruthy();
    mocks.request.mockResolvedValueOnce({
      claimImportedAuthors: [
        { id: 'a1', displayName: 'Ada L.', source: 'wxr', commentCount: 3 },
        { id: 'a2', displayName: 'ada', source: 'disqus', commentCount: 1 },
      ],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Claim 4 comments' }));
    expect(await screen.findByText(/Claimed 4 comments/)).toBeTruthy();
    expect(mocks.request).toHaveBeenLastCalledWith(expect.stringContaining('claimImportedAuthors'), {
      input: { ids: ['a1', 'a2'] },
    });
    expect(screen.getByText('Nothing to claim')).toBeTruthy();
  });

  it('asks for a verified address before anything can be claimed', async () => {
    mocks.request.mockRejectedValueOnce(
      new ApiError([{ code: 'EMAIL_NOT_VERIFIED', message: 'Verify your address first' }]),
    );
    render(
      <MemoryRouter>
        <AuthProvider client={fakeClient(vi.fn(), READER)}>
          <ImportedCommentsSection />
        </AuthProvider>
      </MemoryRouter>,
    );
    expect(await screen.findByText('Verify your address first')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Verify it' }).getAttribute('href')).toBe('/settings/email');
  });
});
