import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

/** Most passages a contested-passage list returns. */
export const MAX_CONTESTED = 100;

@ArgsType()
export class ContestedPassagesArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'articleId must be an id' })
  articleId: string;

  @Field(() => Int, { defaultValue: 20 })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_CONTESTED, { message: `first must be at most ${MAX_CONTESTED}` })
  first: number = 20;
}
