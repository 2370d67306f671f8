import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DirectoryUser, UsersResult, UsersVariables } from './queries.ts';

const mocks = vi.hoisted(() => ({ request: vi.fn() }));
vi.mock('../api/client.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../api/client.ts')>();
  return { ...original, api: { request: mocks.request, tokens: null } };
});
const { default: UsersPage } = await import('./UsersPage.tsx');

const user = (n: number, extra: Partial<DirectoryUser> = {}): DirectoryUser => ({
  id: `u${n}`,
  handle: `handle${n}`,
  displayName: `Person ${n}`,
  email: `p${n}@example.test`,
  role: 'READER',
  status: 'ACTIVE',
  statusUntil: null,
  premod: false,
  publishedCount: n,
  rejectedCount: 0,
  flagsReceived: 0,
  openFlagsReceived: 0,
  createdAt: '2024-05-01T12:00:00Z',
  ...extra,
});

const page = (nodes: DirectoryUser[], endCursor: string | null): UsersResult => ({
  users: { nodes, pageInfo: { hasNextPage: endCursor !== null, endCursor } },
});

function Where() {
  const location = useLocation();
  return <div data-testid="where">{location.pathname + location.search}</div>;
}

function renderPage(entry = '/moderate/users') {
  return render(
    <MemoryRouter initialEntries={[entry]}>
      <Routes>
        <Route path="/moderate/users" element={<UsersPage />} />
        <Route path="/moderate/users/:id" element={<p>User view</p>} />
      </Routes>
      <Where />
    </MemoryRouter>,
  );
}

const lastVariables = (): UsersVariables => mocks.request.mock.lastCall![1] as UsersVariables;

beforeEach(() => {
  mocks.request.mockReset();
});

describe('UsersPage', () => {
  it('lists users with their counts and loads more pages, moving focus to the first new row', async () => {
    mocks.request.mockImplementation(async (_q: string, variables: UsersVariables) =>
      variables.after === 'c1'
        ? page([user(3, { flagsReceived: 2, openFlagsReceived: 1 })], null)
        : page([user(1, { premod: true, status: 'SUSPENDED', statusUntil: '2030-01-01T00:00:00Z' }), user(2)], 'c1'),
    );
    renderPage();
    const table = await screen.findByRole('table');
    expect(mocks.request.mock.lastCall![0]).toContain('users(');
    expect(lastVariables()).toEqual({ first: 25 });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual(['Person 1', 'Person 2']);
    expect(rows[0]!.textContent).toContain('suspended');
    expect(rows[0]!.textContent).toContain('pre-moderated');
    expect(rows[0]!.textContent).toContain('p1@example.test');
    expect(within(table).getByRole('link', { name: 'Person 2' }).getAttribute('href')).toBe('/moderate/users/u2');
    expect(screen.getByRole('status').textContent).toContain('Showing 2 users, more available');

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByRole('link', { name: 'Person 3' });
    expect(lastVariables()).toEqual({ first: 25, after: 'c1' });
    expect(screen.getAllByRole('row')).toHaveLength(4);
    expect(screen.getAllByRole('row')[3]!.textContent).toContain('2 reports · 1 open');
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Person 3'));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('Showing 3 users');
  });

  it('filters by role and status and searches after typing pauses, mirroring the filters in the URL', async () => {
    mocks.request.mockResolvedValue(page([user(1)], null));
    renderPage('/moderate/users?status=BANNED');
    await screen.findByRole('table');
    expect(lastVariables()).toEqual({ first: 25, status: 'BANNED' });
    expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('BANNED');

    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'MODERATOR' } });
    await vi.waitFor(() => expect(lastVariables()).toEqual({ first: 25, status: 'BANNED', role: 'MODERATOR' }));

    vi.useFakeTimers();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: '  ada ' } });
    await act(async () => {
      vi.advanceTimersByTime(300);
    });
    vi.useRealTimers();
    await vi.waitFor(() =>
      expect(lastVariables()).toEqual({ first: 25, status: 'BANNED', role: 'MODERATOR', query: 'ada' }),
    );
    expect(screen.getByTestId('where').textContent).toBe('/moderate/users?status=BANNED&role=MODERATOR&q=ada');
  });

  it('shows an empty state that clears the filters', async () => {
    mocks.request.mockImplementation(async (_q: string, variables: UsersVariables) =>
      variables.role ? page([], null) : page([user(1)], null),
    );
    renderPage('/moderate/users?role=ADMIN');
    expect(await screen.findByText('No users match these filters')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByRole('link', { name: 'Person 1' })).toBeTruthy();
    expect(screen.getByTestId('where').textContent).toBe('/moderate/users');
    expect((screen.getByLabelText('Role') as HTMLSelectElement).value).toBe('');
  });

  it('says so when there are no users at all', async () => {
    mocks.request.mockResolvedValue(page([], null));
    renderPage();
    expect(await screen.findByText('No users yet')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('shows errors with a retry, for the first page and for "Load more"', async () => {
    mocks.request.mockRejectedValueOnce(new Error('Network down'));
    mocks.request.mockResolvedValueOnce(page([user(1)], 'c1'));
    renderPage();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load users');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByRole('link', { name: 'Person 1' });

    mocks.request.mockRejectedValueOnce(new Error('Network down'));
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    const more = await screen.findByRole('alert');
    expect(more.textContent).toContain('Could not load more users');
    mocks.request.mockResolvedValueOnce(page([user(2)], null));
    await userEvent.click(within(more).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Person 2' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
