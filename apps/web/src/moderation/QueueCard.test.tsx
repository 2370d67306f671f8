import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { humanizeCode, QueueCard, scoreFacts, type QueueCardActions } from './QueueCard.tsx';
import type { ModerationItem } from './types.ts';

function item(extra: Partial<ModerationItem> = {}): ModerationItem {
  return {
    id: 'c1',
    authorName: 'Casey',
    author: {
      id: 'u1',
      handle: 'casey',
      displayName: 'Casey',
      role: 'READER',
      status: 'SUSPENDED',
      statusReason: null,
      statusUntil: null,
      premod: true,
      publishedCount: 4,
      rejectedCount: 2,
      createdAt: '2024-01-01T00:00:00Z',
      noteCount: 1,
      notes: [
        {
          id: 'n1',
          userId: 'u1',
          body: 'Warned about adverts',
          authorId: 'm1',
          authorHandle: 'mod',
          createdAt: '2024-05-01T00:00:00Z',
        },
      ],
    },
    article: { id: 'a1', slug: 'essay', title: 'On Reading Closely' },
    comment: {
      id: 'c1',
      threadId: 't1',
      parentId: 'p1',
      bodyHtml: '<p>Buy <strong>now</strong><script>alert(1)</script></p>',
      status: 'HELD',
      statusReason: 'SPAM_SCORE',
      openFlagCount: 1,
      createdAt: '2024-05-01T12:00:00Z',
      editedAt: null,
      reviewedAt: null,
      revisions: [],
      scores: {
        detail: 'phrase "buy now"',
        bannedWords: [],
        suspectWords: ['cheap'],
        toxicTerms: [],
        spamScore: 0.5,
        spamSignals: ['phrase'],
        linkCount: 0,
        linkDomains: [],
        repeatSimilarity: null,
        historyRejectionRate: null,
      },
    },
    passage: {
      exact: 'the margin',
      before: 'Readers write in ',
      after: ' of books',
      current: true,
      status: 'ANCHORED',
    },
    parent: { id: 'p1', authorName: 'Ada', bodyHtml: '<p>What do you think?</p>', status: 'PUBLISHED', createdAt: '' },
    flags: [{ id: 'f1', reason: 'SPAM', note: 'advert', reporterHandle: 'dana', createdAt: '2024-05-01T13:00:00Z' }],
    history: [
      {
        id: 'h1',
        action: 'PIPELINE',
        actorHandle: null,
        reason: 'SPAM_SCORE',
        fromStatus: 'PENDING',
        toStatus: 'HELD',
        createdAt: '2024-05-01T12:00:01Z',
      },
    ],
    queues: ['PENDING', 'REPORTED'],
    ...extra,
  };
}

const actions = (): QueueCardActions => ({
  approve: vi.fn(),
  reject: vi.fn(),
  hold: vi.fn(),
  ban: vi.fn(),
  dismiss: vi.fn(),
  history: vi.fn(),
  toggle: vi.fn(),
  focus: vi.fn(),
});

function renderCard(props: Partial<Parameters<typeof QueueCard>[0]> = {}) {
  const a = actions();
  render(
    <MemoryRouter>
      <QueueCard item={item()} active={false} selected={false} busy={false} actions={a} {...props} />
    </MemoryRouter>,
  );
  return a;
}

describe('QueueCard', () => {
  it('shows the comment with its author, passage in context, parent, flags, pipeline findings and history', () => {
    renderCard();
    const card = screen.getByRole('article', { name: /Casey/ });
    expect(within(card).getByRole('link', { name: 'Casey' }).getAttribute('href')).toBe('/moderate/users/u1');
    expect(within(card).getByText('suspended')).toBeTruthy();
    expect(within(card).getByText('pre-moderated')).toBeTruthy();
    expect(within(card).getByText('4 published · 2 rejected')).toBeTruthy();
    expect(card.querySelector('.mod-passage mark')?.textContent).toBe('the margin');
    expect(card.querySelector('.mod-passage blockquote')?.textContent).toBe('…Readers write in the margin of books…');
    expect(within(card).getByText('In reply to Ada')).toBeTruthy();
    expect(card.querySelector('.mod-body strong')?.textContent).toBe('now');
    expect(card.querySelector('script')).toBeNull();
    expect(within(card).getByText('Spam score')).toBeTruthy();
    expect(within(card).getByText('Spam score 0.50 (phrase)')).toBeTruthy();
    expect(within(card).getByText('Suspect words: cheap')).toBeTruthy();
    expect(within(card).getByText(/by @dana/).textContent).toContain('“advert”');
    expect(within(card).getByText(/Decision history/)).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'On Reading Closely' }).getAttribute('href')).toBe('/a/essay/c/c1');
  });

  it('labels a page-level comment and hides the ban button for a banned author', () => {
    const banned = item({ passage: null, author: { ...item().author!, status: 'BANNED' } });
    renderCard({ item: banned });
    expect(screen.getByText('Comment on the whole article')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Ban author/ })).toBeNull();
  });

  it('calls its actions, and marks the active and selected states', async () => {
    const a = renderCard({ active: true, selected: true });
    const card = screen.getByRole('article', { name: /Casey/ });
    expect(card.getAttribute('aria-current')).toBe('true');
    expect(card.className).toContain('is-selected');
    await userEvent.click(screen.getByRole('button', { name: /Approve/ }));
    await userEvent.click(screen.getByRole('button', { name: /Reject/ }));
    await userEvent.click(screen.getByRole('button', { name: /Hold/ }));
    await userEvent.click(screen.getByRole('button', { name: /Ban author/ }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select the comment by Casey' }));
    expect(a.approve).toHaveBeenCalledTimes(1);
    expect(a.reject).toHaveBeenCalledTimes(1);
    expect(a.hold).toHaveBeenCalledTimes(1);
    expect(a.ban).toHaveBeenCalledTimes(1);
    expect(a.toggle).toHaveBeenCalledWith('c1');
  });

  it('shows a search result’s matches, the author’s notes, and offers to dismiss reports and read the history', async () => {
    const edited = item();
    edited.comment.revisions = [{ bodyHtml: '<p>Earlier</p>', createdAt: '2024-05-01T12:30:00Z' }];
    const a = renderCard({
      item: edited,
      snippet: [
        { text: 'Buy ', match: false },
        { text: 'now', match: true },
      ],
    });
    const card = screen.getByRole('article', { name: /Casey/ });
    expect(card.querySelector('.mod-snippet mark')?.textContent).toBe('now');
    expect(within(card).getByText('1 moderator note on Casey')).toBeTruthy();
    expect(within(card).getByText(/Warned about adverts/).textContent).toContain('@mod');
    await userEvent.click(within(card).getByRole('button', { name: /Dismiss reports/ }));
    await userEvent.click(within(card).getByRole('button', { name: /Edit history/ }));
    expect(a.dismiss).toHaveBeenCalledTimes(1);
    expect(a.history).toHaveBeenCalledTimes(1);
  });

  it('offers no dismissal without reports, and no history for a comment never edited', () => {
    renderCard({ item: item({ flags: [] }) });
    expect(screen.queryByRole('button', { name: /Dismiss reports/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Edit history/ })).toBeNull();
  });

  it('disables decisions while one is in flight', () => {
    renderCard({ busy: true });
    expect((screen.getByRole('button', { name: /Approve/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('pipeline wording', () => {
  it('turns reason codes into words and leaves prose alone', () => {
    expect(humanizeCode('APPROVED_BY_PIPELINE')).toBe('Approved by pipeline');
    expect(humanizeCode('Held: new commenter')).toBe('Held: new commenter');
  });

  it('lists only the findings that are present', () => {
    expect(scoreFacts(null)).toEqual([]);
    expect(scoreFacts(item().comment.scores)).toEqual(['Suspect words: cheap', 'Spam score 0.50 (phrase)']);
  });
});
