import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleDigest } from './useDigest.ts';

const mocks = vi.hoisted(() => ({ request: vi.fn() }));
vi.mock('../api/client.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../api/client.ts')>();
  const { fakeClient: fake } = await import('../test/client.ts');
  return { ...original, api: fake(mocks.request) };
});

const { DigestPanel } = await import('./DigestPanel.tsx');

const DIGEST: ArticleDigest = {
  updatedAt: new Date().toISOString(),
  commentCount: 12,
  sourceCommentIds: null,
  themes: [
    {
      label: 'dollar, currency, oil',
      terms: ['dollar', 'currency', 'oil'],
      commentIds: ['c1', 'c2'],
      sentences: [
        { text: 'This is the issue of U.S. dollar, or how some people call it, the petrodollar.', commentId: 'c1' },
      ],
      passage: { threadId: 't9', quote: 'Nothing compels the U.S. to compete', start: 10, end: 40 },
    },
  ],
  openQuestions: [{ text: 'Is it just Freudian projection?', commentId: 'c3' }],
};

function Permalink() {
  return <p>Opened comment {useParams().commentId}</p>;
}

function renderPanel(onPassage = vi.fn()) {
  render(
    <MemoryRouter initialEntries={['/a/essay']}>
      <Routes>
        <Route path="a/:slug" element={<DigestPanel articleId="a1" slug="essay" onPassage={onPassage} />} />
        <Route path="a/:slug/c/:commentId" element={<Permalink />} />
      </Routes>
    </MemoryRouter>,
  );
  return onPassage;
}

/** Opens the disclosure (collapsed where the screen is narrow, as in these tests) and lets it load. */
async function expand() {
  fireEvent.click(screen.getByRole('button', { name: 'What readers are saying' }));
  await act(async () => {});
}

beforeEach(() => mocks.request.mockReset());

describe('DigestPanel', () => {
  it('is a collapsed disclosure on a narrow screen', async () => {
    mocks.request.mockResolvedValue({ articleDigest: DIGEST });
    renderPanel();
    await act(async () => {});
    const toggle = screen.getByRole('button', { name: 'What readers are saying' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText(/petrodollar/)).toBeNull();
    // Nothing is asked while it stays closed.
    expect(mocks.request).not.toHaveBeenCalled();
    await expand();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText(/petrodollar/)).toBeTruthy();
  });

  it('links each sentence to its comment and each theme to its passage', async () => {
    mocks.request.mockResolvedValue({ articleDigest: DIGEST });
    const onPassage = renderPanel();
    await act(async () => {});
    await expand();
    fireEvent.click(screen.getByRole('button', { name: /On the passage “Nothing compels/ }));
    expect(onPassage).toHaveBeenCalledWith('t9');
    const questions = screen.getByRole('heading', { name: 'Open questions' }).parentElement!;
    expect(within(questions).getByRole('link').getAttribute('href')).toBe('/a/essay/c/c3');
    fireEvent.click(screen.getByRole('link', { name: /petrodollar/ }));
    expect(screen.getByText('Opened comment c1')).toBeTruthy();
  });

  it('says there are not enough comments yet when there is no digest or no theme', async () => {
    mocks.request.mockResolvedValue({ articleDigest: null });
    renderPanel();
    await act(async () => {});
    await expand();
    expect(screen.getByText(/Not enough comments yet/)).toBeTruthy();
  });

  it('shows staff the comments it was built from', async () => {
    mocks.request.mockResolvedValue({ articleDigest: { ...DIGEST, sourceCommentIds: ['c1', 'c2', 'c3'] } });
    renderPanel();
    await act(async () => {});
    await expand();
    expect(screen.getByText('Comments it was built from (3)')).toBeTruthy();
  });
});
