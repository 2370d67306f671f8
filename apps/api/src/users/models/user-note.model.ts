import { Field, ID, ObjectType } from '@nestjs/graphql';

/** A moderator's private note on a user: staff read it; its author may delete it. */
@ObjectType('UserNote')
export class UserNoteModel {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: 'The user the note is about.' }) userId: string;
  @Field() body: string;
  @Field(() => ID) authorId: string;
  @Field() authorHandle: string;
  @Field() createdAt: Date;
}

export const USER_NOTE_SELECT = {
  id: true,
  userId: true,
  body: true,
  authorId: true,
  createdAt: true,
  author: { select: { handle: true } },
} as const;

export interface UserNoteRow {
  id: string;
  userId: string;
  body: string;
  authorId: string;
  createdAt: Date;
  author: { handle: string };
}

export function toUserNote({ author, ...row }: UserNoteRow): UserNoteModel {
  return { ...row, authorHandle: author.handle };
}
