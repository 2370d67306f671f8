import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { GraphQLClient } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { fakeClient } from '../test/client.ts';
import { READER } from '../test/fixtures.ts';
import { AuthProvider, safeNextPath, useAuth } from './AuthContext.tsx';
import LoginPage from './LoginPage.tsx';
import RegisterPage from './RegisterPage.tsx';
import type { SessionChannel, SessionEvent } from './sessionChannel.ts';
import { validateLogin, validateRegister } from './validation.ts';

function renderPage(path: string, request: GraphQLClient['request']) {
  const client = fakeClient(request);
  render(
    <MemoryRouter initialEntries={[path]}>
      <AuthProvider client={client}>
        <Routes>
          <Route path="login" element={<LoginPage />} />
          <Route path="register" element={<RegisterPage />} />
          <Route path="a/:slug" element={<p>Article page</p>} />
          <Route path="/" element={<p>Home page</p>} />
        </Routes>
      </AuthProvider>
    </MemoryRouter>,
  );
  return client;
}

describe('validation', () => {
  it('requires a well-formed email and a password to sign in', () => {
    expect(validateLogin({ email: '', password: '' })).toEqual({
      email: 'Enter your email address.',
      password: 'Enter your password.',
    });
    expect(validateLogin({ email: 'nope', password: 'x' }).email).toMatch(/valid email/);
    expect(validateLogin({ email: 'a@b.co', password: 'x' })).toEqual({});
  });

  it('checks every registration field', () => {
    const errors = validateRegister({ email: 'a@b.co', password: 'short', handle: 'no spaces', displayName: ' ' });
    expect(Object.keys(errors).sort()).toEqual(['displayName', 'handle', 'password']);
    expect(validateRegister({ email: 'a@b.co', password: 'long enough', handle: 'ada_l', displayName: 'Ada' })).toEqual(
      {},
    );
  });

  it('only follows same-origin "next" paths', () => {
    expect(safeNextPath('/a/essay')).toBe('/a/essay');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});

describe('AuthProvider', () => {
  /** A BroadcastChannel stand-in: what one tab announces, the others hear. */
  function tabs() {
    const listeners = new Set<(event: SessionEvent) => void>();
    const channel = (): SessionChannel => ({
      announce: (event) => listeners.forEach((listener) => listener(event)),
      listen(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    });
    return { channel, hear: (event: SessionEvent) => listeners.forEach((listener) => listener(event)) };
  }

  function Who() {
    const { user, loading } = useAuth();
    return <p>{loading ? 'checking' : (user?.displayName ?? 'nobody')}</p>;
  }

  it('restores the session on start and follows sign-ins and sign-outs of other tabs', async () => {
    const { channel, hear } = tabs();
    const client = fakeClient(vi.fn(), READER);
    render(
      <AuthProvider client={client} channel={channel()}>
        <Who />
      </AuthProvider>,
    );
    expect(screen.getByText('checking')).toBeTruthy();
    expect(await screen.findByText(READER.displayName)).toBeTruthy();

    await act(async () => hear('signed-out'));
    expect(screen.getByText('nobody')).toBeTruthy();
    expect(client.tokens.get()).toBeNull();

    // Another tab signed in: this one restores its own session from the shared cookie.
    client.tokens.set({ accessToken: 'from-cookie' });
    await act(async () => hear('signed-in'));
    expect(await screen.findByText(READER.displayName)).toBeTruthy();
    expect(client.refreshSession).toHaveBeenCalledTimes(2);
  });
});

describe('LoginPage', () => {
  it('labels its fields and shows client-side errors next to them', async () => {
    const request = vi.fn();
    renderPage('/login', request);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const email = screen.getByLabelText('Email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(email.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Enter your email address.',
    );
    expect(request).not.toHaveBeenCalled();
  });

  it('signs in, stores the session and returns to the page the reader came from', async () => {
    const request = vi.fn(async () => ({ login: { accessToken: 'a', user: READER } }));
    const client = renderPage('/login?next=%2Fa%2Fessay', request as unknown as GraphQLClient['request']);
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret-pass' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    });
    expect(await screen.findByText('Article page')).toBeTruthy();
    expect(client.tokens.get()).toEqual({ accessToken: 'a' });
    expect(request).toHaveBeenCalledWith(expect.stringContaining('login'), {
      input: { email: 'ada@example.com', password: 'secret-pass' },
    });
  });

  it('shows a form-level alert for errors not tied to a field', async () => {
    const request = vi.fn(async () => {
      throw new ApiError([{ code: 'UNAUTHENTICATED', message: 'Wrong email or password' }]);
    });
    renderPage('/login', request as unknown as GraphQLClient['request']);
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'nope' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    });
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password');
  });
});

describe('RegisterPage', () => {
  it('maps server field errors onto the matching inputs', async () => {
    const request = vi.fn(async () => {
      throw new ApiError([{ code: 'CONFLICT', field: 'handle', message: 'That handle is taken' }]);
    });
    renderPage('/register', request as unknown as GraphQLClient['request']);
    fireEvent.change(screen.getByLabelText('Display name'), { target: { value: 'Ada' } });
    fireEvent.change(screen.getByLabelText('Handle'), { target: { value: 'ada' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'long enough' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    });
    await waitFor(() => expect(screen.getByText('That handle is taken')).toBeTruthy());
    expect(screen.getByLabelText('Handle').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
