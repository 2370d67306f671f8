import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '../../comments/models/connection.model.js';
import { pageNodes } from '../../infra/graphql/query-cost.js';
import { ArticleModel, ArticleRevisionModel } from './article.model.js';

@ObjectType('ArticleConnection')
export class ArticleConnectionModel {
  @Field(() => [ArticleModel], { complexity: pageNodes }) nodes: ArticleModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}

@ObjectType('ArticleRevisionConnection')
export class ArticleRevisionConnectionModel {
  @Field(() => [ArticleRevisionModel], { complexity: pageNodes, description: 'Newest first.' })
  nodes: ArticleRevisionModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}
