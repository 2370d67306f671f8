import type { Article, Comment, Thread, User } from '../api/types.ts';

export const READER: User = { id: 'u1', handle: 'ada', displayName: 'Ada Reader', role: 'READER', status: 'ACTIVE' };

export function comment(id: string, threadId: string, extra: Partial<Comment> = {}): Comment {
  return {
    id,
    threadId,
    parentId: null,
    authorName: `Author ${id}`,
    author: null,
    legacyNumber: null,
    postedAt: '2024-05-01T12:00:00Z',
    bodyHtml: `<p>Body of ${id}</p>`,
    status: 'PUBLISHED',
    statusReason: null,
    editedAt: null,
    isOwn: false,
    reactions: [],
    viewerReactions: [],
    ...extra,
  };
}

// Canonical text: "Opening line 🙂 here." [0,20) + "\n\n" + "Second paragraph of text." [22,47)
export const TEXT = 'Opening line 🙂 here.\n\nSecond paragraph of text.';

export function thread(id: string, extra: Partial<Thread> = {}): Thread {
  return {
    id,
    articleId: 'a1',
    anchor: null,
    originalQuote: null,
    anchorStatus: null,
    commentCount: 1,
    createdAt: '2024-05-01T12:00:00Z',
    comments: [comment(`${id}-c1`, id)],
    ...extra,
  };
}

export function article(threads: Thread[] = []): Article {
  return {
    id: 'a1',
    slug: 'essay',
    title: 'On Reading Closely',
    author: 'M. Author',
    siteName: 'The Review',
    sourceUrl: 'https://example.com/essay',
    publishedAt: '2024-04-01T00:00:00Z',
    createdAt: '2024-04-02T00:00:00Z',
    threadCount: threads.length,
    commentCount: threads.reduce((n, t) => n + t.commentCount, 0),
    revision: {
      id: 'r1',
      version: 1,
      text: TEXT,
      createdAt: '2024-04-02T00:00:00Z',
      blocks: [
        { kind: 'paragraph', text: 'Opening line 🙂 here.', start: 0, end: 20 },
        { kind: 'paragraph', text: 'Second paragraph of text.', start: 22, end: 47 },
      ],
    },
    threads,
  };
}
