import { registerEnumType } from '@nestjs/graphql';
import { Stance } from '../../generated/prisma/enums.js';

registerEnumType(Stance, {
  name: 'Stance',
  description:
    "The author's own framing of a comment toward its passage (or, in a reply, its parent). Reactions are other readers' votes on a comment; a stance is what its author says it does.",
});
export { Stance };

/** The reactions a reader can leave on a comment; stored as strings in Reaction.kind. */
export const ReactionKind = {
  LIKE: 'LIKE',
  INSIGHTFUL: 'INSIGHTFUL',
  AGREE: 'AGREE',
  DISAGREE: 'DISAGREE',
  FUNNY: 'FUNNY',
} as const;
export type ReactionKind = (typeof ReactionKind)[keyof typeof ReactionKind];
registerEnumType(ReactionKind, { name: 'ReactionKind' });

export const ThreadSort = {
  /** Where the passage starts in the text; page-level and orphaned threads last. */
  POSITION: 'POSITION',
  OLDEST: 'OLDEST',
  NEWEST: 'NEWEST',
  /** Most reactions on the thread's published comments first. */
  MOST_REACTIONS: 'MOST_REACTIONS',
} as const;
export type ThreadSort = (typeof ThreadSort)[keyof typeof ThreadSort];
registerEnumType(ThreadSort, { name: 'ThreadSort' });

export const ThreadScope = {
  ALL: 'ALL',
  /** Threads placed on a passage of the current text (ANCHORED or FUZZY). */
  PASSAGES: 'PASSAGES',
  /** Page-level threads. */
  PAGE: 'PAGE',
  /** Threads whose passage could not be found in the current text. */
  ORPHANED: 'ORPHANED',
} as const;
export type ThreadScope = (typeof ThreadScope)[keyof typeof ThreadScope];
registerEnumType(ThreadScope, { name: 'ThreadScope' });

export const CommentSort = {
  OLDEST: 'OLDEST',
  NEWEST: 'NEWEST',
  MOST_REACTIONS: 'MOST_REACTIONS',
} as const;
export type CommentSort = (typeof CommentSort)[keyof typeof CommentSort];
registerEnumType(CommentSort, { name: 'CommentSort' });
