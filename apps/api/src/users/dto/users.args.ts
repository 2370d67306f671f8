import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Role, UserStatus } from '../../generated/prisma/enums.js';
import { AfterArgs } from '../../infra/pagination/after.args.js';

/** Largest page of the user directory. */
export const MAX_USERS_PAGE = 100;

@ArgsType()
export class UsersArgs extends AfterArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Part of a handle or display name (and, for admins, an email address), any case.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'query must be at most 100 characters' })
  query?: string | null;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role, { message: 'role must be a role' })
  role?: Role | null;

  @Field(() => UserStatus, { nullable: true })
  @IsOptional()
  @IsEnum(UserStatus, { message: 'status must be a user status' })
  status?: UserStatus | null;

  @Field(() => Int, { defaultValue: 20 })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_USERS_PAGE, { message: `first must be at most ${MAX_USERS_PAGE}` })
  first: number = 20;
}
