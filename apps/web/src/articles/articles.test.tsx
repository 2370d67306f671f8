import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleSummary } from '../api/types.ts';

const mocks = vi.hoisted(() => ({ request: vi.fn() }));
vi.mock('../api/client.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../api/client.ts')>();
  return { ...original, api: { request: mocks.request, tokens: null } };
});
const { default: ArticleListPage, sortArticles } = await import('./ArticleListPage.tsx');

const summary = (id: string, title: string, commentCount: number, threadCount = 1): ArticleSummary => ({
  id,
  slug: id,
  title,
  author: 'Someone',
  siteName: 'Site',
  sourceUrl: null,
  publishedAt: '2024-01-01T00:00:00Z',
  createdAt: '2024-01-01T00:00:00Z',
  threadCount,
  commentCount,
});

const ARTICLES = [summary('a', 'Alpha', 1), summary('b', 'Beta', 9), summary('c', 'Gamma', 9, 4)];

/** One page of the `articles` connection. */
const page = (nodes: ArticleSummary[], endCursor: string | null = null) => ({
  articles: { nodes, pageInfo: { hasNextPage: endCursor !== null, endCursor } },
});

// Block body: a function returned from beforeEach would be run as a teardown.
beforeEach(() => {
  mocks.request.mockReset();
});

describe('sortArticles', () => {
  it('keeps server order for "newest" and for ties, and orders by comments otherwise', () => {
    expect(sortArticles(ARTICLES, 'recent').map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(sortArticles(ARTICLES, 'discussed').map((a) => a.id)).toEqual(['b', 'c', 'a']);
  });
});

describe('ArticleListPage', () => {
  it('lists articles with counts, re-orders them and searches by title', async () => {
    mocks.request.mockImplementation(async (_q: string, variables: { search?: string }) =>
      page(variables.search ? ARTICLES.filter((a) => a.title.includes(variables.search!)) : ARTICLES),
    );
    render(
      <MemoryRouter>
        <ArticleListPage />
      </MemoryRouter>,
    );
    const list = await screen.findByRole('list');
    expect(
      within(list)
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(within(list).getByRole('link', { name: 'Beta' }).getAttribute('href')).toBe('/a/b');
    expect(list.textContent).toContain('9 comments');

    fireEvent.click(screen.getByRole('button', { name: 'Most discussed' }));
    expect(screen.getByRole('button', { name: 'Most discussed' }).getAttribute('aria-pressed')).toBe('true');
    await vi.waitFor(() =>
      expect(mocks.request).toHaveBeenLastCalledWith(
        expect.stringContaining('articles'),
        { orderBy: 'MOST_DISCUSSED', first: 20 },
        expect.anything(),
      ),
    );
    expect(
      within(screen.getByRole('list'))
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual(['Beta', 'Gamma', 'Alpha']);

    vi.useFakeTimers();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search articles by title' }), { target: { value: 'Gam' } });
    await act(async () => {
      vi.advanceTimersByTime(300);
    });
    vi.useRealTimers();
    expect(mocks.request).toHaveBeenLastCalledWith(
      expect.stringContaining('articles'),
      { search: 'Gam', orderBy: 'MOST_DISCUSSED', first: 20 },
      expect.anything(),
    );
    expect(await screen.findByText('Gamma')).toBeTruthy();
    await vi.waitFor(() => expect(screen.queryByText('Alpha')).toBeNull());
  });

  it('shows an empty state for a search with no results', async () => {
    mocks.request.mockResolvedValue(page([]));
    render(
      <MemoryRouter initialEntries={['/?q=zzz']}>
        <ArticleListPage />
      </MemoryRouter>,
    );
    expect(await screen.findByText('No articles match “zzz”')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Clear search' })).toBeTruthy();
  });

  it('loads the next page with "More articles" and moves focus to the first new article', async () => {
    mocks.request.mockImplementation(async (_q: string, variables: { after?: string }) =>
      variables.after === 'cursor-1' ? page([ARTICLES[2]!]) : page(ARTICLES.slice(0, 2), 'cursor-1'),
    );
    render(
      <MemoryRouter>
        <ArticleListPage />
      </MemoryRouter>,
    );
    const more = await screen.findByRole('button', { name: 'More articles' });
    expect(within(screen.getByRole('list')).getAllByRole('heading')).toHaveLength(2);
    fireEvent.click(more);
    await vi.waitFor(() => expect(within(screen.getByRole('list')).getAllByRole('heading')).toHaveLength(3));
    expect(mocks.request).toHaveBeenLastCalledWith(
      expect.stringContaining('articles'),
      { orderBy: 'NEWEST', first: 20, after: 'cursor-1' },
      expect.anything(),
    );
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Gamma'));
    expect(screen.queryByRole('button', { name: 'More articles' })).toBeNull();
  });

  it('keeps the loaded articles and offers a retry when the next page fails', async () => {
    mocks.request.mockImplementation(async (_q: string, variables: { after?: string }) => {
      if (variables.after) throw new Error('offline');
      return page(ARTICLES.slice(0, 2), 'cursor-1');
    });
    render(
      <MemoryRouter>
        <ArticleListPage />
      </MemoryRouter>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'More articles' }));
    expect(await screen.findByText('Could not load more articles')).toBeTruthy();
    expect(within(screen.getByRole('list')).getAllByRole('heading')).toHaveLength(2);
  });
});

describe('ArticleListItem', () => {
  it('marks articles staff see that readers do not, and archived ones', async () => {
    const { ArticleListItem } = await import('./ArticleListItem.tsx');
    render(
      <MemoryRouter>
        <ul>
          <ArticleListItem article={{ ...summary('h', 'Hidden', 0), state: 'UNPUBLISHED' }} />
          <ArticleListItem article={{ ...summary('o', 'Old', 0), state: 'ARCHIVED' }} />
          <ArticleListItem article={{ ...summary('p', 'Plain', 0), state: 'PUBLISHED' }} />
        </ul>
      </MemoryRouter>,
    );
    expect(screen.getAllByRole('heading').map((h) => h.textContent)).toEqual([
      'Hidden Unpublished',
      'Old Archived',
      'Plain',
    ]);
  });
});
