import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors.ts';
import type { ProfileComment, ProfileResult } from './queries.ts';

const mocks = vi.hoisted(() => ({ request: vi.fn() }));
vi.mock('../api/client.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../api/client.ts')>();
  return { ...original, api: { request: mocks.request, tokens: null } };
});
const { default: ProfilePage } = await import('./ProfilePage.tsx');

const comment = (n: number, extra: Partial<ProfileComment> = {}): ProfileComment => ({
  id: `c${n}`,
  bodyHtml: `<p>Comment ${n} for <a href="/u/grace">@grace</a></p>`,
  postedAt: '2024-05-01T12:00:00Z',
  editedAt: null,
  passage: `passage ${n}`,
  permalink: `/a/essay/c/c${n}`,
  article: { id: 'a1', slug: 'essay', title: 'An Essay' },
  ...extra,
});

const result = (nodes: ProfileComment[], endCursor: string | null): ProfileResult => ({
  user: {
    id: 'u1',
    handle: 'ada',
    displayName: 'Ada Reader',
    bio: 'Reads slowly.\nWrites in margins.',
    joinedAt: '2024-01-01T00:00:00Z',
    role: 'MODERATOR',
    comments: { nodes, pageInfo: { hasNextPage: endCursor !== null, endCursor } },
  },
});

function Where() {
  return <div data-testid="where">{useLocation().pathname}</div>;
}

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/u/:handle" element={<ProfilePage />} />
      </Routes>
      <Where />
    </MemoryRouter>,
  );
}

describe('ProfilePage', () => {
  beforeEach(() => mocks.request.mockReset());

  it('shows the profile and its comments with passage and article, and loads more', async () => {
    mocks.request.mockResolvedValueOnce(result([comment(1)], 'cursor-1'));
    renderAt('/u/ada');
    expect(await screen.findByRole('heading', { name: /Ada Reader/ })).toBeTruthy();
    expect(screen.getByText('Moderator')).toBeTruthy();
    expect(screen.getByText(/Reads slowly/)).toBeTruthy();
    const items = screen.getAllByRole('listitem');
    expect(within(items[0]!).getByText('passage 1')).toBeTruthy();
    expect(within(items[0]!).getByRole('link', { name: 'An Essay' }).getAttribute('href')).toBe('/a/essay');

    mocks.request.mockResolvedValueOnce(result([comment(2)], null));
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('passage 2')).toBeTruthy();
    expect(mocks.request).toHaveBeenLastCalledWith(
      expect.any(String),
      { handle: 'ada', first: 20, after: 'cursor-1' },
      expect.anything(),
    );
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('routes a mention inside a comment without reloading the page', async () => {
    mocks.request.mockResolvedValue(result([comment(1)], null));
    renderAt('/u/ada');
    const mention = await screen.findByRole('link', { name: '@grace' });
    expect(mention.getAttribute('target')).toBeNull();
    fireEvent.click(mention);
    expect(screen.getByTestId('where').textContent).toBe('/u/grace');
  });

  it('says so when there are no published comments yet', async () => {
    mocks.request.mockResolvedValueOnce(result([], null));
    renderAt('/u/ada');
    expect(await screen.findByText('No published comments yet')).toBeTruthy();
  });

  it('shows a not-found page for an unknown or deleted handle, and an error state otherwise', async () => {
    mocks.request.mockRejectedValueOnce(new ApiError([{ code: 'NOT_FOUND', message: 'User not found' }]));
    const { unmount } = renderAt('/u/nobody');
    expect(await screen.findByRole('heading', { name: 'No such reader' })).toBeTruthy();
    unmount();
    mocks.request.mockRejectedValueOnce(new ApiError([{ code: 'INTERNAL_SERVER_ERROR', message: 'boom' }]));
    renderAt('/u/ada');
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
