import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Prisma } from '../../generated/prisma/client.js';
import { Role, UserStatus } from '../../generated/prisma/enums.js';
import { toUserNote, USER_NOTE_SELECT, UserNoteModel, type UserNoteRow } from './user-note.model.js';

/** Latest moderator notes carried with a user (the console's cards); the rest via userNotes. */
export const NOTES_ON_CARD = 3;

/** A user as moderators see them: sanctions, pre-moderation and comment history counts. */
@ObjectType('ModeratedUser')
export class ModeratedUserModel {
  @Field(() => ID) id: string;
  @Field() handle: string;
  @Field() displayName: string;
  @Field(() => Role) role: Role;
  @Field(() => UserStatus) status: UserStatus;
  @Field(() => Date, { nullable: true, description: 'When a timed suspension or ban ends.' }) statusUntil: Date | null;
  @Field(() => String, { nullable: true }) statusReason: string | null;
  @Field({ description: 'Every comment of this user is held for a moderator.' }) premod: boolean;
  @Field(() => Int) publishedCount: number;
  @Field(() => Int) rejectedCount: number;
  @Field() createdAt: Date;
  /** Resolved for admins only (see ModeratedUserResolver). */
  @Field(() => String, { nullable: true }) email?: string | null;
  /**
   * Resolved for staff only (see ModeratedUserResolver); loaded with the user by
   * MODERATED_USER_WITH_NOTES_SELECT (queue cards, the user view), else on request.
   */
  @Field(() => [UserNoteModel], { description: `Moderators’ latest ${NOTES_ON_CARD} notes on the user.` })
  notes?: UserNoteModel[];
  @Field(() => Int, { description: 'How many notes moderators keep on the user.' }) noteCount: number;
}

export const MODERATED_USER_SELECT = {
  id: true,
  handle: true,
  displayName: true,
  role: true,
  status: true,
  statusUntil: true,
  statusReason: true,
  premod: true,
  commentCount: true,
  rejectedCount: true,
  createdAt: true,
  email: true,
  _count: { select: { notesAbout: true } },
} satisfies Prisma.UserSelect;

/** The latest notes on a user, newest first (also read on their own by ModeratedUserResolver). */
export const LATEST_NOTES = {
  orderBy: [{ createdAt: 'desc' as const }, { id: 'desc' as const }],
  take: NOTES_ON_CARD,
  select: USER_NOTE_SELECT,
};

/** With the latest notes: for the console's cards, in one more statement per page. */
export const MODERATED_USER_WITH_NOTES_SELECT = {
  ...MODERATED_USER_SELECT,
  notesAbout: LATEST_NOTES,
} satisfies Prisma.UserSelect;

export interface ModeratedUserRow {
  id: string;
  handle: string;
  displayName: string;
  role: Role;
  status: UserStatus;
  statusUntil: Date | null;
  statusReason: string | null;
  premod: boolean;
  commentCount: number;
  rejectedCount: number;
  createdAt: Date;
  email: string;
  notesAbout?: UserNoteRow[];
  _count: { notesAbout: number };
}

export function toModeratedUser(row: ModeratedUserRow): ModeratedUserModel {
  const { commentCount, notesAbout, _count, ...rest } = row;
  return {
    ...rest,
    publishedCount: commentCount,
    ...(notesAbout ? { notes: notesAbout.map(toUserNote) } : {}),
    noteCount: _count.notesAbout,
  };
}
