import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class CommentHistoryArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'commentId must be an id' })
  commentId: string;
}
