import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsDate, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** Most passages a hot-spot list returns. */
export const MAX_HOT_SPOTS = 100;

@ArgsType()
export class HotSpotsArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'articleId must be an id' })
  articleId: string;

  @Field(() => Date, {
    nullable: true,
    description: 'Count comments posted and reports filed at or after this time (default: 30 days ago).',
  })
  @IsOptional()
  @IsDate({ message: 'from must be a date' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Count comments posted and reports filed before this time.' })
  @IsOptional()
  @IsDate({ message: 'to must be a date' })
  to?: Date | null;

  @Field(() => Int, { defaultValue: 20 })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_HOT_SPOTS, { message: `first must be at most ${MAX_HOT_SPOTS}` })
  first: number = 20;
}
