import type { CommentStatus } from '../../generated/prisma/enums.js';

export interface CounterDeltas {
  /** Thread.commentCount counts published comments. */
  thread: number;
  /** User.commentCount counts the author's published comments. */
  authorPublished: number;
  /** User.rejectedCount counts the author's rejected comments. */
  authorRejected: number;
}

/** How the denormalized counters move when a comment goes from one status to another. */
export function counterDeltas(from: CommentStatus, to: CommentStatus): CounterDeltas {
  const published = Number(to === 'PUBLISHED') - Number(from === 'PUBLISHED');
  return {
    thread: published,
    authorPublished: published,
    authorRejected: Number(to === 'REJECTED') - Number(from === 'REJECTED'),
  };
}
