import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Role, UserStatus } from '../../generated/prisma/enums.js';
import { ModerationItemModel } from '../../moderation/queues/queue.models.js';
import { ModeratedUserModel } from '../models/moderated-user.model.js';
import { pageNodes } from '../../infra/graphql/query-cost.js';

@InputType()
export class SetUserStatusInput {
  @IsUUID('all', { message: 'userId must be an id' })
  @Field(() => ID)
  userId: string;

  @IsEnum(UserStatus)
  @Field(() => UserStatus)
  status: UserStatus;

  @IsOptional()
  @IsDate({ message: 'until must be a date' })
  @Field(() => Date, { nullable: true, description: 'A suspension or ban ends by itself at this time.' })
  until?: Date | null;

  @IsString()
  @MinLength(1, { message: 'reason must not be empty' })
  @MaxLength(500, { message: 'reason must be at most 500 characters' })
  @Field({ description: 'Recorded in the moderation log and shown to the user.' })
  reason: string;

  @IsOptional()
  @IsBoolean()
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description: 'On BANNED: also reject every pending, held and published comment of the user.',
  })
  rejectComments?: boolean;
}

@ArgsType()
export class SetUserPremodArgs {
  @IsUUID('all', { message: 'userId must be an id' })
  @Field(() => ID)
  userId: string;

  @IsBoolean()
  @Field()
  on: boolean;
}

@ArgsType()
export class SetUserRoleArgs {
  @IsUUID('all', { message: 'userId must be an id' })
  @Field(() => ID)
  userId: string;

  @IsEnum(Role)
  @Field(() => Role)
  role: Role;
}

@ArgsType()
export class UserArgs {
  @IsUUID('all', { message: 'id must be an id' })
  @Field(() => ID)
  id: string;

  @IsInt()
  @Min(1, { message: 'recent must be at least 1' })
  @Max(100, { message: 'recent must be at most 100' })
  @Field(() => Int, { defaultValue: 20, description: 'How many of their latest comments to include.' })
  recent: number = 20;
}

@ObjectType('UserModerationView', { description: 'A user as a moderator reviews them.' })
export class UserModerationViewModel {
  @Field(() => ModeratedUserModel) user: ModeratedUserModel;
  @Field(() => [ModerationItemModel], {
    description: 'Latest comments, any status, newest first.',
    complexity: pageNodes,
  })
  recentComments: ModerationItemModel[];
}
