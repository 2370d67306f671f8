import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, type ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors.ts';
import { fakeClient } from '../test/client.ts';
import { READER } from '../test/fixtures.ts';
import { AuthProvider } from './AuthContext.tsx';

const mocks = vi.hoisted(() => ({ request: vi.fn() }));
vi.mock('../api/client.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../api/client.ts')>();
  return { ...original, api: { request: mocks.request, tokens: null } };
});
const { default: VerifyEmailPage } = await import('./VerifyEmailPage.tsx');
const { default: ResetPasswordPage } = await import('./ResetPasswordPage.tsx');
const { default: ForgotPasswordPage } = await import('./ForgotPasswordPage.tsx');
const { Composer } = await import('../reader/Composer.tsx');

const linkError = (code: string) => new ApiError([{ message: 'server text', code, field: 'token' }]);

function renderAt(path: string, element: ReactNode) {
  const route = path.split('?')[0]!;
  return render(
    <StrictMode>
      <MemoryRouter initialEntries={[path]}>
        <AuthProvider client={fakeClient(vi.fn(), READER)}>
          <Routes>
            <Route path={route} element={element} />
          </Routes>
        </AuthProvider>
      </MemoryRouter>
    </StrictMode>,
  );
}

beforeEach(() => mocks.request.mockReset());

describe('mailed links', () => {
  it('verifies an address once, even when the page effect runs twice', async () => {
    mocks.request.mockResolvedValue({ verifyEmail: { id: READER.id } });
    renderAt('/verify-email?token=abc', <VerifyEmailPage />);
    expect(await screen.findByText(/Your address is verified/)).toBeTruthy();
    const verifications = mocks.request.mock.calls.filter(([query]) => String(query).includes('verifyEmail'));
    expect(verifications).toHaveLength(1);
    expect(verifications[0]![1]).toEqual({ token: 'abc' });
  });

  it('offers the imported comments signed with the address just verified', async () => {
    mocks.request.mockImplementation(async (query: string) =>
      String(query).includes('verifyEmail')
        ? { verifyEmail: { id: READER.id } }
        : { claimableImportedAuthors: [{ id: 'a1', displayName: 'Ada', source: 'wxr', commentCount: 3 }] },
    );
    renderAt('/verify-email?token=abc', <VerifyEmailPage />);
    expect(await screen.findByText(/3 comments this site imported/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Claim them' }).getAttribute('href')).toBe('/settings/imported');
  });

  it('says plainly when a verification link has expired', async () => {
    mocks.request.mockRejectedValueOnce(linkError('TOKEN_EXPIRED'));
    renderAt('/verify-email?token=old', <VerifyEmailPage />);
    expect((await screen.findByRole('alert')).textContent).toContain('This link has expired.');
  });

  it('sends a reader with a used reset link to ask for a new one', async () => {
    mocks.request.mockRejectedValueOnce(linkError('TOKEN_USED'));
    renderAt('/reset-password?token=used', <ResetPasswordPage />);
    await userEvent.type(screen.getByLabelText('New password'), 'a long new passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Save and sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This link was already used.');
    expect(screen.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe('/forgot-password');
  });

  it('checks the new password before sending it', async () => {
    renderAt('/reset-password?token=t', <ResetPasswordPage />);
    await userEvent.type(screen.getByLabelText('New password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Save and sign in' }));
    expect(screen.getByText('Use at least 10 characters.')).toBeTruthy();
    expect(mocks.request).not.toHaveBeenCalled();
  });

  it('answers a reset request the same way whatever the address', async () => {
    mocks.request.mockResolvedValueOnce({ requestPasswordReset: true });
    renderAt('/forgot-password', <ForgotPasswordPage />);
    await userEvent.type(screen.getByLabelText('Email'), 'someone@example.test');
    await userEvent.click(screen.getByRole('button', { name: 'Send me a link' }));
    expect((await screen.findByRole('status')).textContent).toContain('If an account uses someone@example.test');
  });
});

describe('the composer for an unverified author', () => {
  it('explains the refusal and offers a new link', async () => {
    const onSubmit = vi
      .fn()
      .mockRejectedValue(
        new ApiError([{ message: 'Confirm your email address to comment', code: 'EMAIL_NOT_VERIFIED' }]),
      );
    renderAt('/a', <Composer label="Comment" onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText('Comment'), 'Hello');
    await userEvent.click(screen.getByRole('button', { name: 'Post' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Confirm your email address');
    mocks.request.mockResolvedValueOnce({ resendVerification: true });
    await userEvent.click(screen.getByRole('button', { name: 'Mail me the link again' }));
    expect(await screen.findByText(/Sent: check your mail/)).toBeTruthy();
  });
});
