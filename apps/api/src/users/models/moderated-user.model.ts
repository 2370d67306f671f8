import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Role, UserStatus } from '../../generated/prisma/enums.js';

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
} as const;

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
}

export function toModeratedUser(row: ModeratedUserRow): ModeratedUserModel {
  const { commentCount, ...rest } = row;
  return { ...rest, publishedCount: commentCount };
}
