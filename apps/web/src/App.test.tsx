import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { App } from './App.tsx';
import type { GraphQLClient } from './api/client.ts';
import { AuthProvider } from './auth/AuthContext.tsx';
import { fakeClient } from './test/client.ts';
import { READER } from './test/fixtures.ts';

function renderApp(path: string, client: GraphQLClient) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <AuthProvider client={client}>
        <App />
      </AuthProvider>
    </MemoryRouter>,
  );
}

const anonymous = (): GraphQLClient => fakeClient(vi.fn());

describe('App shell', () => {
  it('has landmarks, a skip link and sign-in links for visitors', async () => {
    renderApp('/nope', anonymous());
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Skip to content' }).getAttribute('href')).toBe('#main');
    expect(screen.getByRole('link', { name: 'Marginalia' }).getAttribute('href')).toBe('/');
    // Shown once the server said there is no session (the refresh cookie is out of scripts' reach).
    expect((await screen.findByRole('link', { name: 'Sign in' })).getAttribute('href')).toBe('/login?next=%2Fnope');
  });

  it('renders a 404 page for unknown routes', async () => {
    renderApp('/no/such/page', anonymous());
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Browse articles' })).toBeTruthy();
  });

  it('lazy-loads the login and register routes', async () => {
    renderApp('/login', anonymous());
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
  });

  it('shows the signed-in user with a menu to sign out', async () => {
    const request = vi.fn(async (query: string) => (query.includes('logout') ? { logout: true } : {}));
    const client = fakeClient(request, READER);
    renderApp('/nope', client);
    const button = await screen.findByRole('button', { name: /Ada Reader/ });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('link', { name: 'Sign in' })).toBeTruthy();
    expect(client.tokens.get()).toBeNull();
    expect(client.endSession).toHaveBeenCalled();
  });
});
