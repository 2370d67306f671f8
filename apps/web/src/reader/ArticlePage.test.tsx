import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeClient } from '../test/client.ts';
import { AuthProvider } from '../auth/AuthContext.tsx';
import { article, comment, READER, thread } from '../test/fixtures.ts';
import type { Article, Thread } from '../api/types.ts';

const mocks = vi.hoisted(() => ({ request: vi.fn() }));
vi.mock('../api/client.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../api/client.ts')>();
  const { fakeClient: fake } = await import('../test/client.ts');
  return { ...original, api: fake(mocks.request) };
});

const { default: ArticlePage } = await import('./ArticlePage.tsx');

type Handler = (variables: Record<string, unknown>) => unknown;

function serve(handlers: Record<string, Handler>) {
  mocks.request.mockImplementation(async (query: string, variables: Record<string, unknown> = {}) => {
    const name = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? '';
    const handler = handlers[name];
    if (!handler) throw new Error(`unexpected ${name}`);
    return handler(variables);
  });
}

function renderAt(path: string, signedIn = false) {
  const client = fakeClient(mocks.request, signedIn ? READER : null);
  return render(
    <MemoryRouter initialEntries={[path]}>
      <AuthProvider client={client}>
        <Routes>
          <Route path="a/:slug" element={<ArticlePage />}>
            <Route path="c/:commentId" element={null} />
          </Route>
          <Route path="login" element={<p>Login page</p>} />
        </Routes>
      </AuthProvider>
    </MemoryRouter>,
  );
}

const anchored = (id: string, start: number, end: number, extra: Partial<Thread> = {}) =>
  thread(id, {
    anchor: { revisionId: 'r1', start, end, exact: 'x', prefix: '', suffix: '', status: 'ANCHORED' },
    anchorStatus: 'ANCHORED',
    ...extra,
  });

/** Lets React run pending passive effects (e.g. the keyboard shortcut listener) before acting. */
const settle = () => act(async () => {});

function selectText(from: { block: number; offset: number }, to: { block: number; offset: number }) {
  const blocks = document.querySelectorAll('[data-start]');
  const range = document.createRange();
  range.setStart(blocks[from.block]!.firstChild!, from.offset);
  range.setEnd(blocks[to.block]!.firstChild!, to.offset);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

let current: Article;
beforeEach(() => {
  mocks.request.mockReset();
  current = article([
    anchored('t1', 8, 12, {
      commentCount: 2,
      comments: [comment('c1', 't1'), comment('c2', 't1', { parentId: 'c1' })],
    }),
    thread('page1'),
    thread('lost', { anchorStatus: 'ORPHANED', originalQuote: 'A sentence that was removed' }),
  ]);
});

describe('ArticlePage', () => {
  it('renders the article with highlights, page comments and a loading state first', async () => {
    serve({ Article: () => ({ article: current }) });
    renderAt('/a/essay');
    expect(screen.getByRole('status').textContent).toContain('Loading article');
    expect(await screen.findByRole('heading', { level: 1, name: 'On Reading Closely' })).toBeTruthy();
    expect(document.querySelector('mark[data-threads="t1"]')?.textContent).toBe('line');
    const discussion = screen.getByRole('region', { name: /Discussion/ });
    expect(within(discussion).getByText('Body of page1-c1')).toBeTruthy();
    expect(within(discussion).getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe(
      '/login?next=%2Fa%2Fessay',
    );
  });

  it('shows a not-found page for an unknown slug', async () => {
    serve({ Article: () => ({ article: null }) });
    renderAt('/a/missing');
    expect(await screen.findByRole('heading', { name: 'Article not found' })).toBeTruthy();
  });

  it('shows an error with a retry button when loading fails', async () => {
    let fail = true;
    serve({
      Article: () => {
        if (fail) throw new Error('boom');
        return { article: current };
      },
    });
    renderAt('/a/essay');
    const retry = await screen.findByRole('button', { name: 'Try again' });
    fail = false;
    fireEvent.click(retry);
    expect(await screen.findByRole('heading', { level: 1, name: 'On Reading Closely' })).toBeTruthy();
  });

  it('opens a thread with nested replies when its highlight is clicked', async () => {
    serve({ Article: () => ({ article: current }) });
    renderAt('/a/essay');
    await screen.findByRole('heading', { level: 1 });
    const mark = document.querySelector<HTMLElement>('mark[data-threads="t1"]')!;
    fireEvent.click(mark);
    const dialog = await screen.findByRole('dialog', { name: 'Discussion' });
    const card = within(dialog).getByRole('article', { name: /Thread on/ });
    expect(within(card).getByText('Body of c1')).toBeTruthy();
    const reply = within(card).getByText('Body of c2').closest('li')!;
    expect(reply.parentElement?.className).toBe('comment-replies');
  });

  it('lists orphaned threads in their own tab with the original quote', async () => {
    serve({ Article: () => ({ article: current }) });
    renderAt('/a/essay');
    fireEvent.click(await screen.findByRole('button', { name: /Discussion/ }));
    fireEvent.click(screen.getByRole('tab', { name: /Orphaned/ }));
    expect(screen.getByText('A sentence that was removed')).toBeTruthy();
    expect(screen.getByText(/changed or removed/)).toBeTruthy();
  });

  it('prompts signed-out readers to sign in when they comment on a selection', async () => {
    serve({ Article: () => ({ article: current }) });
    renderAt('/a/essay');
    await screen.findByRole('heading', { level: 1 });
    await settle();
    selectText({ block: 1, offset: 0 }, { block: 1, offset: 6 });
    fireEvent.keyDown(document.body, { key: 'c' });
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('article', { name: /New comment/ }).textContent).toContain('Second');
    expect(within(dialog).getByRole('link', { name: 'Sign in' })).toBeTruthy();
  });

  it('posts a passage thread with the canonical selector and shows it awaiting moderation', async () => {
    const created = anchored('t-new', 22, 28, {
      comments: [comment('new-c', 't-new', { isOwn: true, status: 'PENDING', bodyHtml: '<p>My take</p>' })],
    });
    const createThread = vi.fn(() => ({ createThread: created }));
    serve({ Article: () => ({ article: current }), CreateThread: createThread });
    renderAt('/a/essay', true);
    await screen.findByRole('heading', { level: 1 });
    // The session comes from the refresh cookie, not a query: the article is the only request.
    await waitFor(() => expect(mocks.request).toHaveBeenCalledTimes(1));
    await settle();

    selectText({ block: 1, offset: 0 }, { block: 1, offset: 6 });
    fireEvent.keyDown(document.body, { key: 'c' });
    const textarea = await screen.findByRole('textbox', { name: 'Comment on the selected passage' });
    await waitFor(() => expect(document.activeElement).toBe(textarea));
    fireEvent.change(textarea, { target: { value: 'My take' } });
    await act(async () => {
      fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Post' }));
    });

    // The selector module (shared anchoring package) is loaded on demand.
    await waitFor(() => expect(createThread).toHaveBeenCalledTimes(1));
    const input = (createThread.mock.calls[0] as unknown as [{ input: Record<string, unknown> }])[0].input;
    expect(input).toMatchObject({
      articleId: 'a1',
      body: 'My take',
      selector: { start: 22, end: 28, exact: 'Second' },
    });
    const selector = input.selector as { prefix: string; suffix: string };
    expect(selector.prefix).toBe('Opening line 🙂 here.\n\n');
    expect(selector.suffix).toBe(' paragraph of text.');
    expect(await screen.findByText('Awaiting moderation')).toBeTruthy();
    expect(document.querySelector('mark[data-threads="t-new"]')?.textContent).toBe('Second');
  });

  it('shows server validation errors in the composer', async () => {
    serve({
      Article: () => ({ article: current }),
      CreateThread: async () => {
        const { ApiError } = await import('../api/errors.ts');
        throw new ApiError([{ code: 'BAD_USER_INPUT', field: 'body', message: 'Comment is too short' }]);
      },
    });
    renderAt('/a/essay', true);
    await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Comment on the whole article' })).toBeTruthy());
    const textarea = screen.getByRole('textbox', { name: 'Comment on the whole article' });
    fireEvent.change(textarea, { target: { value: 'x' } });
    await act(async () => {
      fireEvent.click(within(screen.getByRole('region', { name: /Discussion/ })).getByRole('button', { name: 'Post' }));
    });
    expect(screen.getByRole('alert').textContent).toContain('Comment is too short');
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
  });

  it('opens the thread of a permalinked comment and marks it as the target', async () => {
    serve({ Article: () => ({ article: current }) });
    renderAt('/a/essay/c/c2');
    const dialog = await screen.findByRole('dialog');
    const target = within(dialog).getByText('Body of c2').closest('li')!;
    expect(target.className).toContain('is-target');
  });

  it('reports a permalinked comment that is not available', async () => {
    serve({ Article: () => ({ article: current }) });
    renderAt('/a/essay/c/nope');
    expect(await screen.findByText(/linked comment isn’t available/)).toBeTruthy();
  });
});

describe('ArticlePage with a discussion too large to read whole', () => {
  const summary = {
    id: 't1',
    start: 8,
    end: 12,
    exact: 'line',
    commentCount: 2,
    createdAt: '2024-05-01T12:00:00Z',
    firstCommentId: 'c1',
    firstStatus: 'PUBLISHED' as const,
    excerpt: 'Body of c1',
    authorName: 'Author c1',
    postedAt: '2024-05-01T12:00:00Z',
  };
  const noMore = { hasNextPage: false, endCursor: null };
  /** A large discussion's first view: the text without its threads, the highlight map and these summaries. */
  const firstView = (highlightMap: object[], summaries: object[]) => {
    const { text: _text, ...revision } = current.revision;
    return {
      article: {
        ...current,
        revision,
        threads: null,
        highlightMap,
        threadSummaries: { nodes: summaries, pageInfo: noMore },
      },
    };
  };

  it('draws merged ranges and the page-level comments, and loads a thread whole when its range is clicked', async () => {
    const whole = anchored('t1', 8, 12, {
      commentCount: 2,
      comments: [comment('c1', 't1'), comment('c2', 't1', { parentId: 'c1' })],
    });
    const asked: string[] = [];
    serve({
      Article: (variables) => {
        asked.push(`article up to ${String(variables['upTo'])}`);
        return firstView([{ start: 5, end: 15, threadCount: 3, commentCount: 7 }], [summary]);
      },
      PageThreads: () => {
        asked.push('page threads');
        return { article: { pageThreads: { nodes: [thread('page1')], pageInfo: noMore } } };
      },
      ThreadSummaries: (variables) => {
        asked.push(`summaries ${String(variables['from'])}–${String(variables['to'])}`);
        return { article: { threadSummaries: { nodes: [summary], pageInfo: noMore } } };
      },
      Thread: (variables) => {
        asked.push(`thread ${String(variables['id'])}`);
        return { thread: whole };
      },
    });
    renderAt('/a/essay');
    await screen.findByRole('heading', { level: 1, name: 'On Reading Closely' });
    // One highlight for the merged range, none per thread; the text was rebuilt from its blocks.
    const mark = document.querySelector<HTMLElement>('mark[data-threads="range:5-15"]');
    expect(mark?.textContent).toBe('ng line 🙂 ');
    expect(document.querySelectorAll('mark[data-threads="t1"]')).toHaveLength(0);
    const discussion = screen.getByRole('region', { name: /Discussion/ });
    expect(await within(discussion).findByText('Body of page1-c1')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Discussion/ }).textContent).toContain('3');

    fireEvent.click(mark!);
    const dialog = await screen.findByRole('dialog', { name: 'Discussion' });
    const card = within(dialog).getByRole('article', { name: /Thread on/ });
    // The summary shows at once; the whole thread, with its reply, once loaded.
    expect(await within(card).findByText('Body of c2')).toBeTruthy();
    // The range lay in the stretch the first view covered: no summaries were asked for again.
    expect(asked).toEqual(['article up to 1000', 'page threads', 'thread t1']);
  });

  it('loads the thread of a permalinked comment it has not loaded yet', async () => {
    const far = anchored('t9', 30, 36, { comments: [comment('c9', 't9', { bodyHtml: '<p>Far away</p>' })] });
    serve({
      Article: () => {
        return firstView([{ start: 30, end: 36, threadCount: 1, commentCount: 1 }], []);
      },
      PageThreads: () => ({ article: { pageThreads: { nodes: [], pageInfo: noMore } } }),
      CommentThread: (variables) => {
        expect(variables).toEqual({ id: 'c9' });
        return { comment: { thread: far } };
      },
      Thread: () => ({ thread: far }),
    });
    renderAt('/a/essay/c/c9');
    const dialog = await screen.findByRole('dialog', { name: 'Discussion' });
    expect(await within(dialog).findByText('Far away')).toBeTruthy();
    expect(screen.queryByText(/linked comment isn’t available/)).toBeNull();
  });

  it('highlights the reader’s own new passage at once, before the map is read again', async () => {
    const created = anchored('t-new', 22, 28, {
      comments: [comment('new-c', 't-new', { isOwn: true, status: 'PENDING', bodyHtml: '<p>My take</p>' })],
    });
    serve({
      Article: () => {
        return firstView([{ start: 8, end: 12, threadCount: 1, commentCount: 1 }], [summary]);
      },
      PageThreads: () => ({ article: { pageThreads: { nodes: [], pageInfo: noMore } } }),
      CreateThread: () => ({ createThread: created }),
      Thread: () => ({ thread: created }),
    });
    renderAt('/a/essay', true);
    await screen.findByRole('heading', { level: 1 });
    await settle();
    selectText({ block: 1, offset: 0 }, { block: 1, offset: 6 });
    fireEvent.keyDown(document.body, { key: 'c' });
    const textarea = await screen.findByRole('textbox', { name: 'Comment on the selected passage' });
    fireEvent.change(textarea, { target: { value: 'My take' } });
    await act(async () => {
      fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Post' }));
    });
    await waitFor(() => expect(document.querySelector('mark[data-threads="range:22-28"]')?.textContent).toBe('Second'));
    expect(screen.getByRole('button', { name: /Discussion/ }).textContent).toContain('2');
  });
});
