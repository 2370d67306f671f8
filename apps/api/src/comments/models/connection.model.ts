import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CommentModel, ThreadModel } from './comment.model.js';
import { pageNodes } from '../../infra/graphql/query-cost.js';

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor: string | null;
}

@ObjectType('ThreadConnection')
export class ThreadConnectionModel {
  @Field(() => [ThreadModel], { complexity: pageNodes }) nodes: ThreadModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}

@ObjectType('CommentConnection')
export class CommentConnectionModel {
  @Field(() => [CommentModel], { complexity: pageNodes }) nodes: CommentModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}

@ObjectType('ArticleRef')
export class ArticleRefModel {
  @Field(() => ID) id: string;
  @Field() slug: string;
  @Field() title: string;
}

@ObjectType('CommentPermalink', { description: 'A comment with its thread (and anchor) and article.' })
export class CommentPermalinkModel {
  @Field(() => CommentModel) comment: CommentModel;
  @Field(() => ThreadModel, { description: 'The whole thread as the viewer may see it.' }) thread: ThreadModel;
  @Field(() => ArticleRefModel) article: ArticleRefModel;
}
