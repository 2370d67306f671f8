import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { AfterArgs } from '../../infra/pagination/after.args.js';

/** Largest page of a profile's comments. */
export const MAX_PROFILE_COMMENTS_PAGE = 50;

@ArgsType()
export class ProfileCommentsArgs extends AfterArgs {
  @Field(() => Int, { defaultValue: 20 })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_PROFILE_COMMENTS_PAGE, { message: `first must be at most ${MAX_PROFILE_COMMENTS_PAGE}` })
  first: number = 20;
}
