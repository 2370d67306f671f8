import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class ArticleDigestArgs {
  @IsUUID('all', { message: 'articleId must be an id' })
  @Field(() => ID)
  articleId: string;
}
