import { Field, ObjectType } from '@nestjs/graphql';
import { pageNodes } from '../../infra/graphql/query-cost.js';
import { ModerationItemModel, ModerationPageInfoModel } from '../queues/queue.models.js';

@ObjectType('SearchSnippetPart', { description: 'A piece of a snippet: matched words are marked.' })
export class SearchSnippetPartModel {
  @Field() text: string;
  @Field({ description: 'Whether this piece matched the query.' }) match: boolean;
}

@ObjectType('CommentSearchHit')
export class CommentSearchHitModel {
  @Field(() => ModerationItemModel, { description: 'The comment as the queues show it.' })
  item: ModerationItemModel;
  @Field(() => [SearchSnippetPartModel], { description: 'The passages of the body around the matches.' })
  snippet: SearchSnippetPartModel[];
}

@ObjectType('CommentSearchPage', { description: 'Matching comments, newest first.' })
export class CommentSearchPageModel {
  @Field(() => [CommentSearchHitModel], { complexity: pageNodes }) hits: CommentSearchHitModel[];
  @Field(() => ModerationPageInfoModel) pageInfo: ModerationPageInfoModel;
}
